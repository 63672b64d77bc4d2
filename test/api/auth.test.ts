import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { loginResponse } from '../../src/shared/schemas/auth.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Client;
let baSiteId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  baSiteId = (await admin.get('/api/sites')).json().find((s: { code: string }) => s.code === 'BA').id;
});
afterAll(() => t.close());

/** Rows of a raw query (the Db type leaves the driver's result shape open). */
async function rows<T>(db: TestApp['db'], query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const loginRaw = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', cookies: { quartier_session: cookie } });

/** A fresh caseworker at BA, so tests that lock or change passwords touch nobody else. */
async function newUser(username: string, password = 'Start-Passwort-2026') {
  const res = await admin.post('/api/users', {
    username,
    displayName: `Test ${username}`,
    password,
    role: 'caseworker',
    siteIds: [baSiteId],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; username: string };
}

describe('login', () => {
  it('answers 200 with the user, a CSRF token and an httpOnly SameSite=Lax session cookie', async () => {
    const res = await loginRaw('fachkraft.ba', demoPassword);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['account', 'csrfToken', 'user']);
    expect(body.account).toEqual({ mfaEnabled: false, mfaRequired: false, passwordMustChange: false });
    expect(body.user).toEqual({
      id: expect.any(String),
      username: 'fachkraft.ba',
      displayName: 'Demo Fachkraft',
      role: 'caseworker',
      siteIds: [baSiteId],
    });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(16);
    const cookie = res.cookies.find((c) => c.name === 'quartier_session');
    expect(cookie).toBeDefined();
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    // the token in the cookie is not what the database stores
    const stored = await rows(t.db, sql`SELECT id FROM sessions WHERE id = ${cookie?.value}`);
    expect(stored).toHaveLength(0);
  });

  it('answers 401 with the same code and message for an unknown username and a wrong password', async () => {
    const unknown = await loginRaw('gibt-es-nicht', 'Irgendein-Passwort-1');
    const wrong = await loginRaw('leitung.ba', 'Falsches-Passwort-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(unknown.json().error.details).toEqual(wrong.json().error.details);
    expect(unknown.cookies.find((c) => c.name === 'quartier_session')).toBeUndefined();
  });

  it('treats the username case-insensitively', async () => {
    const res = await loginRaw('  Fachkraft.BA ', demoPassword);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('fachkraft.ba');
  });

  it('rejects a body without username or password with 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('password');
  });

  it('refuses an inactive user with the usual 401', async () => {
    const u = await newUser('inaktiv.test');
    expect((await admin.patch(`/api/users/${u.id}`, { active: false })).statusCode).toBe(200);
    const res = await loginRaw('inaktiv.test', 'Start-Passwort-2026');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('temporary lock after repeated failures (QUARTIER_LOGIN_MAX_FAILURES = 5)', () => {
  it('locks an existing account: 429 even with the right password, in any letter case', async () => {
    await newUser('sperre.test');
    for (let i = 0; i < 5; i++) {
      const res = await loginRaw('sperre.test', `Falsch-Falsch-${i}`);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const locked = await loginRaw('sperre.test', 'Start-Passwort-2026');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await loginRaw('SPERRE.test', 'Start-Passwort-2026')).statusCode).toBe(429);
    // other accounts are not affected
    expect((await loginRaw('leitung.ba', demoPassword)).statusCode).toBe(200);
  });

  it('gives an unknown username the very same treatment (no existence leak)', async () => {
    const known: { status: number; code: string; message: string }[] = [];
    const unknown: typeof known = [];
    await newUser('vergleich.test');
    for (let i = 0; i < 6; i++) {
      for (const [name, out] of [
        ['vergleich.test', known],
        ['niemand.test', unknown],
      ] as const) {
        const res = await loginRaw(name, `Falsch-Falsch-${i}`);
        out.push({ status: res.statusCode, code: res.json().error.code, message: res.json().error.message });
      }
    }
    expect(unknown).toEqual(known);
    expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('a success before the limit resets the count', async () => {
    await newUser('reset.test');
    for (let i = 0; i < 4; i++)
      expect((await loginRaw('reset.test', 'Falsch-Falsch-x')).statusCode).toBe(401);
    expect((await loginRaw('reset.test', 'Start-Passwort-2026')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await loginRaw('reset.test', 'Falsch-Falsch-x')).statusCode).toBe(401);
    expect((await loginRaw('reset.test', 'Start-Passwort-2026')).statusCode).toBe(200);
  });

  it('the lock ends when its time is over', async () => {
    await newUser('ablauf.test');
    for (let i = 0; i < 5; i++) await loginRaw('ablauf.test', 'Falsch-Falsch-x');
    expect((await loginRaw('ablauf.test', 'Start-Passwort-2026')).statusCode).toBe(429);
    await t.db.execute(
      sql`UPDATE login_throttle SET locked_until = now() - interval '1 minute' WHERE key = 'ablauf.test'`,
    );
    expect((await loginRaw('ablauf.test', 'Start-Passwort-2026')).statusCode).toBe(200);
  });
});

describe('session', () => {
  it('GET /api/auth/me returns the user and the CSRF token of the session; 401 without one', async () => {
    const c = await t.login('leitung.ba');
    const res = await me(c.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: c.user, csrfToken: c.csrfToken, account: expect.any(Object) });
    // written by the compiled serializer: exactly the schema's shape, nothing more
    expect(loginResponse.strict().parse(res.json()).account).toEqual({
      mfaEnabled: false,
      mfaRequired: expect.any(Boolean),
      passwordMustChange: false,
    });
    const anonymous = await t.app.inject({ url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    expect((await me('not-a-session-token')).statusCode).toBe(401);
  });

  it('logout needs the CSRF token, ends the session and clears the cookie', async () => {
    const c = await t.login('leitung.ba');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { quartier_session: c.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await me(c.cookie)).statusCode).toBe(200);
    const res = await c.post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'quartier_session');
    expect(cleared?.value).toBe('');
    expect((await me(c.cookie)).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout (30 min), keeps it just before', async () => {
    const c = await t.login('netzwerk');
    const userId = c.user.id;
    await t.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE user_id = ${userId}`,
    );
    await t.settled();
    expect((await me(c.cookie)).statusCode).toBe(200);
    // that request counted as activity
    const seen = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${userId} AND last_seen_at > now() - interval '1 minute'`,
    );
    expect(seen[0].n).toBe(1);
    await t.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${userId}`,
    );
    await t.settled();
    const res = await me(c.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after the absolute timeout even when active', async () => {
    const c = await t.login('ehrenamt');
    await t.db.execute(
      sql`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE user_id = ${c.user.id}`,
    );
    await t.settled();
    expect((await me(c.cookie)).statusCode).toBe(401);
  });
});

describe('change own password', () => {
  it('checks the current password and the rules, then ends the other sessions', async () => {
    const u = await newUser('passwort.wechsel', 'Altes-Passwort-2026');
    const a = await t.login('passwort.wechsel', 'Altes-Passwort-2026');
    const b = await t.login('passwort.wechsel', 'Altes-Passwort-2026');

    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'Nicht-das-Passwort',
      newPassword: 'Neues-Passwort-2026',
    });
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json().error.details)).toContain('currentPassword');

    const short = await a.post('/api/auth/password', {
      currentPassword: 'Altes-Passwort-2026',
      newPassword: 'kurz-11-abc',
    });
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json().error.details)).toContain('newPassword');

    const asName = await a.post('/api/auth/password', {
      currentPassword: 'Altes-Passwort-2026',
      newPassword: 'Passwort.Wechsel',
    });
    expect(asName.statusCode).toBe(400);
    expect(JSON.stringify(asName.json().error.details)).toContain('newPassword');
    // nothing changed so far
    expect((await me(b.cookie)).statusCode).toBe(200);

    const ok = await a.post('/api/auth/password', {
      currentPassword: 'Altes-Passwort-2026',
      newPassword: 'Neues-Passwort-2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await me(a.cookie)).statusCode).toBe(200);
    expect((await me(b.cookie)).statusCode).toBe(401);
    expect((await loginRaw('passwort.wechsel', 'Altes-Passwort-2026')).statusCode).toBe(401);
    expect((await loginRaw('passwort.wechsel', 'Neues-Passwort-2026')).statusCode).toBe(200);

    const entries = (await admin.get(`/api/audit?entityId=${u.id}&action=auth.password_changed`)).json();
    expect(entries.total).toBe(1);
    expect(entries.items[0].fields).toEqual(['password']);
  });
});

describe('HTTP hygiene', () => {
  it('sends helmet security headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('error responses carry the request id in body and x-request-id header', async () => {
    const res = await loginRaw('gibt-es-nicht', 'Irgendein-Passwort-1');
    const requestId = res.json().error.requestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-request-id']).toBe(requestId);
    const other = await loginRaw('gibt-es-nicht', 'Irgendein-Passwort-1');
    expect(other.json().error.requestId).not.toBe(requestId);
  });

  it('answers in German by default and in English with Accept-Language: en', async () => {
    const de = await loginRaw('gibt-es-nicht', 'Irgendein-Passwort-1');
    expect(de.json().error.message).toBe('Benutzername oder Passwort ist falsch.');
    const en = await loginRaw('gibt-es-nicht', 'Irgendein-Passwort-1', {
      'accept-language': 'en-GB,en;q=0.9',
    });
    expect(en.json().error.message).toBe('Username or password is wrong.');
    const anon = await t.app.inject({ url: '/api/auth/me', headers: { 'accept-language': 'en' } });
    expect(anon.json().error.message).toBe('Please sign in.');
  });
});

describe('login rate limit', () => {
  it('answers 429 TOO_MANY_ATTEMPTS beyond QUARTIER_LOGIN_RATE_PER_MINUTE', async () => {
    const limited = await createTestApp({ demo: false, env: { QUARTIER_LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: `rate${i}`, password: 'Irgendein-Passwort-1' },
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json().error.code).toBe('TOO_MANY_ATTEMPTS');
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
