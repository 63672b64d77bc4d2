import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/server/demo/index.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client;
let lead: Client;
let sites: { id: string; code: string }[];

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  sites = (await fk.get('/api/sites')).json();
}, 300_000);
afterAll(() => t.close());

const site = (code: string) => sites.find((s) => s.code === code)!.id;

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

const household = (category: string, districtCode: string) => ({
  siteId: site('BA'),
  category,
  registeredOn: '2024-03-05',
  districtCode,
  members: [{ firstName: 'Samira', lastName: 'Haddad', birthYear: 1990, roleInHousehold: 'head' }],
});

/** The list's total for a query, and the same filters counted directly on the households. */
async function totals(query: string, where: ReturnType<typeof sql>) {
  const listed = (await fk.get(`/api/households?pageSize=5&${query}`)).json().total;
  const [{ n }] = rowsOf<{ n: number }>(
    await t.db.execute(
      sql`SELECT count(*)::int AS n FROM households WHERE site_id = ${site('BA')} AND ${where}`,
    ),
  );
  return { listed, counted: Number(n) };
}

const filters: [string, ReturnType<typeof sql>][] = [
  ['', sql`true`],
  ['status=active', sql`status = 'active'`],
  ['status=closed', sql`status = 'closed'`],
  ['category=refugee', sql`category = 'refugee'`],
  ['districtCode=brackel', sql`district_code = 'brackel'`],
  [
    'category=refugee&districtCode=brackel&status=active',
    sql`category = 'refugee' AND district_code = 'brackel' AND status = 'active'`,
  ],
];

async function expectExact() {
  for (const [query, where] of filters) {
    const { listed, counted } = await totals(query, where);
    expect(listed, query).toBe(counted);
  }
  // and the counters as a whole equal a fresh count of every site's households
  const drift = rowsOf<{ n: number }>(
    await t.db.execute(sql`SELECT count(*)::int AS n FROM (
      SELECT site_id, status, category, coalesce(district_code, '') AS district_code, count(*)::int AS n
      FROM households GROUP BY 1, 2, 3, 4
      EXCEPT SELECT site_id, status, category, district_code, n FROM household_counts WHERE n <> 0) x`),
  );
  expect(Number(drift[0].n)).toBe(0);
}

describe('household list total', () => {
  it('stays exact through creates, status and district changes and transfers', async () => {
    const ids: string[] = [];
    for (const [category, district] of [
      ['refugee', 'brackel'],
      ['refugee', 'brackel'],
      ['refugee', 'aplerbeck'],
      ['other', 'brackel'],
    ]) {
      const res = await fk.post('/api/households', household(category, district));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    await expectExact();
    expect((await fk.patch(`/api/households/${ids[0]}`, { status: 'closed' })).statusCode).toBe(200);
    expect((await fk.patch(`/api/households/${ids[1]}`, { districtCode: 'aplerbeck' })).statusCode).toBe(200);
    expect((await fk.patch(`/api/households/${ids[2]}`, { movedInOn: '2024-04-01' })).statusCode).toBe(200);
    await expectExact();
    const moved = await lead.post(`/api/households/${ids[3]}/transfers`, {
      toSiteId: site('MH'),
      transferredOn: '2024-05-02',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    await expectExact();
  });

  it('stays exact after a bulk load of demo data', async () => {
    await generateDemoData(t.db, { scale: 0.05, today: '2024-06-30' });
    await expectExact();
  }, 300_000);
});
