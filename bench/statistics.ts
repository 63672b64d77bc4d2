/**
 * Statistics benchmark: the full report through the API (rollups) side by side with the plain SQL
 * aggregates that compute the same numbers from the case tables, on PostgreSQL and on PGlite.
 *
 *   npx tsx bench/statistics.ts [--scale 25] [--engine both|pg|pglite] [--runs 15]
 *                               [--data sql|demo] [--url postgres://postgres@127.0.0.1:5432/test] [--keep]
 *
 * --scale 25 gives 1.73 million contacts and 152,000 households (the volume of `npm run demo -- --scale 25`).
 * VACUUM ANALYZE runs before timing; the best plain SQL (bench/statistics-plain.ts) is timed per period length.
 * --data sql (default) fills the database with set-based SQL (fast, deterministic); --data demo uses the
 * demo generator (src/server/demo) when it is there. --keep keeps the loaded database for the next run
 * (PostgreSQL: database quartier_bench_statistics; PGlite: $TMPDIR/quartier-bench-statistics-pglite). Targets: report < 300 ms and ≤ 1.5× plain SQL on
 * PostgreSQL, < 1 s on PGlite. Also callable as `benchStatistics(options)` from bench/run.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { plainFacts } from '../src/server/modules/statistics/queries.js';
import { rollupFacts } from '../src/server/modules/statistics/rollups.js';
import { loadConfig } from '../src/server/platform/config.js';
import { type Database, type Db, openPglite, openPostgres } from '../src/server/platform/db/client.js';
import { demoPassword, initializeIfEmpty } from '../src/server/setup/initialize.js';
import { loadProfile } from '../src/server/setup/profile.js';
import { bestPlainFacts } from './statistics-plain.js';
import { arg } from './stats.js';

export interface StatisticsBenchOptions {
  scale: number;
  engines: ('postgres' | 'pglite')[];
  runs: number;
  data: 'sql' | 'demo';
  url: string;
  /** keep the loaded database for the next run (and reuse one that is there) */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface Timing {
  median: number;
  p90: number;
  min: number;
}

export interface StatisticsBenchResult {
  engine: 'postgres' | 'pglite';
  rows: { households: number; persons: number; contacts: number; reasons: number };
  loadMs: number;
  /** GET /api/statistics/report, since opening, all sites (what the report page loads) */
  reportApi: Timing;
  /** the same, for the board (small-cell protection applied) */
  reportApiProtected: Timing;
  /** the eight chart/table endpoints one after another */
  eightEndpoints: Timing;
  /** the report's facts from the rollups alone (database part of reportApi) */
  rollupQueries: Timing;
  /** the same facts by plain SQL over households, persons, contacts, contact_reasons */
  plainSql: Timing;
  /** a period with partial months at both ends (reads the daily rollups too) */
  reportApiEdges: Timing;
  plainSqlEdges: Timing;
  /** the best plain SQL we can write (bench/statistics-plain.ts), same periods */
  bestPlainSql: Timing;
  bestPlainSqlEdges: Timing;
  /** per period length: the rollups, the plain SQL of the tests, the best plain SQL */
  periods: { label: string; rollups: Timing; plain: Timing; best: Timing }[];
}

const today = '2026-11-25';

function stats(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const round = (x: number) => Math.round(x * 10) / 10;
  return { median: round(at(0.5)), p90: round(at(0.9)), min: round(s[0]) };
}

/** Runs the measured functions interleaved (so both see the same cache and load), after a warm-up. */
async function sideBySide(runs: number, fns: Record<string, () => Promise<unknown>>) {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = -2; i < runs; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t0 = performance.now();
      await fn();
      if (i >= 0) samples[name].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
}

async function count(db: Db, table: string): Promise<number> {
  const res = (await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return Number(res.rows[0].n);
}

/**
 * The volume of `npm run demo -- --scale N`: per unit of scale 6,090 households with 3 members on
 * average and 69,170 contacts with 1.6 reasons each (scale 25: 152,000 households, 1.73 M contacts),
 * spread over the sites' open months up to `today`.
 */
export async function fillWithSql(db: Db, scale: number, log: (s: string) => void) {
  const households = Math.round(6090 * scale);
  const contacts = Math.round(69_170 * scale);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT setseed(0.42)`);
    await tx.execute(sql`
      INSERT INTO households (case_number, site_id, registered_site_id, category, registered_on, district_code, is_demo)
      SELECT 'B-' || g, s.id, s.id, CASE WHEN random() < 0.09 THEN 'other' ELSE 'refugee' END,
        s.opened_on + floor(random() * (${today}::date - s.opened_on))::int,
        s.district_codes[1 + floor(random() * cardinality(s.district_codes))::int], true
      FROM generate_series(1, ${households}) g
      JOIN (SELECT row_number() OVER (ORDER BY sort_order, code) - 1 AS i, id, opened_on, district_codes FROM sites) s
        ON s.i = g % (SELECT count(*) FROM sites)`);
    log(`  households ${households}`);
    await tx.execute(sql`
      INSERT INTO persons (household_id, first_name, last_name, first_key, last_key)
      SELECT h.id, 'Vorname', 'Nachname', 'vrnm', 'nchnm'
      FROM households h, generate_series(1, 5) k WHERE k <= 1 + floor(random() * 5)::int`);
    log('  persons');
  });
  const chunk = 100_000;
  for (let done = 0; done < contacts; done += chunk) {
    const n = Math.min(chunk, contacts - done);
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT setseed(${(done / contacts) * 0.5})`);
      await tx.execute(sql`
        WITH hh AS (SELECT row_number() OVER (ORDER BY case_number) AS rn, id, registered_site_id, registered_on, category
                    FROM households),
             types AS (SELECT array_agg(code ORDER BY sort_order) AS a FROM reference_values WHERE list = 'contact-types'),
             s AS (SELECT row_number() OVER (ORDER BY sort_order, code) - 1 AS i, id, opened_on FROM sites)
        INSERT INTO contacts (household_id, site_id, date, contact_type, category)
        SELECT CASE WHEN anon THEN NULL ELSE hh.id END,
          CASE WHEN anon THEN s.id ELSE hh.registered_site_id END,
          CASE WHEN anon THEN s.opened_on + floor(random() * (${today}::date - s.opened_on))::int
            ELSE least(${today}::date, hh.registered_on + floor(random() * 900)::int) END,
          types.a[1 + floor(random() * cardinality(types.a))::int],
          CASE WHEN anon THEN 'other' ELSE hh.category END
        FROM (SELECT g, random() < 0.05 AS anon, 1 + floor(random() * ${households})::int AS pick
              FROM generate_series(1, ${n}) g) x
        JOIN hh ON hh.rn = x.pick
        CROSS JOIN types
        JOIN s ON s.i = x.g % (SELECT count(*) FROM sites)`);
    });
    log(`  contacts ${done + n}`);
  }
  await db.execute(sql`
    WITH la AS (SELECT array_agg(code ORDER BY sort_order) AS a FROM reference_values WHERE list = 'life-areas'),
         sk AS (SELECT array_agg(code ORDER BY sort_order) AS a FROM reference_values WHERE list = 'support-kinds'),
         c AS MATERIALIZED (SELECT id, floor(random() * 11)::int AS i, floor(random() * 4)::int AS k,
                              random() < 0.6 AS two FROM contacts)
    INSERT INTO contact_reasons (contact_id, life_area, support_kind)
    SELECT c.id, la.a[1 + c.i], sk.a[1 + c.k] FROM c, la, sk
    UNION ALL
    SELECT c.id, la.a[1 + (c.i + 1) % 11], 'beratung' FROM c, la WHERE c.two`);
  log('  reasons');
}

async function fillWithDemo(db: Db, scale: number, log: (s: string) => void) {
  const demo = (await import('../src/server/demo/index.js')) as {
    generateDemoData: (db: Db, o: { scale: number; today?: string }) => Promise<unknown>;
  };
  await demo.generateDemoData(db, { scale, today });
  log('  demo data generated');
}

async function openEngine(engine: 'postgres' | 'pglite', url: string, keep: boolean): Promise<Database> {
  if (engine === 'pglite') {
    const dir = keep
      ? path.join(os.tmpdir(), 'quartier-bench-statistics-pglite')
      : fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
    const database = await openPglite(dir);
    return {
      ...database,
      close: async () => {
        await database.close();
        if (!keep) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = 'quartier_bench_statistics';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!keep || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString());
  return {
    ...database,
    close: async () => {
      await database.close();
      if (keep) return;
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function benchEngine(
  engine: 'postgres' | 'pglite',
  o: StatisticsBenchOptions,
): Promise<StatisticsBenchResult> {
  const log = o.log ?? console.log;
  const database = await openEngine(engine, o.url, o.keep ?? false);
  try {
    const { db } = database;
    await initializeIfEmpty(db, loadProfile('dortmund'), {
      demo: true,
      adminPassword: 'Bench-Password-2026',
    });
    const t0 = performance.now();
    if ((await count(db, 'households')) === 0) {
      log(`${engine}: loading scale ${o.scale} (${o.data})`);
      if (o.data === 'demo') await fillWithDemo(db, o.scale, log);
      else await fillWithSql(db, o.scale, log);
    } else log(`${engine}: reusing the kept database`);
    // as after `npm run demo` (and the embedded server's daily maintenance): statistics and visibility maps
    await db.execute(sql`VACUUM ANALYZE`);
    const loadMs = Math.round(performance.now() - t0);
    const rows = {
      households: await count(db, 'households'),
      persons: await count(db, 'persons'),
      contacts: await count(db, 'contacts'),
      reasons: await count(db, 'contact_reasons'),
    };
    log(`${engine}: ${JSON.stringify(rows)} loaded in ${(loadMs / 1000).toFixed(1)} s`);

    const app = await buildApp(database, loadConfig({ QUARTIER_LOGIN_RATE_PER_MINUTE: '100000' }), {
      serveWeb: false,
    });
    await app.ready();
    const login = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: demoPassword },
      });
      const cookie = res.cookies.find((c) => c.name === 'quartier_session')!.value;
      return async (url: string) => {
        const r = await app.inject({ url, cookies: { quartier_session: cookie } });
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
        return r;
      };
    };
    const central = await login('zentrale');
    const board = await login('beirat');
    const sites = (await db.execute(sql`SELECT id::text, opened_on::text FROM sites`)) as unknown as {
      rows: { id: string; opened_on: string }[];
    };
    const sinceOpening = sites.rows.map((s) => ({ siteId: s.id, from: s.opened_on, to: today }));
    const edges = sites.rows.map((s) => ({ siteId: s.id, from: '2018-03-17', to: '2025-08-12' }));
    const q = `to=${today}`;
    const qEdges = 'from=2018-03-17&to=2025-08-12';
    const parts = [
      'sites',
      'households-per-month',
      'households-per-district',
      'contact-types',
      'reasons-by-life-area',
      'reasons-by-support-kind',
      'reasons-matrix',
      'reasons-per-month',
    ];

    // the same numbers both ways, before timing anything
    const [viaRollups, viaPlain] = [
      await rollupFacts(db, sinceOpening, null),
      await plainFacts(db, sinceOpening, null),
    ];
    // the counts (the cell keys' sums are checked by test/api/statistics-rollups.test.ts)
    const same = ({ keys: _keys, ...f }: typeof viaRollups) =>
      JSON.stringify(Object.values(f).map((rs: object[]) => rs.map((r) => JSON.stringify(r)).sort()));
    if (same(viaRollups) !== same(viaPlain)) throw new Error('rollups and plain SQL disagree');
    if (same(await bestPlainFacts(db, sinceOpening)) !== same(viaRollups)) {
      throw new Error('rollups and the best plain SQL disagree');
    }
    const ids = sites.rows.map((s) => s.id);
    const lengths = [
      { label: 'one month, two sites', sites: ids.slice(0, 2), from: '2025-10-01', to: '2025-10-31' },
      { label: 'one quarter, all sites', sites: ids, from: '2025-07-01', to: '2025-09-30' },
      { label: 'one year, all sites', sites: ids, from: '2024-01-01', to: '2024-12-31' },
      { label: 'five years with edges, all', sites: ids, from: '2018-03-17', to: '2023-08-12' },
    ];
    const periods: StatisticsBenchResult['periods'] = [];
    for (const l of lengths) {
      const ps = l.sites.map((siteId) => ({ siteId, from: l.from, to: l.to }));
      const timed = (await sideBySide(o.runs, {
        rollups: () => rollupFacts(db, ps, null),
        plain: () => plainFacts(db, ps, null, undefined, false),
        best: () => bestPlainFacts(db, ps),
      })) as Record<'rollups' | 'plain' | 'best', Timing>;
      periods.push({ label: l.label, ...timed });
      log(`${engine}: ${l.label} done`);
    }

    const t = await sideBySide(o.runs, {
      reportApi: () => central(`/api/statistics/report?${q}`),
      plainSql: () => plainFacts(db, sinceOpening, null, undefined, false),
      reportApiProtected: () => board(`/api/statistics/report?${q}`),
      eightEndpoints: async () => {
        for (const p of parts) await central(`/api/statistics/${p}?${q}`);
      },
      rollupQueries: () => rollupFacts(db, sinceOpening, null),
      reportApiEdges: () => central(`/api/statistics/report?${qEdges}`),
      plainSqlEdges: () => plainFacts(db, edges, null, undefined, false),
      bestPlainSql: () => bestPlainFacts(db, sinceOpening),
      bestPlainSqlEdges: () => bestPlainFacts(db, edges),
    });
    await app.close();
    return { engine, rows, loadMs, periods, ...(t as Record<string, Timing>) } as StatisticsBenchResult;
  } finally {
    await database.close();
  }
}

export async function benchStatistics(o: StatisticsBenchOptions): Promise<StatisticsBenchResult[]> {
  const results: StatisticsBenchResult[] = [];
  for (const engine of o.engines) results.push(await benchEngine(engine, o));
  return results;
}

export function formatResults(results: StatisticsBenchResult[]): string {
  const lines = ['', 'statistics: median / p90 ms'];
  for (const r of results) {
    const ratio = (a: Timing, b: Timing) => (a.median / b.median).toFixed(2);
    const f = (x: Timing) => `${x.median} / ${x.p90}`;
    lines.push(
      `${r.engine}: ${r.rows.contacts.toLocaleString('en')} contacts, ${r.rows.reasons.toLocaleString('en')} reasons, ${r.rows.households.toLocaleString('en')} households, ${r.rows.persons.toLocaleString('en')} persons`,
      `  full report via API (since opening) ${f(r.reportApi)}   plain SQL aggregates ${f(r.plainSql)}   ratio ${ratio(r.reportApi, r.plainSql)}`,
      `  same, period with partial months    ${f(r.reportApiEdges)}   plain SQL aggregates ${f(r.plainSqlEdges)}   ratio ${ratio(r.reportApiEdges, r.plainSqlEdges)}`,
      `  full report for the board (protected) ${f(r.reportApiProtected)}`,
      `  eight endpoints one after another     ${f(r.eightEndpoints)}`,
      `  rollup queries alone                  ${f(r.rollupQueries)}`,
      `  best plain SQL (indexed ranges): since opening ${f(r.bestPlainSql)} (API ratio ${ratio(r.reportApi, r.bestPlainSql)}), ` +
        `partial months ${f(r.bestPlainSqlEdges)} (API ratio ${ratio(r.reportApiEdges, r.bestPlainSqlEdges)})`,
      '  per period length (database part)     rollups      plain SQL     best plain SQL   rollups/best',
    );
    for (const p of r.periods) {
      lines.push(
        `    ${p.label.padEnd(34)} ${f(p.rollups).padStart(9)} ${f(p.plain).padStart(13)} ${f(p.best).padStart(13)}   ${ratio(p.rollups, p.best).padStart(8)}`,
      );
    }
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const engine = arg('engine', 'both');
  const options: StatisticsBenchOptions = {
    scale: Number(arg('scale', '25')),
    engines:
      engine === 'both' ? ['postgres', 'pglite'] : [engine === 'pg' ? 'postgres' : (engine as 'pglite')],
    runs: Number(arg('runs', '15')),
    data: arg('data', 'sql') as 'sql' | 'demo',
    url: arg('url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
    keep: process.argv.includes('--keep'),
  };
  benchStatistics(options)
    .then((results) => {
      console.log(formatResults(results));
      console.log(JSON.stringify(results));
      process.exit(0);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
