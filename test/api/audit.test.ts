import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Client;
let central: Client;
let baSiteId: string;

interface Entry {
  id: number;
  at: string;
  actorUsername: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string;
  ip: string | null;
  fields: string[];
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  central = await t.login('zentrale');
  baSiteId = (await admin.get('/api/sites')).json()[0].id;
});
afterAll(() => t.close());

const read = async (client: Client, query = '') => {
  const res = await client.get(`/api/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Entry[]; total: number; page: number; pageSize: number };
};
const rowCount = async (query: SQL) => (await rows<{ n: number }>(t.db, query))[0].n;
/** Rows of a raw query (the Db type leaves the driver's result shape open). */
async function rows<T>(db: TestApp['db'], query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
const berlinDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(d);

describe('access', () => {
  it('admin and central may read; every other role gets 403', async () => {
    expect((await read(admin)).total).toBeGreaterThan(0);
    expect((await read(central)).total).toBeGreaterThan(0);
    for (const username of ['leitung.ba', 'fachkraft.ba', 'ehrenamt', 'netzwerk', 'beirat']) {
      const res = await (await t.login(username)).get('/api/audit');
      expect(res.statusCode, username).toBe(403);
    }
  });
});

describe('content', () => {
  it('names changed fields and never their values', async () => {
    const created = await admin.post('/api/users', {
      username: 'erika.m',
      displayName: 'Erika Mustermann',
      password: 'Sehr-Geheim-2026',
      role: 'caseworker',
      siteIds: [baSiteId],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await admin.patch(`/api/users/${id}`, { password: 'Noch-Geheimer-2027', displayName: 'Erika M.' });
    await t.login('erika.m', 'Noch-Geheimer-2027');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'erika.m', password: 'Falsch-Geheim-2028' },
    });

    const res = await admin.get('/api/audit?pageSize=200');
    for (const secret of ['Sehr-Geheim-2026', 'Noch-Geheimer-2027', 'Falsch-Geheim-2028', 'Erika', '$argon2'])
      expect(res.body).not.toContain(secret);
    const stored = await rows(t.db, sql`SELECT * FROM audit_log`);
    expect(JSON.stringify(stored)).not.toContain('Geheim');

    const entries = (await read(admin, `?entityId=${id}&pageSize=200`)).items;
    const byAction = (a: string) => entries.filter((e) => e.action === a);
    expect(byAction('user.created')[0]).toMatchObject({
      actorUsername: 'admin',
      role: 'admin',
      entityType: 'user',
    });
    expect(byAction('user.created')[0].fields).toEqual(expect.arrayContaining(['password', 'displayName']));
    expect(byAction('user.updated')[0].fields).toEqual(['displayName', 'password']);
    expect(byAction('auth.login')[0]).toMatchObject({ actorUsername: 'erika.m', entityType: 'session' });
    const failed = (await read(admin, '?action=auth.login_failed')).items;
    expect(failed[0]).toMatchObject({ actorUsername: 'erika.m', fields: [] });
  });

  it('records the request id of the write and the client ip', async () => {
    const res = await admin.patch(`/api/sites/${baSiteId}`, { name: 'Brackel / Aplerbeck' });
    expect(res.statusCode).toBe(200);
    const [entry] = (await read(admin, `?action=site.updated&entityId=${baSiteId}`)).items;
    expect(entry.requestId).toBe(res.headers['x-request-id']);
    expect(entry.ip).toBeTruthy();
    expect(entry.fields).toEqual(['name']);
    expect(entry.role).toBe('admin');
  });
});

describe('filters and paging', () => {
  it('filters by actor (any letter case) and entity type', async () => {
    const mine = await read(central, '?actor=ADMIN&pageSize=200');
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((e) => e.actorUsername))).toEqual(new Set(['admin']));
    const sites = await read(central, '?entityType=site&pageSize=200');
    expect(sites.total).toBeGreaterThan(0);
    expect(new Set(sites.items.map((e) => e.entityType))).toEqual(new Set(['site']));
    const both = await read(central, '?entityType=user&actor=admin&pageSize=200');
    for (const e of both.items) expect([e.entityType, e.actorUsername]).toEqual(['user', 'admin']);
    expect((await central.get('/api/audit?entityType=spaceship')).statusCode).toBe(400);
  });

  it('filters by period in Europe/Berlin calendar days, both ends inclusive', async () => {
    const today = berlinDay(new Date());
    const tomorrow = berlinDay(new Date(Date.now() + 86_400_000));
    const yesterday = berlinDay(new Date(Date.now() - 86_400_000));
    expect((await read(admin, `?from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    expect((await read(admin, `?from=${tomorrow}`)).total).toBe(0);
    const allBefore = (await read(admin, `?to=${yesterday}`)).total;

    // 23:30 UTC on 10 March 2024 is already 11 March in Berlin (inserting is allowed, changing is not)
    await t.db.execute(sql`INSERT INTO audit_log (at, actor_username, action, entity_type, request_id, fields)
      VALUES ('2024-03-10T23:30:00Z', 'zeitreise', 'site.updated', 'site', 'test-backdated', '{}')`);
    expect((await read(admin, '?actor=zeitreise&from=2024-03-11&to=2024-03-11')).total).toBe(1);
    expect((await read(admin, '?actor=zeitreise&to=2024-03-10')).total).toBe(0);
    expect((await read(admin, '?actor=zeitreise&from=2024-03-12')).total).toBe(0);
    expect((await read(admin, `?to=${yesterday}`)).total).toBe(allBefore + 1);
    expect((await admin.get('/api/audit?from=11.03.2024')).statusCode).toBe(400);
  });

  it('pages newest first with page, pageSize and total', async () => {
    const all = await read(admin, '?entityType=user&pageSize=200');
    expect(all.total).toBeGreaterThan(4);
    const ids = all.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const p1 = await read(admin, '?entityType=user&pageSize=2&page=1');
    const p2 = await read(admin, '?entityType=user&pageSize=2&page=2');
    expect(p1).toMatchObject({ page: 1, pageSize: 2, total: all.total });
    expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual(ids.slice(0, 4));
    expect((await admin.get('/api/audit?pageSize=500')).statusCode).toBe(400);
  });
});

describe('integrity', () => {
  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const before = await rowCount(sql`SELECT count(*)::int AS n FROM audit_log`);
    await expect(t.db.execute(sql`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow();
    await expect(t.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect(await rowCount(sql`SELECT count(*)::int AS n FROM audit_log`)).toBe(before);
    expect(await rowCount(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'tampered'`)).toBe(0);
  });

  it('a failed write leaves neither data nor audit entry', async () => {
    const [ba, mh] = (await admin.get('/api/sites')).json();
    const before = (await read(admin, `?action=site.updated&entityId=${mh.id}`)).total;
    const res = await admin.patch(`/api/sites/${mh.id}`, { code: ba.code, name: 'Umbenannt' });
    expect(res.statusCode).toBe(409);
    expect((await read(admin, `?action=site.updated&entityId=${mh.id}`)).total).toBe(before);
    const now = (await admin.get('/api/sites')).json().find((s: { id: string }) => s.id === mh.id);
    expect(now).toEqual(mh);
  });

  it('writes and their audit entries commit together: when the entry fails, the write is undone', async () => {
    await t.db.execute(sql`CREATE FUNCTION test_refuse_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit refused by test'; END; $$ LANGUAGE plpgsql`);
    await t.db.execute(sql`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW
      WHEN (NEW.action <> 'auth.login') EXECUTE FUNCTION test_refuse_audit()`);
    try {
      const site = (await admin.get('/api/sites')).json()[2];
      const attempts = [
        await admin.patch(`/api/sites/${site.id}`, { name: 'Nie gespeichert' }),
        await admin.post('/api/sites', { code: 'NIE', name: 'Nie', openedOn: '2025-01-01' }),
        await admin.post('/api/users', {
          username: 'nie.gespeichert',
          displayName: 'Nie',
          password: 'Protokoll-Pflicht-2026',
          role: 'central',
        }),
        await admin.post('/api/reference/life-areas', { code: 'nie', labelDe: 'Nie', labelEn: 'Never' }),
      ];
      for (const res of attempts) expect(res.statusCode).toBe(500);
      const sites = (await admin.get('/api/sites')).json();
      expect(sites.find((s: { id: string }) => s.id === site.id).name).toBe(site.name);
      expect(sites.some((s: { code: string }) => s.code === 'NIE')).toBe(false);
      expect(
        await rowCount(sql`SELECT count(*)::int AS n FROM users WHERE username = 'nie.gespeichert'`),
      ).toBe(0);
      expect(await rowCount(sql`SELECT count(*)::int AS n FROM reference_values WHERE code = 'nie'`)).toBe(0);
    } finally {
      await t.db.execute(sql`DROP TRIGGER test_refuse_audit ON audit_log`);
      await t.db.execute(sql`DROP FUNCTION test_refuse_audit()`);
    }
  });

  it('reading the audit log is itself audited, with the filters used', async () => {
    await central.get('/api/audit?entityType=user&actor=admin&page=2');
    const [entry] = (await read(admin, '?action=audit.read&actor=zentrale')).items;
    expect(entry).toMatchObject({ actorUsername: 'zentrale', role: 'central', entityType: 'audit' });
    expect([...entry.fields].sort()).toEqual(['actor', 'entityType']);
    // and that read shows up in the next one
    const again = (await read(admin, '?action=audit.read&actor=admin')).items;
    expect(again.length).toBeGreaterThan(0);
  });
});
