import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/server/demo/index.js';
import { rowsOf } from '../../src/server/platform/sql.js';
import { householdList } from '../../src/shared/schemas/households.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The list without a search runs one prepared statement per shape (sort, order, number of sites, filters):
 * every shape, used one after the other in the same process, must answer the page plain SQL answers.
 */
let t: TestApp;
let fk: Client;
let sites: { id: string; code: string }[];

beforeAll(async () => {
  t = await createTestApp();
  await generateDemoData(t.db, { scale: 0.05, today: '2024-06-30' });
  fk = await t.login('fachkraft.ba');
  sites = (await fk.get('/api/sites')).json();
}, 300_000);
afterAll(() => t.close());

const site = (code: string) => sites.find((s) => s.code === code)!.id;

const orderBy: Record<string, ReturnType<typeof sql>> = {
  registeredOn: sql`registered_on`,
  caseNumber: sql`case_number`,
  headName: sql`head_name COLLATE "und-x-icu"`,
  status: sql`status`,
  lastContactOn: sql`(SELECT max(c.date) FROM contacts c WHERE c.household_id = h.id)`,
};

/** The page's ids and total as plain SQL computes them. */
async function expected(
  siteIds: string[],
  where: ReturnType<typeof sql>,
  sort: string,
  order: string,
  page: number,
) {
  const direction = order === 'desc' ? sql`DESC NULLS LAST` : sql`ASC`;
  const filter = sql`h.site_id IN (${sql.join(
    siteIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}) AND h.restricted_at IS NULL AND ${where}`;
  const ids = rowsOf<{ id: string }>(
    await t.db.execute(sql`SELECT h.id FROM households h WHERE ${filter}
      ORDER BY ${orderBy[sort]} ${direction}, h.id DESC LIMIT 7 OFFSET ${(page - 1) * 7}`),
  ).map((r) => r.id);
  const [{ n }] = rowsOf<{ n: number }>(
    await t.db.execute(sql`SELECT count(*)::int AS n FROM households h WHERE ${filter}`),
  );
  return { ids, total: Number(n) };
}

async function expectShapes(client: Client, siteIds: string[]) {
  const filters: [string, ReturnType<typeof sql>][] = [
    ['', sql`true`],
    ['&status=active', sql`h.status = 'active'`],
    ['&category=refugee&districtCode=brackel', sql`h.category = 'refugee' AND h.district_code = 'brackel'`],
    [`&siteId=${siteIds[0]}`, sql`h.site_id = ${siteIds[0]}::uuid`],
  ];
  for (const [query, where] of filters) {
    for (const sort of Object.keys(orderBy)) {
      for (const order of ['asc', 'desc']) {
        for (const page of [1, 2]) {
          const url = `/api/households?pageSize=7&page=${page}&sort=${sort}&order=${order}${query}`;
          const res = await client.get(url);
          expect(res.statusCode, res.body).toBe(200);
          const want = await expected(siteIds, where, sort, order, page);
          const got = res.json();
          // written by fast-json-stringify (platform/fast-serializer.ts): exactly what zod's schema admits
          expect(householdList.parse(got), url).toEqual(got);
          if (query === '') expect(want.ids.length, url).toBe(7);
          expect({ ids: got.items.map((i: { id: string }) => i.id), total: got.total }, url).toEqual(want);
        }
      }
    }
  }
}

describe('household list shapes', () => {
  it('writes nulls, dates, numbers and names as zod would, and nothing undeclared', async () => {
    const page = (await fk.get('/api/households?pageSize=100&sort=lastContactOn&order=desc')).json();
    expect(householdList.parse(page)).toEqual(page);
    expect(page.items[0].lastContactOn).toMatch(/^\d{4}-\d\d-\d\d$/);
    // a household without contacts or district: its nulls are written as null, not left out
    const created = await fk.post('/api/households', {
      siteId: site('BA'),
      category: 'refugee',
      registeredOn: '2024-06-01',
      members: [
        { firstName: 'Nora', lastName: 'Nullprobe "Zitat"', birthYear: 1990, roleInHousehold: 'head' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const found = (await fk.get(`/api/households?q=${created.json().caseNumber}`)).json();
    expect(householdList.parse(found)).toEqual(found);
    expect(found.items[0]).toMatchObject({
      headName: 'Nullprobe "Zitat", Nora',
      districtCode: null,
      lastContactOn: null,
      memberCount: 1,
    });
    // an error answer of the same route keeps zod's serializer
    const bad = await fk.get('/api/households?pageSize=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
  });

  it('pages a search in the same order as one long page, for every sort and order', async () => {
    const [{ name }] = rowsOf<{ name: string }>(
      await t.db.execute(sql`SELECT name FROM (
          SELECT p.first_name AS name, p.household_id FROM persons p WHERE p.site_id = ${site('BA')}::uuid
          UNION ALL SELECT p.last_name, p.household_id FROM persons p WHERE p.site_id = ${site('BA')}::uuid
        ) x GROUP BY 1 ORDER BY count(DISTINCT household_id) DESC, 1 LIMIT 1`),
    );
    for (const sort of Object.keys(orderBy)) {
      for (const order of ['asc', 'desc']) {
        const base = `/api/households?q=${encodeURIComponent(name)}&sort=${sort}&order=${order}`;
        const all = (await fk.get(`${base}&pageSize=100`)).json();
        expect(householdList.parse(all)).toEqual(all);
        expect(all.total, base).toBeGreaterThan(4);
        const pages = [];
        for (const page of [1, 2])
          pages.push(...(await fk.get(`${base}&pageSize=2&page=${page}`)).json().items);
        expect(pages, base).toEqual(all.items.slice(0, 4));
      }
    }
  });

  it('answers every sort, order, filter and page as plain SQL, for one site and for two', async () => {
    await expectShapes(fk, [site('BA')]);
    // the same caseworker with a second site: other statements (one placeholder per site), same process
    const setSites = async (ids: string[]) => {
      await t.db.execute(
        sql`UPDATE users SET site_ids = ${`{${ids.join(',')}}`}::uuid[] WHERE username = 'fachkraft.ba'`,
      );
      await t.settled();
    };
    await setSites([site('BA'), site('MH')]);
    await expectShapes(fk, [site('BA'), site('MH')]);
    // and back to one: the one-site statements are still right
    await setSites([site('BA')]);
    await expectShapes(fk, [site('BA')]);
  }, 300_000);
});
