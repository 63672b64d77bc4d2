import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/server/demo/index.js';
import { rowsOf } from '../../src/server/platform/sql.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The list's members present and last contact come from household_list_facts (migration 0024): after every
 * kind of write through the API, in parallel too, and after a bulk load, they equal a fresh count.
 */
let t: TestApp;
let fk: Client;
let lead: Client;
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  sites = (await fk.get('/api/sites')).json();
}, 300_000);
afterAll(() => t.close());

/** Households whose facts differ from a count over persons and contacts (or that have no facts row). */
async function drift(): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(
    await t.db.execute(sql`SELECT count(*)::int AS n FROM households h
      LEFT JOIN household_list_facts f ON f.household_id = h.id
      WHERE f.household_id IS NULL
        OR f.member_count <> (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.left_on IS NULL)
        OR f.last_contact_on IS DISTINCT FROM (SELECT max(c.date) FROM contacts c WHERE c.household_id = h.id)`),
  );
  const [{ orphans }] = rowsOf<{ orphans: number }>(
    await t.db.execute(sql`SELECT count(*)::int AS orphans FROM household_list_facts f
      WHERE NOT EXISTS (SELECT 1 FROM households h WHERE h.id = f.household_id)`),
  );
  return Number(n) + Number(orphans);
}

async function register(lastName: string, members = 2) {
  const res = await fk.post('/api/households', {
    siteId: site('BA'),
    category: 'refugee',
    registeredOn: '2024-02-01',
    members: Array.from({ length: members }, (_, i) => ({
      firstName: `Vorname${i}`,
      lastName,
      birthYear: 1980 + i,
      roleInHousehold: i === 0 ? 'head' : 'child',
    })),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; caseNumber: string; members: { id: string }[] };
}

async function contact(householdId: string, date: string) {
  const res = await fk.post(`/api/households/${householdId}/contacts`, {
    date,
    contactType: 'sprechstunde',
    reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** The list's row for a household (found by its case number). */
async function listed(h: { caseNumber: string }) {
  const page = (await fk.get(`/api/households?q=${h.caseNumber}`)).json();
  return page.items[0] as { memberCount: number; lastContactOn: string | null };
}

describe('household list facts', () => {
  it('follow members joining, leaving, moving and removed, and contacts logged, corrected and deleted', async () => {
    const a = await register('Faktenprobe', 3);
    const b = await register('Faktenziel', 1);
    expect(await listed(a)).toMatchObject({ memberCount: 3, lastContactOn: null });
    const added = await fk.post(`/api/households/${a.id}/members`, {
      firstName: 'Neu',
      lastName: 'Faktenprobe',
      birthYear: 2010,
      roleInHousehold: 'child',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await listed(a)).memberCount).toBe(4);
    const left = await fk.patch(`/api/households/${a.id}/members/${a.members[2].id}`, {
      leftOn: '2024-05-01',
    });
    expect(left.statusCode, left.body).toBe(200);
    expect((await listed(a)).memberCount).toBe(3);
    const moved = await fk.post(`/api/households/${a.id}/members/${added.json().id}/move`, {
      toHouseholdId: b.id,
      movedOn: '2024-05-02',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect([(await listed(a)).memberCount, (await listed(b)).memberCount]).toEqual([2, 2]);
    const removed = await lead.request('DELETE', `/api/households/${a.id}/members/${a.members[1].id}`, {
      reason: 'Doppelt erfasst',
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await listed(a)).memberCount).toBe(1);

    const first = await contact(a.id, '2024-03-05');
    const later = await contact(a.id, '2024-04-07');
    expect((await listed(a)).lastContactOn).toBe('2024-04-07');
    const url = `/api/households/${a.id}/contacts/${later.id}`;
    expect((await fk.patch(url, { date: '2024-02-10' })).statusCode).toBe(200);
    expect((await listed(a)).lastContactOn).toBe('2024-03-05');
    expect((await fk.request('DELETE', url, { reason: 'Falsch erfasst' })).statusCode).toBe(204);
    expect(
      (await fk.request('DELETE', `/api/households/${a.id}/contacts/${first.id}`, { reason: 'Falsch' }))
        .statusCode,
    ).toBe(204);
    expect((await listed(a)).lastContactOn).toBeNull();
    expect(await drift()).toBe(0);
  });

  it('stay exact when contacts of one household are logged in parallel', async () => {
    const h = await register('Parallelprobe');
    const dates = ['2024-06-01', '2024-06-09', '2024-06-03', '2024-06-08', '2024-06-02', '2024-06-05'];
    await Promise.all(dates.map((d) => contact(h.id, d)));
    expect((await listed(h)).lastContactOn).toBe('2024-06-09');
    expect(await drift()).toBe(0);
  });

  it('stay exact after a bulk load of demo data and after a transfer', async () => {
    await generateDemoData(t.db, { scale: 0.05, today: '2024-06-30' });
    expect(await drift()).toBe(0);
    const h = await register('Umzugsprobe');
    await contact(h.id, '2024-06-20');
    const moved = await lead.post(`/api/households/${h.id}/transfers`, {
      toSiteId: site('MH'),
      transferredOn: '2024-06-21',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(await drift()).toBe(0);
  }, 300_000);
});
