import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoResult,
  deleteDemoData,
  demoChecksum,
  generateDemoData,
  seedTable,
} from '../../src/server/demo/index.js';
import { nameKey } from '../../src/server/modules/households/name-key.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

// One generation at scale 1 for the whole file (slow: a few seconds to a minute).
const today = '2026-11-25';
const seed = 4711;
const windowEnd = '2021-10-31';

let t: TestApp;
let fk: Client;
let result: DemoResult;
let checksumBefore: string;
let checksumOtherSeed: string;
let realHousehold: { id: string; caseNumber: string };
let laterCaseNumber = '';
let catalogueBefore: Row[] = [];
const progress: [number, number][] = [];

type Row = Record<string, unknown>;
async function rows(statement: SQL): Promise<Row[]> {
  const r = (await t.db.execute(statement)) as unknown as { rows?: Row[] } | Row[];
  return (Array.isArray(r) ? r : r.rows) ?? [];
}
const num = (v: unknown) => Number(v);

/** Every index and constraint of the public tables, by its full definition (the load drops and rebuilds some). */
const catalogue = sql`
  SELECT 'index' AS kind, c.relname AS name, pg_get_indexdef(c.oid) AS definition
  FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public'
  UNION ALL
  SELECT 'constraint', k.conname, k.conrelid::regclass::text || ' ' || pg_get_constraintdef(k.oid)
  FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = 'public'
  ORDER BY 1, 2, 3`;

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  const sites: { id: string; code: string }[] = (await fk.get('/api/sites')).json();
  // a real household registered before the demo data (after the seed window: it must not change the table)
  const res = await fk.post('/api/households', {
    siteId: sites.find((s) => s.code === 'BA')!.id,
    category: 'refugee',
    registeredOn: '2026-06-01',
    members: [{ firstName: 'Real', lastName: 'Person', birthYear: 1990 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  realHousehold = res.json();
  catalogueBefore = await rows(catalogue);
  checksumBefore = await demoChecksum(t.db, { scale: 1, seed, today });
  checksumOtherSeed = await demoChecksum(t.db, { scale: 1, seed: seed + 1, today });
  result = await generateDemoData(t.db, {
    scale: 1,
    seed,
    today,
    onProgress: (d, n) => progress.push([d, n]),
  });
}, 300_000);
afterAll(() => t?.close());

const perSite = sql`
  SELECT s.code,
    (SELECT count(*) FROM households h
      WHERE h.registered_site_id = s.id AND h.registered_on BETWEEN s.opened_on AND ${windowEnd}) AS households,
    (SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id
      WHERE h.registered_site_id = s.id AND h.registered_on BETWEEN s.opened_on AND ${windowEnd}) AS persons,
    (SELECT count(*) FROM contacts c
      WHERE c.site_id = s.id AND c.date BETWEEN s.opened_on AND ${windowEnd}) AS contacts
  FROM sites s ORDER BY s.sort_order`;

describe('demo data at scale 1', () => {
  it('flags the latest assessment of each household, person and life area after the bulk inserts', async () => {
    const [r] = await rows(sql`
      SELECT (SELECT count(*) FROM needs_assessments WHERE is_latest)::int AS flagged,
        (SELECT count(*) FROM needs_assessments n WHERE n.is_latest IS DISTINCT FROM (n.id = (
          SELECT x.id FROM needs_assessments x WHERE x.household_id = n.household_id
            AND x.person_id IS NOT DISTINCT FROM n.person_id AND x.life_area = n.life_area
          ORDER BY x.assessed_on DESC, x.created_at DESC, x.id DESC LIMIT 1)))::int AS wrong`);
    expect(num(r.flagged)).toBeGreaterThan(1000);
    expect(num(r.wrong)).toBe(0);
  });

  it("reproduces the seed's table exactly per site (opening to 31 Oct 2021)", async () => {
    const got = await rows(perSite);
    expect(got.map((r) => r.code)).toEqual(['BA', 'MH', 'HH', 'ES', 'LD', 'IWO', 'IN']);
    for (const r of got) {
      const expected = seedTable[String(r.code)];
      expect({ site: r.code, h: num(r.households), p: num(r.persons), c: num(r.contacts) }).toEqual({
        site: r.code,
        h: expected.households,
        p: expected.persons,
        c: expected.contacts,
      });
    }
    expect(result.seedWindow.map((s) => [s.code, s.households, s.persons, s.contacts])).toEqual(
      got.map((r) => [r.code, num(r.households), num(r.persons), num(r.contacts)]),
    );
  });

  it('gives the totals 3401 / 10178 / 40756', async () => {
    const got = await rows(perSite);
    const sum = (k: string) => got.reduce((s, r) => s + num(r[k]), 0);
    expect([sum('households'), sum('persons'), sum('contacts')]).toEqual([3401, 10178, 40756]);
  });

  it('mixes both categories, has anonymous contacts, and contacts carry the household category', async () => {
    const [c] = await rows(sql`
      SELECT
        (SELECT count(*) FROM households WHERE registered_on <= ${windowEnd} AND category = 'refugee') AS refugee,
        (SELECT count(*) FROM households WHERE registered_on <= ${windowEnd} AND category = 'other') AS other,
        (SELECT count(*) FROM contacts WHERE household_id IS NULL AND date <= ${windowEnd}) AS anonymous,
        (SELECT count(*) FROM contacts WHERE household_id IS NULL AND category <> 'other') AS anonymous_wrong,
        (SELECT count(*) FROM contacts c JOIN households h ON h.id = c.household_id WHERE c.category <> h.category) AS mismatched,
        (SELECT count(*) FROM households WHERE NOT is_demo) AS real`);
    expect(num(c.refugee)).toBeGreaterThan(num(c.other) * 5);
    expect(num(c.other)).toBeGreaterThan(100);
    expect(num(c.anonymous)).toBeGreaterThan(1000);
    expect(num(c.anonymous_wrong)).toBe(0);
    expect(num(c.mismatched)).toBe(0);
    expect(num(c.real)).toBe(1);
  });

  it('spreads reasons like the seed: Beratung first, Lebensunterhalt and Wohnen lead, 1–3 per contact', async () => {
    const kinds = await rows(sql`
      SELECT support_kind, count(*) AS n FROM contact_reasons GROUP BY support_kind ORDER BY n DESC`);
    expect(kinds[0].support_kind).toBe('beratung');
    expect(num(kinds[0].n)).toBeGreaterThan(num(kinds[1].n) * 5);
    const areas = await rows(sql`
      SELECT r.life_area, count(*) AS n FROM contact_reasons r JOIN contacts c ON c.id = r.contact_id
      WHERE c.category = 'refugee' AND c.date <= ${windowEnd} GROUP BY r.life_area ORDER BY n DESC`);
    expect(new Set(areas.slice(0, 2).map((a) => a.life_area))).toEqual(
      new Set(['wohnen', 'lebensunterhalt']),
    );
    const [beratung] = await rows(sql`
      SELECT count(*) AS n FROM contact_reasons r JOIN contacts c ON c.id = r.contact_id
      WHERE c.category = 'refugee' AND c.date <= ${windowEnd} AND r.support_kind = 'beratung'`);
    expect(num(beratung.n)).toBeGreaterThan(50_000);
    expect(num(beratung.n)).toBeLessThan(61_000);
    const [per] = await rows(sql`
      SELECT min(n) AS lo, max(n) AS hi FROM (
        SELECT c.id, count(r.contact_id) AS n FROM contacts c LEFT JOIN contact_reasons r ON r.contact_id = c.id
        GROUP BY c.id) x`);
    expect([num(per.lo), num(per.hi)]).toEqual([1, 3]);
    const types = await rows(
      sql`SELECT contact_type, count(*) AS n FROM contacts GROUP BY 1 ORDER BY n DESC`,
    );
    expect(types.slice(0, 4).map((x) => x.contact_type)).toContain('sprechstunde');
    expect(types.map((x) => x.contact_type)).toContain('willkommensbesuch');
  });

  it('fills the phonetic name keys and plausible persons', async () => {
    const persons = await rows(sql`
      SELECT first_name, last_name, first_key, last_key, birth_date, birth_year, gender, nationality, residence_status
      FROM persons p JOIN households h ON h.id = p.household_id WHERE h.is_demo ORDER BY p.id LIMIT 2000`);
    for (const p of persons) {
      expect(p.first_key).toBe(nameKey(String(p.first_name)));
      expect(p.last_key).toBe(nameKey(String(p.last_name)));
      expect(p.birth_year).not.toBeNull();
      if (p.birth_date) expect(String(p.birth_date).slice(0, 4)).toBe(String(p.birth_year));
    }
    const statuses = await rows(sql`
      SELECT DISTINCT p.residence_status FROM persons p
      WHERE p.residence_status IS NOT NULL
        AND p.residence_status NOT IN (SELECT code FROM reference_values WHERE list = 'residence-statuses')`);
    expect(statuses).toEqual([]);
    const [ua] = await rows(sql`
      SELECT min(h.registered_on)::text AS first FROM persons p JOIN households h ON h.id = p.household_id
      WHERE p.nationality = 'UA'`);
    expect(String(ua.first) >= '2022-03-01').toBe(true);
    const districts = await rows(sql`
      SELECT count(*) AS n FROM households h JOIN sites s ON s.id = h.site_id
      WHERE h.district_code IS NOT NULL AND NOT (h.district_code = ANY (s.district_codes))`);
    expect(num(districts[0].n)).toBe(0);
  });

  it('continues after October 2021 up to today', async () => {
    const [c] = await rows(sql`
      SELECT (SELECT count(*) FROM households WHERE registered_on > ${windowEnd}) AS later,
             (SELECT max(date)::text FROM contacts) AS last_contact,
             (SELECT count(*) FROM contacts WHERE date > ${today}) AS future,
             (SELECT count(*) FROM transfers WHERE transferred_on <= ${windowEnd}) AS early_transfers`);
    expect(num(c.later)).toBeGreaterThan(1000);
    expect(String(c.last_contact) > '2026-10-01').toBe(true);
    expect(num(c.future)).toBe(0);
    expect(num(c.early_transfers)).toBe(0);
    expect(progress.at(-1)).toEqual([progress.at(-1)![1], progress.at(-1)![1]]);
  });

  it('keeps the level after October 2021 (no step down) and shows the arrivals from Ukraine in 2022', async () => {
    // monthly contacts of all sites through the statistics API (the trend a council sees)
    const central = await t.login('zentrale');
    const contactsIn = async (month: string) => {
      const [y, m] = month.split('-').map(Number);
      const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      const res = await central.get(`/api/statistics/sites?from=${month}-01&to=${last}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { total: { contacts: number } }).total.contacts;
    };
    const months = (from: string, to: string) => {
      const out: string[] = [];
      for (
        let d = new Date(`${from}-01T00:00:00Z`);
        d.toISOString().slice(0, 7) <= to;
        d.setUTCMonth(d.getUTCMonth() + 1)
      )
        out.push(d.toISOString().slice(0, 7));
      return out;
    };
    const count = new Map<string, number>();
    for (const m of months('2020-11', '2026-10')) count.set(m, await contactsIn(m));
    // the reference: the window's last year, when all seven sites were open (the last two opened in 2020)
    const reference = months('2020-11', '2021-10').reduce((s, m) => s + count.get(m)!, 0) / 12;
    const off = months('2021-11', '2026-10')
      .map((m) => ({ m, ratio: Math.round((count.get(m)! / reference) * 100) / 100 }))
      .filter(({ ratio }) => ratio < 0.65 || ratio > 1.35);
    expect(off).toEqual([]);
    const sum = (ms: string[]) => ms.reduce((s, m) => s + count.get(m)!, 0);
    // no step at the end of the seed window
    expect(sum(months('2021-11', '2022-01'))).toBeGreaterThan(0.85 * sum(months('2021-08', '2021-10')));
    expect(sum(months('2022-03', '2022-06'))).toBeGreaterThan(sum(months('2021-03', '2021-06')));
    // registrations rise visibly from March 2022
    const registered = async (from: string, to: string) =>
      (
        (await central.get(`/api/statistics/sites?from=${from}&to=${to}`)).json() as {
          total: { households: number };
        }
      ).total.households;
    expect(await registered('2022-03-01', '2022-04-30')).toBeGreaterThan(
      1.4 * (await registered('2022-01-01', '2022-02-28')),
    );
  }, 120_000);

  it('numbers cases per site and year after the numbers already taken; registrations continue the sequence', async () => {
    const [ba] = await rows(sql`
      SELECT min(case_number) AS first, max(case_number) AS last, count(*) AS n FROM households
      WHERE is_demo AND case_number LIKE 'BA-2026-%'`);
    expect(realHousehold.caseNumber).toBe('BA-2026-0001');
    expect(ba.first).toBe('BA-2026-0002');
    expect(ba.last).toBe(`BA-2026-${String(num(ba.n) + 1).padStart(4, '0')}`);
    const gaps = await rows(sql`
      SELECT registered_site_id, substr(case_number, 1, length(case_number) - 5) AS prefix, count(*) AS n,
        max(substring(case_number FROM '-(\\d+)$')::int) AS top
      FROM households WHERE is_demo AND case_number NOT LIKE 'BA-2026-%'
      GROUP BY 1, 2 HAVING count(*) <> max(substring(case_number FROM '-(\\d+)$')::int)`);
    expect(gaps).toEqual([]);
    const sites: { id: string; code: string }[] = (await fk.get('/api/sites')).json();
    const res = await fk.post('/api/households', {
      siteId: sites.find((s) => s.code === 'BA')!.id,
      category: 'other',
      registeredOn: '2026-11-20',
      members: [{ firstName: 'Neu', lastName: 'Registriert', birthYear: 1980 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    laterCaseNumber = res.json().caseNumber;
    expect(laterCaseNumber).toBe(`BA-2026-${String(num(ba.n) + 2).padStart(4, '0')}`);
  });

  it('leaves every total the insert triggers keep exact (they are rebuilt once after the bulk load)', async () => {
    const differences = async (a: SQL, b: SQL) =>
      num(
        (await rows(sql`SELECT count(*) AS n FROM ((${a} EXCEPT ${b}) UNION ALL (${b} EXCEPT ${a})) d`))[0].n,
      );
    expect(
      await differences(
        // as the report reads them: rollups and the deltas not yet folded (migration 0026), summed by key
        sql`SELECT site_id, day, category, contact_type, sum(contacts)::int, sum(key_sum)
          FROM stat_contacts_day_all GROUP BY 1, 2, 3, 4 HAVING sum(contacts) <> 0`,
        sql`SELECT site_id, date, category, contact_type, count(*)::int, sum(stat_key(id::text)) FROM contacts GROUP BY 1, 2, 3, 4`,
      ),
    ).toBe(0);
    expect(
      await differences(
        sql`SELECT site_id, day, category, life_area, support_kind, sum(reasons)::int
          FROM stat_reasons_day_all GROUP BY 1, 2, 3, 4, 5 HAVING sum(reasons) <> 0`,
        sql`SELECT c.site_id, c.date, c.category, r.life_area, r.support_kind, count(*)::int
          FROM contact_reasons r JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3, 4, 5`,
      ),
    ).toBe(0);
    expect(
      await differences(
        sql`SELECT site_id, day, category, district_code, sum(households)::int, sum(persons)::int
          FROM stat_households_day_all GROUP BY 1, 2, 3, 4 HAVING sum(households) <> 0 OR sum(persons) <> 0`,
        sql`SELECT h.registered_site_id, h.registered_on, h.category, coalesce(h.district_code, ''), count(*)::int,
          coalesce(sum((SELECT count(*) FROM persons p WHERE p.household_id = h.id)), 0)::int
          FROM households h GROUP BY 1, 2, 3, 4`,
      ),
    ).toBe(0);
    expect(
      await differences(
        sql`SELECT site_id, status, category, district_code, n FROM household_counts WHERE n <> 0`,
        sql`SELECT site_id, status, category, coalesce(district_code, ''), count(*)::int FROM households GROUP BY 1, 2, 3, 4`,
      ),
    ).toBe(0);
    const [heads] =
      await rows(sql`SELECT count(*) FILTER (WHERE head_name IS DISTINCT FROM household_head_name(id)) AS wrong,
      count(*) FILTER (WHERE head_name IS NULL) AS missing FROM households`);
    expect([num(heads.wrong), num(heads.missing)]).toEqual([0, 0]);
    const [sites] =
      await rows(sql`SELECT count(*) AS n FROM persons p JOIN households h ON h.id = p.household_id
      WHERE p.site_id IS DISTINCT FROM h.site_id`);
    expect(num(sites.n)).toBe(0);
    // the latest assessment per household, person and life area, as migration 0021 defines it
    const [latest] = await rows(sql`SELECT count(*) AS n FROM needs_assessments n JOIN (
        SELECT DISTINCT ON (household_id, person_id, life_area) id FROM needs_assessments
        ORDER BY household_id, person_id, life_area, assessed_on DESC, created_at DESC, id DESC
      ) l ON l.id = n.id WHERE NOT n.is_latest`);
    const [flags] = await rows(sql`SELECT count(*) FILTER (WHERE is_latest) AS n,
        (SELECT count(*) FROM (SELECT DISTINCT household_id, person_id, life_area FROM needs_assessments) g) AS groups
      FROM needs_assessments`);
    expect(num(latest.n)).toBe(0);
    expect(num(flags.n)).toBe(num(flags.groups));
    expect(num(flags.groups)).toBeGreaterThan(100);
    // the indexes and keys dropped for the load are all back, with the same definitions
    expect(await rows(catalogue)).toEqual(catalogueBefore);
    // the insert triggers are on again after the load
    const off = await rows(sql`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`);
    expect(off).toEqual([]);
    const list = (await fk.get('/api/households?q=Person')).json() as { items: { headName: string }[] };
    expect(list.items.map((i) => i.headName)).toContain('Person, Real');
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    expect(result.checksum).toBe(checksumBefore);
    expect(checksumOtherSeed).not.toBe(checksumBefore);
  });

  it('refuses to generate again while demo data exist', async () => {
    await expect(generateDemoData(t.db, { scale: 1, seed, today })).rejects.toThrow(/exist already/);
  });

  it('deletes the demo data (not the real households, not the audit log) and resets the counters', async () => {
    const [before] = await rows(sql`SELECT count(*) AS n FROM audit_log`);
    const deleted = await deleteDemoData(t.db);
    expect(deleted.households).toBe(result.rows.households);
    expect(deleted.contacts).toBe(result.rows.contacts);
    const [c] = await rows(sql`
      SELECT (SELECT count(*) FROM households) AS households, (SELECT count(*) FROM persons) AS persons,
             (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM contact_reasons) AS reasons,
             (SELECT count(*) FROM follow_ups) AS follow_ups, (SELECT count(*) FROM audit_log) AS audit,
             (SELECT string_agg(s.code || '-' || c.year || ':' || c.last, ',' ORDER BY s.code, c.year)
                FROM case_number_counters c JOIN sites s ON s.id = c.site_id) AS counters`);
    expect([num(c.households), num(c.persons), num(c.contacts), num(c.reasons), num(c.follow_ups)]).toEqual([
      2, 2, 0, 0, 0,
    ]);
    expect(num(c.audit)).toBe(num(before.n));
    // the counter continues after the highest number still in use
    expect(c.counters).toBe(`BA-2026:${Number(laterCaseNumber.slice(-4))}`);
  }, 240_000);
});
