import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mfaRequiredRoles } from '../../src/server/platform/auth/mfa-policy.js';
import { base32Encode, timeStep, totpCode } from '../../src/server/platform/auth/totp.js';
import { ConfigError, loadConfig } from '../../src/server/platform/config.js';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

// Not demo mode for MFA (the demo accounts stay): site leads must use MFA; behind a proxy.
const env = { QUARTIER_DEMO: '0', QUARTIER_MFA_REQUIRED_ROLES: 'siteLead', QUARTIER_TRUST_PROXY: '1' };
const password = 'Start-Passwort-2026';

let t: TestApp;
let admin: Client;
let baSiteId: string;

beforeAll(async () => {
  t = await createTestApp({ env });
  admin = await t.login('admin');
  baSiteId = (await admin.get('/api/sites')).json().find((s: { code: string }) => s.code === 'BA').id;
}, 300_000);
afterAll(() => t.close());

type Body = { username: string; password: string; code?: string; remember?: boolean };
const loginRaw = (body: Body, cookie?: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: body,
    headers,
    ...(cookie ? { cookies: { quartier_session: cookie } } : {}),
  });
const sessionOf = (res: Awaited<ReturnType<typeof loginRaw>>) => {
  const cookie = res.cookies.find((c) => c.name === 'quartier_session');
  return { cookie: cookie?.value ?? '', csrf: res.json().csrfToken as string, raw: cookie };
};
const call = (
  s: { cookie: string; csrf: string },
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) =>
  t.app.inject({
    method,
    url,
    payload,
    cookies: { quartier_session: s.cookie },
    headers: { 'x-csrf-token': s.csrf },
  });

async function newUser(username: string, role = 'caseworker') {
  const res = await admin.post('/api/users', {
    username,
    displayName: `Test ${username}`,
    password,
    role,
    siteIds: [baSiteId],
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** Signs in, sets up MFA; returns the secret, the recovery codes and the session. */
async function withMfa(username: string) {
  const s = sessionOf(await loginRaw({ username, password }));
  const setup = await call(s, 'POST', '/api/auth/mfa/setup');
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret } = setup.json();
  const enable = await call(s, 'POST', '/api/auth/mfa/enable', { code: totpCode(secret, timeStep()) });
  expect(enable.statusCode, enable.body).toBe(200);
  return { secret, recoveryCodes: enable.json().recoveryCodes as string[], session: s };
}
/** A code of the next step: the current one was spent at set-up (a code counts once). */
const nextCode = (secret: string, ahead = 1) => totpCode(secret, timeStep() + ahead);

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('gives the RFC test vectors (last 6 digits)', () => {
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, code] of [
      [59, '287082'],
      [1111111109, '081804'],
      [1234567890, '005924'],
      [2000000000, '279037'],
    ] as const) {
      expect(totpCode(secret, timeStep(seconds * 1000))).toBe(code);
    }
  });
});

describe('MFA set-up and login', () => {
  it('setup answers a base32 secret and an otpauth URL; enable needs a right code and gives 10 recovery codes', async () => {
    await newUser('mfa.eins');
    const s = sessionOf(await loginRaw({ username: 'mfa.eins', password }));
    const setup = await call(s, 'POST', '/api/auth/mfa/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Quartier:mfa.eins');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret,
      issuer: 'Quartier',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    const wrong = await call(s, 'POST', '/api/auth/mfa/enable', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('code');
    const ok = await call(s, 'POST', '/api/auth/mfa/enable', { code: totpCode(secret, timeStep()) });
    expect(ok.statusCode).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const me = (await call(s, 'GET', '/api/auth/me')).json();
    expect(me.account).toEqual({ mfaEnabled: true, mfaRequired: false, passwordMustChange: false });
    expect((await call(s, 'POST', '/api/auth/mfa/setup')).statusCode).toBe(409);
  });

  it('login without a code is 401 MFA_REQUIRED; with a right code 200; a code counts once', async () => {
    await newUser('mfa.zwei');
    const { secret } = await withMfa('mfa.zwei');
    const noCode = await loginRaw({ username: 'mfa.zwei', password });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('MFA_REQUIRED');
    expect(noCode.cookies.find((c) => c.name === 'quartier_session')).toBeUndefined();
    const code = nextCode(secret);
    const ok = await loginRaw({ username: 'mfa.zwei', password, code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().account.mfaEnabled).toBe(true);
    const replay = await loginRaw({ username: 'mfa.zwei', password, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('MFA_INVALID');
    // a wrong password with a right code is the plain wrong-credentials answer
    const wrongPassword = await loginRaw({ username: 'mfa.zwei', password: 'Falsch-Passwort-99', code });
    expect(wrongPassword.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('a recovery code signs in once', async () => {
    await newUser('mfa.drei');
    const { recoveryCodes } = await withMfa('mfa.drei');
    const first = await loginRaw({ username: 'mfa.drei', password, code: recoveryCodes[3].toUpperCase() });
    expect(first.statusCode, first.body).toBe(200);
    const again = await loginRaw({ username: 'mfa.drei', password, code: recoveryCodes[3] });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('MFA_INVALID');
    const audit = await admin.get('/api/audit?action=auth.mfa_recovery_used&pageSize=50');
    expect(audit.json().items.length).toBeGreaterThanOrEqual(1);
  });

  it('wrong codes count towards the lock: after 5, even the right code answers 429', async () => {
    await newUser('mfa.vier');
    const { secret } = await withMfa('mfa.vier');
    for (let i = 0; i < 5; i++) {
      const res = await loginRaw({ username: 'mfa.vier', password, code: '123456' });
      expect(res.statusCode).toBe(401);
    }
    const locked = await loginRaw({ username: 'mfa.vier', password, code: nextCode(secret) });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('MFA can be turned off with the password where the role does not require it', async () => {
    await newUser('mfa.fuenf');
    const { session } = await withMfa('mfa.fuenf');
    const wrong = await call(session, 'DELETE', '/api/auth/mfa', { password: 'Nicht-Das-Passwort-1' });
    expect(wrong.statusCode).toBe(400);
    expect((await call(session, 'DELETE', '/api/auth/mfa', { password })).statusCode).toBe(204);
    expect((await loginRaw({ username: 'mfa.fuenf', password })).statusCode).toBe(200);
  });
});

describe('roles that must use MFA (QUARTIER_MFA_REQUIRED_ROLES)', () => {
  it('a site lead without MFA may only set it up: other routes answer 403 MFA_SETUP_REQUIRED', async () => {
    const s = sessionOf(await loginRaw({ username: 'leitung.ba', password: demoPassword }));
    const me = await call(s, 'GET', '/api/auth/me');
    expect(me.json().account).toEqual({ mfaEnabled: false, mfaRequired: true, passwordMustChange: false });
    const refused = await call(s, 'GET', '/api/households');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('MFA_SETUP_REQUIRED');
    expect((await call(s, 'GET', '/api/auth/sessions')).statusCode).toBe(200);
    const { secret } = (await call(s, 'POST', '/api/auth/mfa/setup')).json();
    await call(s, 'POST', '/api/auth/mfa/enable', { code: totpCode(secret, timeStep()) });
    expect((await call(s, 'GET', '/api/households')).statusCode).toBe(200);
    // required for the role: cannot be turned off
    const off = await call(s, 'DELETE', '/api/auth/mfa', { password: demoPassword });
    expect(off.statusCode).toBe(403);
  });

  it('other roles are not asked', async () => {
    const s = sessionOf(await loginRaw({ username: 'fachkraft.ba', password: demoPassword }));
    expect((await call(s, 'GET', '/api/households')).statusCode).toBe(200);
  });

  it('config: default admin, central, siteLead (and dpo); empty or none = no role; unknown role refused; demo = none', () => {
    expect(loadConfig({}).QUARTIER_MFA_REQUIRED_ROLES).toEqual(
      expect.arrayContaining(['admin', 'central', 'siteLead']),
    );
    expect(loadConfig({ QUARTIER_MFA_REQUIRED_ROLES: '' }).QUARTIER_MFA_REQUIRED_ROLES).toEqual([]);
    expect(loadConfig({ QUARTIER_MFA_REQUIRED_ROLES: 'none' }).QUARTIER_MFA_REQUIRED_ROLES).toEqual([]);
    expect(loadConfig({ QUARTIER_MFA_REQUIRED_ROLES: 'admin, board' }).QUARTIER_MFA_REQUIRED_ROLES).toEqual([
      'admin',
      'board',
    ]);
    expect(() => loadConfig({ QUARTIER_MFA_REQUIRED_ROLES: 'admin,superuser' })).toThrow(ConfigError);
    expect(mfaRequiredRoles(loadConfig({ QUARTIER_DEMO: '1' }))).toEqual([]);
    expect(mfaRequiredRoles(loadConfig({ QUARTIER_DEMO: '0' }))).toContain('admin');
  });
});

describe('sessions', () => {
  it('lists the own sessions and logs out everywhere', async () => {
    await newUser('sitzung.eins');
    const a = sessionOf(
      await loginRaw({ username: 'sitzung.eins', password }, undefined, { 'user-agent': 'Browser A' }),
    );
    const b = sessionOf(
      await loginRaw({ username: 'sitzung.eins', password }, undefined, { 'user-agent': 'Browser B' }),
    );
    const list = await call(a, 'GET', '/api/auth/sessions');
    expect(list.statusCode).toBe(200);
    const items = list.json();
    expect(items).toHaveLength(2);
    expect(items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(items.map((s: { userAgent: string }) => s.userAgent).sort()).toEqual(['Browser A', 'Browser B']);
    expect(items.find((s: { current: boolean }) => s.current).userAgent).toBe('Browser A');
    const out = await call(a, 'DELETE', '/api/auth/sessions');
    expect(out.statusCode).toBe(204);
    expect((await call(a, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await call(b, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const audit = await admin.get('/api/audit?action=auth.sessions_ended&pageSize=50');
    expect(audit.json().items.length).toBeGreaterThanOrEqual(1);
  });

  it('a new login rotates the session: the cookie it came with no longer works', async () => {
    await newUser('sitzung.zwei');
    const first = sessionOf(await loginRaw({ username: 'sitzung.zwei', password }));
    const second = sessionOf(await loginRaw({ username: 'sitzung.zwei', password }, first.cookie));
    expect(second.cookie).not.toBe(first.cookie);
    expect((await call(first, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await call(second, 'GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('the cookie is a browser-session cookie unless "remember this device"; Secure behind a proxy', async () => {
    const plain = sessionOf(await loginRaw({ username: 'fachkraft.ba', password: demoPassword })).raw;
    expect(plain?.maxAge).toBeUndefined();
    expect(plain?.expires).toBeUndefined();
    expect(plain?.secure).toBe(true);
    const remembered = sessionOf(
      await loginRaw({ username: 'fachkraft.ba', password: demoPassword, remember: true }),
    );
    expect(remembered.raw?.maxAge).toBe(12 * 3600);
    const list = (await call(remembered, 'GET', '/api/auth/sessions')).json();
    expect(list.find((s: { current: boolean }) => s.current).remember).toBe(true);
  });

  it('trustProxy: the session list and the audit see the client address from X-Forwarded-For', async () => {
    await newUser('sitzung.drei');
    const s = sessionOf(
      await loginRaw({ username: 'sitzung.drei', password }, undefined, { 'x-forwarded-for': '203.0.113.7' }),
    );
    const list = (await call(s, 'GET', '/api/auth/sessions')).json();
    expect(list[0].clientIp).toBe('203.0.113.7');
    const audit = (await admin.get('/api/audit?action=auth.login&pageSize=5')).json();
    expect(audit.items[0].ip).toBe('203.0.113.7');
  });
});

describe('Cache-Control: no-store', () => {
  it('on every API answer with personal data, on errors and on exports', async () => {
    const caseworker = await t.login('fachkraft.ba');
    for (const url of [
      '/api/households',
      '/api/auth/me',
      '/api/auth/sessions',
      '/api/users',
      '/api/nowhere',
    ]) {
      const res = await (url === '/api/users' ? admin : caseworker).get(url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const exportRes = await t.login('zentrale').then((c) => c.get('/api/statistics/export.csv?table=sites'));
    expect(exportRes.statusCode).toBe(200);
    expect(exportRes.headers['cache-control']).toBe('no-store');
    const login = await loginRaw({ username: 'fachkraft.ba', password: demoPassword });
    expect(login.headers['cache-control']).toBe('no-store');
  });
});
