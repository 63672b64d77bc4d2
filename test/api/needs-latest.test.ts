import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/*
 * needs_assessments.is_latest (migration 0021): kept by statement triggers on insert, correction (PATCH),
 * deletion with a reason and direct updates of the group keys; after each step the flagged rows equal the
 * DISTINCT ON the gaps read before, and GET /api/network/gaps shows the open needs that follow from it.
 */

let t: TestApp;
let fk: Client; // caseworker BA, author of the needs
let lead: Client; // site lead BA: exact counts in the gaps
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;
const del = (c: Client, url: string, payload?: unknown) => c.request('DELETE', url, payload);

type Row = Record<string, unknown>;
async function rows(query: SQL): Promise<Row[]> {
  const result = (await t.db.execute(query)) as unknown as { rows: Row[] } | Row[];
  return Array.isArray(result) ? result : result.rows;
}

async function household(district: string, roles: string[] = ['head', 'child']) {
  const res = await fk.post('/api/households', {
    siteId: site('BA'),
    category: 'refugee',
    registeredOn: '2024-02-01',
    districtCode: district,
    members: roles.map((roleInHousehold, i) => ({
      firstName: `Vorname${i}`,
      lastName: 'Neueste',
      birthYear: 1985 + i,
      roleInHousehold,
    })),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; members: { id: string }[] };
}

async function need(householdId: string, body: object) {
  const res = await fk.post(`/api/households/${householdId}/needs`, body);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function correct(householdId: string, id: string, body: object) {
  const res = await fk.patch(`/api/households/${householdId}/needs/${id}`, body);
  expect(res.statusCode, res.body).toBe(200);
}

async function remove(householdId: string, id: string) {
  const res = await del(fk, `/api/households/${householdId}/needs/${id}`, { reason: 'Doppelt erfasst' });
  expect(res.statusCode, res.body).toBe(204);
}

/** The flagged rows equal the latest row of each group by the query the gaps used before. */
async function expectFlagsExact() {
  const reference = await rows(sql`
    SELECT DISTINCT ON (household_id, person_id, life_area) id FROM needs_assessments
    ORDER BY household_id, person_id, life_area, assessed_on DESC, created_at DESC, id DESC`);
  const flagged = await rows(sql`SELECT id FROM needs_assessments WHERE is_latest`);
  const ids = (r: Row[]) => r.map((x) => String(x.id)).sort();
  expect(ids(flagged)).toEqual(ids(reference));
}

/** Open needs per district and life area as the DISTINCT ON query (before migration 0021) counts them. */
async function referenceOpenNeeds() {
  const result = await rows(sql`WITH latest AS (
      SELECT DISTINCT ON (n.household_id, n.person_id, n.life_area) n.household_id, n.life_area, n.level
      FROM needs_assessments n
      JOIN households h ON h.id = n.household_id
      ORDER BY n.household_id, n.person_id, n.life_area, n.assessed_on DESC, n.created_at DESC, n.id DESC
    )
    SELECT h.district_code, l.life_area, count(DISTINCT h.id)::int AS n
    FROM latest l JOIN households h ON h.id = l.household_id
    WHERE l.level >= 2 AND h.status NOT IN ('closed', 'movedAway')
    GROUP BY h.district_code, l.life_area`);
  return result.map((r) => `${r.district_code}|${r.life_area}|${Number(r.n)}`).sort();
}

/**
 * Checks the flags and the gaps against the reference and returns the gaps' open needs as
 * "district|lifeArea|n" (cells with open needs only).
 */
async function check() {
  await expectFlagsExact();
  const res = await lead.get('/api/network/gaps');
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json() as { districtCode: string; lifeArea: string; openNeeds: number | null }[];
  const open = items
    .filter((i) => (i.openNeeds ?? 0) > 0)
    .map((i) => `${i.districtCode}|${i.lifeArea}|${i.openNeeds}`)
    .sort();
  expect(open).toEqual(await referenceOpenNeeds());
  return open;
}

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  sites = (await fk.get('/api/sites')).json();
}, 400_000);

afterAll(async () => {
  await t?.close();
});

describe('needs_assessments.is_latest', () => {
  it('follows inserts, corrections and deletions through the API; the gaps show the latest needs', async () => {
    const a = await household('aplerbeck');
    const child = a.members[1].id;
    expect(await check()).toEqual([]);

    const first = await need(a.id, { assessedOn: '2024-03-01', lifeArea: 'wohnen', level: 3 });
    expect(await check()).toEqual(['aplerbeck|wohnen|1']);

    // a later assessment lowers the need
    const lower = await need(a.id, { assessedOn: '2024-05-01', lifeArea: 'wohnen', level: 1 });
    expect(await check()).toEqual([]);

    // the same day again: the one written later is the latest
    const again = await need(a.id, { assessedOn: '2024-05-01', lifeArea: 'wohnen', level: 3 });
    expect(await check()).toEqual(['aplerbeck|wohnen|1']);

    // a person's assessment is a group of its own; the household counts once
    const ofChild = await need(a.id, {
      assessedOn: '2024-04-01',
      lifeArea: 'wohnen',
      level: 2,
      personId: child,
    });
    expect(await check()).toEqual(['aplerbeck|wohnen|1']);

    const b = await household('brackel');
    const ofHead = await need(b.id, {
      assessedOn: '2024-02-01',
      lifeArea: 'wohnen',
      level: 2,
      personId: b.members[0].id,
    });
    await need(b.id, { assessedOn: '2024-02-01', lifeArea: 'gesundheit', level: 0 });
    expect(await check()).toEqual(['aplerbeck|wohnen|1', 'brackel|wohnen|1']);

    // corrected date: the level-1 assessment is the latest of the household again (the child's stays open)
    await correct(a.id, again, { assessedOn: '2024-04-15' });
    expect(await check()).toEqual(['aplerbeck|wohnen|1', 'brackel|wohnen|1']);

    // the child's assessment corrected to the household: not the latest there, the child has none left
    await correct(a.id, ofChild, { personId: null });
    expect(await check()).toEqual(['brackel|wohnen|1']);

    // the level-1 assessment corrected to another life area: the 2024-04-15 one is the latest in wohnen
    await correct(a.id, lower, { lifeArea: 'gesundheit' });
    expect(await check()).toEqual(['aplerbeck|wohnen|1', 'brackel|wohnen|1']);

    // a correction of the level only changes no flag, but the open needs
    await correct(a.id, again, { level: 1 });
    expect(await check()).toEqual(['brackel|wohnen|1']);
    await correct(a.id, again, { level: 3 });

    // deletions: the next latest takes over
    await remove(a.id, again);
    expect(await check()).toEqual(['aplerbeck|wohnen|1', 'brackel|wohnen|1']);
    await remove(a.id, ofChild);
    await remove(a.id, first);
    expect(await check()).toEqual(['brackel|wohnen|1']);

    await remove(b.id, ofHead);
    expect(await check()).toEqual([]);
  });

  it('handles multi-row inserts, deletes and updates of the group keys in one statement', async () => {
    const c = await household('aplerbeck', ['head', 'partner']);
    const [head, partner] = c.members.map((m) => m.id);
    // one statement, one now(): rows of the same day and created_at are ordered by id
    await t.db.execute(sql`INSERT INTO needs_assessments (household_id, person_id, assessed_on, life_area, level)
      VALUES (${c.id}::uuid, NULL, '2024-01-10', 'bildung', 3),
             (${c.id}::uuid, NULL, '2024-01-10', 'bildung', 1),
             (${c.id}::uuid, NULL, '2024-01-09', 'bildung', 2),
             (${c.id}::uuid, ${head}::uuid, '2024-01-10', 'bildung', 2),
             (${c.id}::uuid, ${head}::uuid, '2024-01-11', 'bildung', 0),
             (${c.id}::uuid, ${partner}::uuid, '2024-01-08', 'bildung', 3),
             (${c.id}::uuid, NULL, '2024-01-10', 'sprache', 2)`);
    await check();

    // several rows change group in one statement (old and new groups both recomputed)
    await t.db.execute(sql`UPDATE needs_assessments SET person_id = ${partner}::uuid
      WHERE household_id = ${c.id}::uuid AND person_id = ${head}::uuid`);
    await check();
    await t.db.execute(sql`UPDATE needs_assessments SET life_area = 'sprache', assessed_on = assessed_on + 5
      WHERE household_id = ${c.id}::uuid AND person_id IS NULL AND life_area = 'bildung' AND level < 3`);
    await check();

    // household_id of needs does not change on a move, but an update of it is covered
    const d = await household('brackel', ['head']);
    await t.db.execute(sql`UPDATE needs_assessments SET household_id = ${d.id}::uuid, person_id = NULL
      WHERE household_id = ${c.id}::uuid AND person_id = ${partner}::uuid`);
    await check();

    // a member deleted with a reason: their assessments become the household's (person_id NULL)
    const e = await household('aplerbeck', ['head', 'child']);
    await need(e.id, { assessedOn: '2024-06-01', lifeArea: 'arbeit-beruf', level: 1 });
    await need(e.id, {
      assessedOn: '2024-07-01',
      lifeArea: 'arbeit-beruf',
      level: 3,
      personId: e.members[1].id,
    });
    const gone = await del(fk, `/api/households/${e.id}/members/${e.members[1].id}`, {
      reason: 'Doppelt angelegt',
    });
    expect(gone.statusCode, gone.body).toBe(204);
    expect(await check()).toContain('aplerbeck|arbeit-beruf|1');

    // deletions of many rows in one statement
    await t.db.execute(sql`DELETE FROM needs_assessments WHERE household_id = ${c.id}::uuid AND level = 3`);
    await check();
    await t.db.execute(
      sql`DELETE FROM needs_assessments WHERE household_id IN (${c.id}::uuid, ${d.id}::uuid)`,
    );
    await check();
  });
});
