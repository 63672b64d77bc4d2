import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/*
 * Each process keeps the ranked matches of recent household searches (households/search-cache.ts). A search
 * must still be exact on the very next request after anything that changes its matches or their order —
 * through the API or behind the app's back. Each test first asks the same search twice (so it is kept), then
 * changes something, then asks once more.
 */
let t: TestApp;
let fk: Client;
let lead: Client;
let fkMh: Client;
let ba: string;
let mh: string;

interface Item {
  id: string;
  headName: string;
  status: string;
  memberCount: number;
}

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  const admin = await t.login('admin');
  const sites: { id: string; code: string }[] = (await admin.get('/api/sites')).json();
  ba = sites.find((s) => s.code === 'BA')!.id;
  mh = sites.find((s) => s.code === 'MH')!.id;
  fkMh = await t.createUser(admin, { username: 'cache.mh', role: 'caseworker', siteIds: [mh] });
});
afterAll(() => t.close());

async function register(lastName: string, firstName = 'Samira', siteId = ba) {
  const res = await fk.post('/api/households', {
    siteId,
    category: 'refugee',
    registeredOn: '2024-03-05',
    members: [{ firstName, lastName, birthYear: 1980, roleInHousehold: 'head' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; caseNumber: string; members: { id: string }[] };
}

async function search(client: Client, q: string, extra = ''): Promise<{ items: Item[]; total: number }> {
  const size = extra.includes('pageSize=') ? '' : '&pageSize=10';
  const res = await client.get(`/api/households?q=${encodeURIComponent(q)}${size}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The search twice (the second answer from the cache), both the same. */
async function kept(client: Client, q: string, extra = '') {
  const first = await search(client, q, extra);
  expect(await search(client, q, extra)).toEqual(first);
  return first;
}

/** A change behind the app's back with the search notices switched off (migration 0025). */
async function quietly(change: () => Promise<unknown>) {
  await t.db.execute(sql`ALTER TABLE persons DISABLE TRIGGER persons_list_notice_update`);
  await t.db.execute(sql`ALTER TABLE households DISABLE TRIGGER households_list_notice_update`);
  try {
    await change();
  } finally {
    await t.db.execute(sql`ALTER TABLE persons ENABLE TRIGGER persons_list_notice_update`);
    await t.db.execute(sql`ALTER TABLE households ENABLE TRIGGER households_list_notice_update`);
  }
}

const ids = (r: { items: Item[] }) => r.items.map((i) => i.id);

describe('the household search cache', () => {
  it('serves a repeated search from the cache, and only while it hears the notices', async () => {
    const h = await register('Quellenhof');
    expect(ids(await kept(fk, 'Quellenhof'))).toEqual([h.id]);
    // renamed behind the app's back with the notice switched off: the cached order is what answers
    // (the head's new name reaches households.head_name, whose notice is switched off as well)
    await quietly(() =>
      t.db.execute(
        sql`UPDATE persons SET last_name = 'Unbekannt', last_key = 'nbknt' WHERE household_id = ${h.id}`,
      ),
    );
    await t.settled();
    expect(ids(await search(fk, 'Quellenhof'))).toEqual([h.id]);
    // a renaming with the notice on: gone on the next request
    await t.db.execute(
      sql`UPDATE persons SET last_name = 'Unbekannter', last_key = 'nbkntr' WHERE household_id = ${h.id}`,
    );
    await t.settled();
    expect((await search(fk, 'Quellenhof')).total).toBe(0);
  });

  it('finds a new household, a new member and a renamed member on the next request', async () => {
    const before = await kept(fk, 'Wendelstein');
    expect(before.total).toBe(0);
    const a = await register('Wendelstein');
    const after = await search(fk, 'Wendelstein');
    expect(after.total).toBe(1);
    expect(ids(after)).toEqual([a.id]);

    const other = await register('Brunnhuber');
    expect((await kept(fk, 'Wendelstein')).total).toBe(1);
    const added = await fk.post(`/api/households/${other.id}/members`, {
      firstName: 'Jonas',
      lastName: 'Wendelstein',
      birthYear: 2010,
      roleInHousehold: 'child',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(new Set(ids(await search(fk, 'Wendelstein')))).toEqual(new Set([a.id, other.id]));

    const renamed = await fk.patch(`/api/households/${a.id}/members/${a.members[0].id}`, {
      lastName: 'Hofmann',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(ids(await search(fk, 'Wendelstein'))).toEqual([other.id]);
  });

  it('follows a changed status and sort key, a restriction and a transfer at once', async () => {
    const a = await register('Kranichfeld', 'Amir');
    const b = await register('Kranichfeld', 'Bashir');
    expect((await kept(fk, 'Kranichfeld', '&status=active')).total).toBe(2);
    const closed = await fk.patch(`/api/households/${a.id}`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(ids(await search(fk, 'Kranichfeld', '&status=active'))).toEqual([b.id]);

    // the order of the kept ids follows a changed registration date
    const byDate = await kept(fk, 'Kranichfeld', '&sort=registeredOn&order=asc');
    const last = byDate.items[byDate.items.length - 1].id;
    const moved = await fk.patch(`/api/households/${last}`, { registeredOn: '2020-01-02' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(ids(await search(fk, 'Kranichfeld', '&sort=registeredOn&order=asc'))[0]).toBe(last);

    expect((await kept(fk, 'Kranichfeld')).total).toBe(2);
    const restricted = await lead.post(`/api/households/${b.id}/restriction`, {
      reason: 'Widerspruch Art. 21',
    });
    expect(restricted.statusCode, restricted.body).toBe(200);
    expect(ids(await search(fk, 'Kranichfeld'))).toEqual([a.id]);

    expect((await kept(fkMh, 'Kranichfeld')).total).toBe(0);
    const transfer = await lead.post(`/api/households/${a.id}/transfers`, {
      toSiteId: mh,
      transferredOn: new Date().toISOString().slice(0, 10),
      note: 'Umzug',
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    expect((await search(fk, 'Kranichfeld')).total).toBe(0);
    expect(ids(await search(fkMh, 'Kranichfeld'))).toEqual([a.id]);
  });

  it('reads each page’s households fresh: a new contact and a new member count show at once', async () => {
    const h = await register('Lindenhainer');
    const first = (await kept(fk, 'Lindenhainer')).items[0];
    expect(first.memberCount).toBe(1);
    await fk.post(`/api/households/${h.id}/members`, {
      firstName: 'Lea',
      lastName: 'Sommer',
      birthYear: 2012,
      roleInHousehold: 'child',
    });
    expect((await search(fk, 'Lindenhainer')).items[0].memberCount).toBe(2);
  });

  it('pages through the kept matches exactly as the database ranks them', async () => {
    for (let i = 0; i < 7; i++) await register('Rabenstein', `Kind${String.fromCharCode(97 + i)}`);
    const whole = await search(fk, 'Rabenstein', '&pageSize=50&sort=headName&order=asc');
    expect(whole.total).toBe(7);
    const paged: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await fk.get(
        `/api/households?q=Rabenstein&pageSize=3&page=${page}&sort=headName&order=asc`,
      );
      const body = res.json();
      expect(body.total).toBe(7);
      paged.push(...body.items.map((i: Item) => i.id));
    }
    expect(paged).toEqual(ids(whole));
    // past the last page: nothing, with the total
    const past = (await fk.get('/api/households?q=Rabenstein&pageSize=3&page=9')).json();
    expect(past).toMatchObject({ items: [], total: 7 });
  });

  it('holds nothing once its listener is lost', async () => {
    const h = await register('Eulenberger');
    expect(ids(await kept(fk, 'Eulenberger'))).toEqual([h.id]);
    const cache = t.app.sessionCache;
    cache.connected(false);
    try {
      await quietly(() =>
        t.db.execute(
          sql`UPDATE persons SET last_name = 'Anders', last_key = 'andrs' WHERE household_id = ${h.id}`,
        ),
      );
      expect((await search(fk, 'Eulenberger')).total).toBe(0);
    } finally {
      cache.connected(true);
    }
  });
});
