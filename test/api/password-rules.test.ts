import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, passwordIssue } from '../../src/shared/password-rules.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

// A real (not demo) installation: only the admin account, the demo password is refused.
let t: TestApp;
let admin: Client;
let baSiteId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  admin = await t.login('admin', 'Admin-Password-2026');
  baSiteId = (await admin.get('/api/sites')).json().find((s: { code: string }) => s.code === 'BA').id;
}, 300_000);
afterAll(() => t.close());

const account = (username: string, password: string) => ({
  username,
  displayName: `Test ${username}`,
  password,
  role: 'caseworker',
  siteIds: [baSiteId],
});

describe('passwordIssue (shared by server and web)', () => {
  const ctx = { username: 'anna.berg', demo: false };
  it.each([
    ['Kurz-2026', 'passwordTooShort'],
    ['aaaaaaaaaaaaaa', 'passwordRepeated'],
    ['abababababab', 'passwordRepeated'],
    ['12345678901234', 'passwordSequence'],
    ['abcdefghijklm', 'passwordSequence'],
    ['qwertzuiopü', 'passwordTooShort'],
    ['QWERTZUIOPÜ+', 'passwordSequence'],
    ['9876543210987', 'passwordSequence'],
    ['Anna.Berg-2026!', 'passwordHasUsername'],
    ['annaberg-im-Sommer', 'passwordHasUsername'],
    [demoPassword, 'passwordDemo'],
    ['passwordpassword', 'passwordCommon'],
    ['Passwort2026!!', 'passwordCommon'],
    ['P@ssw0rd123456', 'passwordCommon'],
    ['!!Willkommen2026', 'passwordCommon'],
    ['Borussia09-2026', 'passwordCommon'],
    ['iloveyou12345', 'passwordCommon'],
  ])('%s → %s', (password, issue) => {
    expect(passwordIssue(password, ctx)).toBe(issue);
  });

  it.each([
    'Sicheres-Passwort-2026',
    'Mengede-Huckarde-2026',
    'Tulpe Regen Zange 7',
    'korrekt-Pferd-Batterie',
  ])('accepts %s', (password) => {
    expect(passwordIssue(password, ctx)).toBeNull();
  });

  it('the demo password is allowed in demo mode only', () => {
    expect(passwordIssue(demoPassword, { username: 'x.y', demo: true })).toBeNull();
    expect(passwordIssue(demoPassword, { username: 'x.y', demo: false })).toBe('passwordDemo');
  });
});

describe('the API refuses weak passwords with a clear message at the field', () => {
  it.each([
    ['Passwort2026!!', 'gehört zu den häufigsten Passwörtern', 'one of the most common passwords'],
    ['aaaaaaaaaaaaaa', 'nur wenige verschiedene Zeichen', 'only a few different characters'],
    ['12345678901234', 'Zeichenfolge wie 12345678', 'a sequence such as 12345678'],
    [demoPassword, 'Demo-Passwort', 'demo password'],
    ['pw.regel-Sommer-26', 'Benutzernamen', 'username'],
  ])(
    'creating an account with %s: 400 WEAK_PASSWORD naming password, German and English',
    async (pw, de, en) => {
      const res = await admin.post('/api/users', account('pw.regel', pw));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('WEAK_PASSWORD');
      expect(res.json().error.details).toEqual([{ path: 'password', message: expect.stringContaining(de) }]);
      const english = await admin.request('POST', '/api/users', account('pw.regel', pw), {
        'accept-language': 'en',
      });
      expect(english.json().error.details[0].message).toContain(en);
    },
  );

  it('the own password change follows the same rules (field newPassword)', async () => {
    expect((await admin.post('/api/users', account('pw.eigen', 'Start-Passwort-2026'))).statusCode).toBe(201);
    const user = await t.login('pw.eigen', 'Start-Passwort-2026');
    const weak = await user.post('/api/auth/password', {
      currentPassword: 'Start-Passwort-2026',
      newPassword: 'Willkommen-2026',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('newPassword');
    const same = await user.post('/api/auth/password', {
      currentPassword: 'Start-Passwort-2026',
      newPassword: 'Start-Passwort-2026',
    });
    expect(same.statusCode).toBe(400);
  });
});

describe('a password the administration resets', () => {
  it('must be changed by its owner at the next login before anything else', async () => {
    const created = await admin.post('/api/users', account('pw.reset', 'Erstes-Kennwort-2026'));
    const id = created.json().id;
    const reset = await admin.patch(`/api/users/${id}`, { password: 'Vorlaeufig-Neu-2026' });
    expect(reset.statusCode, reset.body).toBe(200);
    const user = await t.login('pw.reset', 'Vorlaeufig-Neu-2026');
    const me = (await user.get('/api/auth/me')).json();
    expect(me.account.passwordMustChange).toBe(true);
    const refused = await user.get('/api/households');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await user.post('/api/auth/password', {
      currentPassword: 'Vorlaeufig-Neu-2026',
      newPassword: 'Mein-Eigenes-Kennwort-7',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await user.get('/api/households')).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).json().account.passwordMustChange).toBe(false);
  });
});
