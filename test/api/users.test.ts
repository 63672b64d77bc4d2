import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Client;
let siteId: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const sites = (await admin.get('/api/sites')).json() as { id: string; code: string }[];
  siteId = Object.fromEntries(sites.map((s) => [s.code, s.id]));
});
afterAll(() => t.close());

const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  (res.json().error.details ?? []).map((d) => d.path);

/** Rows of a raw query (the Db type leaves the driver's result shape open). */
async function rows<T>(db: TestApp['db'], query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
async function countRows(query: SQL) {
  return (await rows<{ n: number }>(t.db, query))[0].n;
}
const usersNamed = (name: string) =>
  countRows(sql`SELECT count(*)::int AS n FROM users WHERE lower(username) = ${name.toLowerCase()}`);
const auditCount = (action: string) =>
  countRows(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`);

const valid = () => ({
  username: 'neu.fachkraft',
  displayName: 'Neue Fachkraft',
  password: 'Sicheres-Passwort-2026',
  role: 'caseworker',
  siteIds: [siteId.MH],
});

describe('POST /api/users', () => {
  it('creates a caseworker for a site (201) who can then log in', async () => {
    const res = await admin.post('/api/users', valid());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      username: 'neu.fachkraft',
      displayName: 'Neue Fachkraft',
      role: 'caseworker',
      siteIds: [siteId.MH],
      active: true,
      createdAt: expect.any(String),
      lastLoginAt: null,
    });
    const c = await t.login('neu.fachkraft', 'Sicheres-Passwort-2026');
    expect(c.user).toMatchObject({ id: created.id, role: 'caseworker', siteIds: [siteId.MH] });
    const audit = (await admin.get(`/api/audit?action=user.created&entityId=${created.id}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorUsername: 'admin', entityType: 'user' });
    expect(audit.items[0].fields).toEqual(
      expect.arrayContaining(['username', 'password', 'role', 'siteIds']),
    );
  });

  it.each([
    ['missing username', { username: undefined }, 'username', 'VALIDATION'],
    ['unknown role', { username: 'x.rolle', role: 'superuser' }, 'role', 'VALIDATION'],
    [
      'password under 12 characters',
      { username: 'x.kurz', password: 'Kurz-2026ab' },
      'password',
      'VALIDATION',
    ],
    [
      'password equal to username',
      { username: 'lange.kennung', password: 'Lange.Kennung' },
      'password',
      'WEAK_PASSWORD',
    ],
    ['caseworker without sites', { username: 'x.ohne', siteIds: [] }, 'siteIds', 'VALIDATION'],
    [
      'siteLead without sites',
      { username: 'x.ohne2', role: 'siteLead', siteIds: undefined },
      'siteIds',
      'VALIDATION',
    ],
    [
      'unknown site',
      { username: 'x.fremd', siteIds: ['00000000-0000-4000-8000-000000000000'] },
      'siteIds.0',
      'VALIDATION',
    ],
    ['site id not a uuid', { username: 'x.kaputt', siteIds: ['BA'] }, 'siteIds.0', 'VALIDATION'],
  ])('400 for %s, naming the field and creating nothing', async (_, patch, field, code) => {
    const body = { ...valid(), ...patch };
    const res = await admin.post('/api/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(paths(res)).toContain(field);
    if (body.username) expect(await usersNamed(body.username)).toBe(0);
  });

  it('409 for a duplicate username in another letter case: no second row, no audit entry', async () => {
    const before = await auditCount('user.created');
    const res = await admin.post('/api/users', { ...valid(), username: 'Fachkraft.BA' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(paths(res)).toContain('username');
    expect(await usersNamed('fachkraft.ba')).toBe(1);
    expect(await auditCount('user.created')).toBe(before);
  });
});

describe('GET /api/users', () => {
  beforeAll(async () => {
    for (const [username, role, site] of [
      ['anna.hh', 'caseworker', 'HH'],
      ['bernd.hh', 'siteLead', 'HH'],
      ['carla.es', 'caseworker', 'ES'],
    ] as const) {
      const res = await admin.post('/api/users', {
        username,
        displayName: `Person ${username}`,
        password: 'Sicheres-Passwort-2026',
        role,
        siteIds: [siteId[site]],
      });
      expect(res.statusCode).toBe(201);
    }
  });

  it('pages with page, pageSize and total', async () => {
    const all = (await admin.get('/api/users?pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(11);
    const pages = [];
    for (let page = 1; page <= Math.ceil(all.total / 3); page++) {
      const res = (await admin.get(`/api/users?pageSize=3&page=${page}`)).json();
      expect(res).toMatchObject({ page, pageSize: 3, total: all.total });
      expect(res.items.length).toBeLessThanOrEqual(3);
      pages.push(...res.items);
    }
    expect(pages.map((u) => u.id)).toEqual(all.items.map((u: { id: string }) => u.id));
    const beyond = (await admin.get('/api/users?pageSize=3&page=99')).json();
    expect(beyond.items).toEqual([]);
    expect((await admin.get('/api/users?pageSize=0')).statusCode).toBe(400);
    expect((await admin.get('/api/users?pageSize=201')).statusCode).toBe(400);
  });

  it('sorts by username ascending and descending', async () => {
    const asc = (await admin.get('/api/users?sort=username&order=asc&pageSize=200')).json().items;
    const desc = (await admin.get('/api/users?sort=username&order=desc&pageSize=200')).json().items;
    const names = asc.map((u: { username: string }) => u.username);
    expect(names.slice(0, 4)).toEqual(['admin', 'anna.hh', 'beirat', 'bernd.hh']);
    expect(names.at(-1)).toBe('zentrale');
    expect(desc.map((u: { username: string }) => u.username)).toEqual([...names].reverse());
    expect((await admin.get('/api/users?sort=passwordHash')).statusCode).toBe(400);
  });

  it('filters by role, by q (username or display name, any case) and by site', async () => {
    const caseworkers = (await admin.get('/api/users?role=caseworker&pageSize=200')).json();
    expect(caseworkers.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'anna.hh',
      'carla.es',
      'fachkraft.ba',
      'neu.fachkraft',
    ]);
    expect(caseworkers.total).toBe(4);

    const q = (await admin.get('/api/users?q=FACHKRAFT')).json();
    expect(q.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'fachkraft.ba',
      'neu.fachkraft',
    ]);
    const byName = (await admin.get(`/api/users?q=${encodeURIComponent('demo beirat')}`)).json();
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['beirat']);

    const hh = (await admin.get(`/api/users?siteId=${siteId.HH}`)).json();
    expect(hh.items.map((u: { username: string }) => u.username)).toEqual(['anna.hh', 'bernd.hh']);
    const combined = (await admin.get(`/api/users?siteId=${siteId.HH}&role=siteLead`)).json();
    expect(combined.items.map((u: { username: string }) => u.username)).toEqual(['bernd.hh']);
    expect(combined.total).toBe(1);
  });

  it('never contains a password hash', async () => {
    const res = await admin.get('/api/users?pageSize=200');
    expect(res.body).not.toMatch(/password/i);
    expect(res.body).not.toContain('$argon2');
    for (const u of res.json().items) {
      expect(Object.keys(u).sort()).toEqual(
        ['active', 'createdAt', 'displayName', 'id', 'lastLoginAt', 'role', 'siteIds', 'username'].sort(),
      );
    }
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes display name, role, sites, password and active; audits the field names', async () => {
    const { id } = (await admin.post('/api/users', { ...valid(), username: 'wandel.user' })).json();
    const res = await admin.patch(`/api/users/${id}`, { displayName: 'Neuer Name' });
    expect(res.statusCode).toBe(200);
    expect(res.json().displayName).toBe('Neuer Name');

    const promoted = await admin.patch(`/api/users/${id}`, {
      role: 'siteLead',
      siteIds: [siteId.LD, siteId.IN],
    });
    expect(promoted.json()).toMatchObject({ role: 'siteLead', siteIds: [siteId.LD, siteId.IN] });
    const lead = await t.login('wandel.user', 'Sicheres-Passwort-2026');
    expect(lead.user).toMatchObject({ role: 'siteLead', siteIds: [siteId.LD, siteId.IN] });

    expect((await admin.patch(`/api/users/${id}`, { siteIds: [] })).statusCode).toBe(400);
    expect((await admin.patch(`/api/users/${id}`, { password: 'Wandel.User' })).statusCode).toBe(400);

    expect((await admin.patch(`/api/users/${id}`, { password: 'Ganz-Neues-Passwort-1' })).statusCode).toBe(
      200,
    );
    expect((await t.login('wandel.user', 'Ganz-Neues-Passwort-1')).user.id).toBe(id);
    await expect(t.login('wandel.user', 'Sicheres-Passwort-2026')).rejects.toThrow(/401/);

    const fields = (await admin.get(`/api/audit?action=user.updated&entityId=${id}`))
      .json()
      .items.map((e: { fields: string[] }) => e.fields);
    expect(fields).toEqual(expect.arrayContaining([['displayName'], ['role', 'siteIds'], ['password']]));
  });

  it('deactivating a user ends their sessions and stops logins; reactivating allows them again', async () => {
    const c = await t.login('netzwerk');
    const me = (cookie: string) =>
      t.app.inject({ url: '/api/auth/me', cookies: { quartier_session: cookie } });
    expect((await me(c.cookie)).statusCode).toBe(200);
    const res = await admin.patch(`/api/users/${c.user.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await me(c.cookie)).statusCode).toBe(401);
    expect(await countRows(sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${c.user.id}`)).toBe(
      0,
    );
    await expect(t.login('netzwerk')).rejects.toThrow(/401/);
    expect(
      (await admin.get('/api/users?active=false')).json().items.map((u: { id: string }) => u.id),
    ).toEqual([c.user.id]);
    await admin.patch(`/api/users/${c.user.id}`, { active: true });
    expect((await t.login('netzwerk')).user.id).toBe(c.user.id);
  });

  it('404 for an unknown id, 400 for a malformed one', async () => {
    expect(
      (await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { displayName: 'x' })).statusCode,
    ).toBe(404);
    expect((await admin.patch('/api/users/not-a-uuid', { displayName: 'x' })).statusCode).toBe(400);
  });

  it('keeps the last active admin: no demotion, no deactivation (409); with a second admin it works', async () => {
    const before = await auditCount('user.updated');
    const demote = await admin.patch(`/api/users/${admin.user.id}`, { role: 'central' });
    expect(demote.statusCode).toBe(409);
    expect(paths(demote)).toContain('role');
    const deactivate = await admin.patch(`/api/users/${admin.user.id}`, { active: false });
    expect(deactivate.statusCode).toBe(409);
    expect(paths(deactivate)).toContain('active');
    expect(await auditCount('user.updated')).toBe(before);
    const self = (await admin.get('/api/auth/me')).json().user;
    expect(self.role).toBe('admin');

    const second = await admin.post('/api/users', {
      ...valid(),
      username: 'zweit.admin',
      role: 'admin',
      siteIds: [],
    });
    expect(second.statusCode).toBe(201);
    expect((await admin.patch(`/api/users/${second.json().id}`, { active: false })).statusCode).toBe(200);
    // the other one is inactive, so admin is again the last active admin
    expect((await admin.patch(`/api/users/${admin.user.id}`, { active: false })).statusCode).toBe(409);
  });
});

describe('access', () => {
  it('non-admins get 403 on list, create and update', async () => {
    const target = (await admin.get('/api/users?q=beirat')).json().items[0].id;
    for (const username of ['zentrale', 'leitung.ba', 'fachkraft.ba', 'beirat']) {
      const c = await t.login(username);
      expect((await c.get('/api/users')).statusCode, username).toBe(403);
      expect((await c.post('/api/users', { ...valid(), username: `von.${username}` })).statusCode).toBe(403);
      expect((await c.patch(`/api/users/${target}`, { displayName: 'Gehackt' })).statusCode).toBe(403);
    }
    expect(await usersNamed('von.zentrale')).toBe(0);
    expect((await admin.get('/api/users?q=beirat')).json().items[0].displayName).toBe('Demo Beirat');
  });
});

describe('fixed server bugs (regression tests)', () => {
  // BUG: a PATCH whose body sets nothing ({} or only unknown keys, which zod strips) reaches
  // drizzle's update().set() with no values; drizzle throws "No values to set" → 500 INTERNAL.
  it('an empty PATCH /api/users/:id answers 200 (no change) or 400, never 500', async () => {
    const target = (await admin.get('/api/users?q=beirat')).json().items[0].id;
    const res = await admin.patch(`/api/users/${target}`, {});
    expect([200, 400]).toContain(res.statusCode);
  });

  // Was a bug: the count of other admins ran outside the write transaction, so on PostgreSQL two admins
  // deactivating each other at once both succeeded. Now the admin rows are locked inside the transaction.
  it('two admins deactivating each other at once leave one active admin', async () => {
    const solo = await createTestApp({ demo: false });
    try {
      for (let round = 0; round < 5; round++) {
        await solo.db.execute(sql`UPDATE users SET active = (username = 'admin')`);
        const first = await solo.login('admin', 'Admin-Password-2026');
        const created = await first.post('/api/users', {
          username: `admin.${round}`,
          displayName: 'Zweite Administration',
          password: 'Zweite-Leitung-2026',
          role: 'admin',
          siteIds: [],
        });
        expect(created.statusCode).toBe(201);
        const second = await solo.login(`admin.${round}`, 'Zweite-Leitung-2026');
        await Promise.all([
          first.patch(`/api/users/${second.user.id}`, { active: false }),
          second.patch(`/api/users/${first.user.id}`, { active: false }),
        ]);
        const left = await rows<{ n: number }>(
          solo.db,
          sql`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`,
        );
        expect(left[0].n, `round ${round}`).toBe(1);
      }
    } finally {
      await solo.close();
    }
  });
});
