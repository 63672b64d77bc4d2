import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { rowsOf } from '../platform/sql.js';
import { getSetting } from '../setup/settings.js';
import { withIndexesDeferred } from './bulk-indexes.js';
import { rebuildLatestAssessments, withTotalsRebuilt } from './bulk-totals.js';
import { toDay, todayInBerlin } from './calendar.js';
import { postgresCopy } from './copy.js';
import { type DemoContext, type DemoSite, runGenerator, type SitePlan } from './generator.js';
import { loadNetworkContext } from './network-context.js';
import { seedWindowEnd } from './plan.js';
import { demoTables } from './tables.js';
import { DatabaseSink, type DemoTable } from './writer.js';

export { deleteDemoData } from './delete.js';
export { seedTable, seedWindowEnd } from './plan.js';

export const defaultDemoSeed = 20161001;

export interface DemoOptions {
  /** volume factor: 1 reproduces the seed's table exactly, N gives N times its figures */
  scale: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** the last day of data (YYYY-MM-DD); default today in Europe/Berlin */
  today?: string;
}

export interface DemoResult {
  seed: number;
  scale: number;
  today: string;
  /** rows written per table */
  rows: Record<DemoTable, number>;
  /** per site: households, persons and contacts of the seed window (opening to 31 Oct 2021) */
  seedWindow: { code: string; households: number; persons: number; contacts: number }[];
  /** sha-256 over all rows written: the same seed and day give the same checksum */
  checksum: string;
  ms: number;
  /** database time of the INSERTs per table (ms) */
  insertMs: Record<DemoTable, number>;
}

type Row = Record<string, unknown>;

async function query(db: Db, statement: ReturnType<typeof sql>): Promise<Row[]> {
  return rowsOf<Row>(await db.execute(statement));
}

export async function hasDemoData(db: Db): Promise<boolean> {
  const rows = await query(db, sql`SELECT 1 FROM households WHERE is_demo LIMIT 1`);
  return rows.length > 0;
}

/** Reads what the generator builds on: sites and districts, reference codes, demo staff, case numbers taken. */
export async function loadDemoContext(db: Db): Promise<DemoContext> {
  const sites = await query(
    db,
    sql`SELECT id, code, opened_on::text AS opened_on, closed_on::text AS closed_on, district_codes FROM sites ORDER BY sort_order, code`,
  );
  const refs = await query(
    db,
    sql`SELECT list, code, parent_code, kind FROM reference_values WHERE active ORDER BY list, sort_order, code`,
  );
  const staff = await query(
    db,
    sql`SELECT id, site_ids FROM users WHERE is_demo AND active AND role IN ('caseworker', 'siteLead') ORDER BY username`,
  );
  const counters = await query(db, sql`SELECT site_id, year, last FROM case_number_counters`);
  const profile = await getSetting(db, 'profile');
  const city = profile ? profile.charAt(0).toUpperCase() + profile.slice(1) : null;

  const list = (name: string) => refs.filter((r) => r.list === name).map((r) => String(r.code));
  const subdistricts = new Map<string, string[]>();
  for (const r of refs.filter((x) => x.list === 'subdistricts' && x.parent_code)) {
    const parent = String(r.parent_code);
    subdistricts.set(parent, [...(subdistricts.get(parent) ?? []), String(r.code)]);
  }
  const districts = new Set(list('districts'));
  const staffBySite = new Map<string, string[]>();
  for (const u of staff) {
    for (const siteId of u.site_ids as string[])
      staffBySite.set(siteId, [...(staffBySite.get(siteId) ?? []), String(u.id)]);
  }
  const demoSites: DemoSite[] = sites.map((s) => ({
    id: String(s.id),
    code: String(s.code),
    openedOn: String(s.opened_on),
    closedOn: s.closed_on ? String(s.closed_on) : null,
    geography: {
      districtCodes: (s.district_codes as string[]).filter((d) => districts.has(d)),
      subdistricts,
      city,
    },
  }));
  return {
    sites: demoSites,
    contactCodes: {
      lifeAreas: list('life-areas'),
      supportKinds: list('support-kinds'),
      contactTypes: list('contact-types'),
    },
    caseworkCodes: {
      lifeAreas: list('life-areas'),
      obstacles: new Set(list('obstacles')),
      organisations: refs
        .filter((r) => r.list === 'organisations')
        .map((r) => ({ code: String(r.code), kind: r.kind ? String(r.kind) : null })),
    },
    residenceStatuses: new Set(list('residence-statuses')),
    staffBySite,
    counters: new Map(counters.map((c) => [`${c.site_id}:${c.year}`, Number(c.last)])),
    network: await loadNetworkContext(db),
  };
}

function checkOptions(options: DemoOptions) {
  if (!Number.isFinite(options.scale) || options.scale <= 0 || options.scale > 1000) {
    throw new Error(`scale must be a number above 0 and at most 1000 (got ${options.scale})`);
  }
  const seed = options.seed ?? defaultDemoSeed;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer (got ${options.seed})`);
  const today = options.today ?? todayInBerlin();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD (got ${today})`);
  return { scale: options.scale, seed, today, onProgress: options.onProgress };
}

function windowSummary(plans: SitePlan[]) {
  const end = toDay(seedWindowEnd);
  return plans.map((p) => {
    const inWindow = p.households.filter((h) => h.registered <= end);
    return {
      code: p.site.code,
      households: inWindow.length,
      persons: inWindow.reduce((s, h) => s + h.persons.length, 0),
      contacts:
        p.anonymousDays.filter((d) => d <= end).length +
        p.households.reduce(
          (s, h) => s + h.contactDays.filter((d) => d <= end && (!h.transfer || d < h.transfer.day)).length,
          0,
        ),
    };
  });
}

/**
 * Generates deterministic demo data (households marked is_demo) into the database, in one transaction:
 * at scale 1 the seed's table comes out exactly for every Dortmund site (opening to 31 Oct 2021), and the
 * data continue up to today. Refuses when demo data exist (delete them with deleteDemoData first).
 */
export async function generateDemoData(db: Db, options: DemoOptions): Promise<DemoResult> {
  const opts = checkOptions(options);
  const started = performance.now();
  const result = await db.transaction(async (tx) => {
    // case numbers: no one may take a number while the demo data claim theirs
    await tx.execute(sql`LOCK TABLE case_number_counters IN EXCLUSIVE MODE`);
    if (await hasDemoData(tx)) {
      throw new Error('Demo data exist already. Delete them first (npm run demo -- --reset).');
    }
    const ctx = await loadDemoContext(tx);
    const sink = new DatabaseSink(tx, 5000, postgresCopy(tx));
    // indexes back before the totals: the head names are read per household through persons_household_idx
    const plans = await withTotalsRebuilt(tx, () =>
      withIndexesDeferred(
        tx,
        demoTables,
        ['households'],
        () => runGenerator(ctx, opts, sink),
        () => rebuildLatestAssessments(tx),
      ),
    );
    await saveCounters(tx, plans);
    return { plans, rows: sink.counts, checksum: sink.checksum, insertMs: sink.timings };
  });
  return {
    seed: opts.seed,
    scale: opts.scale,
    today: opts.today,
    rows: result.rows,
    seedWindow: windowSummary(result.plans),
    checksum: result.checksum,
    ms: Math.round(performance.now() - started),
    insertMs: Object.fromEntries(
      Object.entries(result.insertMs).map(([t, ms]) => [t, Math.round(ms)]),
    ) as Record<DemoTable, number>,
  };
}

/** The checksum generateDemoData would produce now, without writing anything (for tests of determinism). */
export async function demoChecksum(db: Db, options: DemoOptions): Promise<string> {
  const opts = checkOptions(options);
  const ctx = await loadDemoContext(db);
  const sink = new DatabaseSink(null);
  await runGenerator(ctx, { ...opts, onProgress: undefined }, sink);
  return sink.checksum;
}

/** Later registrations continue each site's sequence after the demo households' numbers. */
async function saveCounters(tx: Db, plans: SitePlan[]) {
  const last = new Map<string, { siteId: string; year: number; last: number }>();
  for (const p of plans) {
    for (const h of p.households) {
      const m = /-(\d{4})-(\d+)$/.exec(h.caseNumber);
      if (!m) continue;
      const year = m[1];
      const key = `${p.site.id}:${year}`;
      const value = Number(m[2]);
      if ((last.get(key)?.last ?? 0) < value)
        last.set(key, { siteId: p.site.id, year: Number(year), last: value });
    }
  }
  const rows = [...last.values()];
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO case_number_counters (site_id, year, last)
    SELECT * FROM unnest(${sql.param(rows.map((r) => r.siteId))}::uuid[], ${sql.param(rows.map((r) => r.year))}::int4[], ${sql.param(rows.map((r) => r.last))}::int4[])
    ON CONFLICT (site_id, year) DO UPDATE SET last = GREATEST(case_number_counters.last, excluded.last)`);
}
