import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/*
 * Each process caches the sessions it has looked up (platform/auth/session-cache.ts). Whatever changes a
 * session or its account must still hold from the very next request on: these tests first make the
 * session cached (several requests), then change it, then ask once more.
 */
let t: TestApp;
let admin: Client;
let sites: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  sites = Object.fromEntries(
    ((await admin.get('/api/sites')).json() as { id: string; code: string }[]).map((s) => [s.code, s.id]),
  );
});
afterAll(() => t.close());

const me = (c: Client) => c.get('/api/auth/me');

async function cachedUser(username: string): Promise<{ id: string; client: Client }> {
  const created = await admin.post('/api/users', {
    username,
    displayName: `Test ${username}`,
    password: 'Start-Passwort-2026',
    role: 'caseworker',
    siteIds: [sites.BA],
  });
  expect(created.statusCode, created.body).toBe(201);
  const client = await t.login(username, 'Start-Passwort-2026');
  for (let i = 0; i < 3; i++) expect((await me(client)).statusCode).toBe(200);
  return { id: created.json().id, client };
}

describe('a cached session', () => {
  it('listens for the database’s notices', () => {
    expect(t.app.sessionCache.enabled).toBe(true);
  });

  it('is gone on the next request after its logout', async () => {
    const { client } = await cachedUser('cache.logout');
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await me(client)).statusCode).toBe(401);
  });

  it('shows a changed account on the next request, and ends with a change of rights', async () => {
    const { id, client } = await cachedUser('cache.rolle');
    // a new display name keeps the session: the next answer already carries it
    expect((await admin.patch(`/api/users/${id}`, { displayName: 'Neu Benannt' })).statusCode).toBe(200);
    expect((await me(client)).json().user.displayName).toBe('Neu Benannt');
    // new rights end the session (users/service.ts), cached or not
    const patched = await admin.patch(`/api/users/${id}`, { role: 'siteLead', siteIds: [sites.MH] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await me(client)).statusCode).toBe(401);
    expect((await client.get(`/api/households?siteId=${sites.BA}`)).statusCode).toBe(401);
  });

  it('ends with the deactivation of its account', async () => {
    const { id, client } = await cachedUser('cache.aus');
    expect((await admin.patch(`/api/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await me(client)).statusCode).toBe(401);
  });

  it('ends when its idle time or its lifetime is over, though cached', async () => {
    const idle = await cachedUser('cache.idle');
    await t.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${idle.id}`,
    );
    await t.settled();
    expect((await me(idle.client)).statusCode).toBe(401);
    const old = await cachedUser('cache.alt');
    await t.db.execute(
      sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ${old.id}`,
    );
    await t.settled();
    expect((await me(old.client)).statusCode).toBe(401);
  });

  it('ends when the session is deleted behind the process’s back (another process, a script)', async () => {
    const { id, client } = await cachedUser('cache.weg');
    await t.db.execute(sql`DELETE FROM sessions WHERE user_id = ${id}`);
    await t.settled();
    expect((await me(client)).statusCode).toBe(401);
  });

  it('is served from the cache while no notice came (the notice is what ends it)', async () => {
    const { id, client } = await cachedUser('cache.treffer');
    // a deletion the database does not announce: only a cache answers 200 now
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE sessions DISABLE TRIGGER sessions_notice_delete`);
      await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${id}`);
      await tx.execute(sql`ALTER TABLE sessions ENABLE TRIGGER sessions_notice_delete`);
    });
    await t.settled();
    expect((await me(client)).statusCode).toBe(200);
    // a change of the account announces itself and ends the cached session too
    await t.db.execute(sql`UPDATE users SET active = false WHERE id = ${id}`);
    await t.settled();
    expect((await me(client)).statusCode).toBe(401);
  });
});
