/**
 * Household list search benchmark: demo data (scale 10 by default) in a scratch PostgreSQL database, then
 * ~500 list searches `GET /api/households?q=…` through the HTTP API as the caseworker of Brackel: last
 * names and "first last" retyped with other spellings (Muller, Al Saadi, Mohamad …), beginnings of names
 * and case numbers (exact and by their beginning). Prints p50/p95/max in ms (goal p95 < 100 ms) and how
 * often the household searched for was on the first page. The scratch database is dropped afterwards
 * unless --keep.
 *
 *   npx tsx bench/household-search.ts [--scale 10] [--queries 500] [--keep] [--reuse] [--url postgres://…]
 *     [--database quartier_bench_throughput --reuse --keep] (search the throughput benchmark's kept data)
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { generateDemoData, hasDemoData } from '../src/server/demo/index.js';
import { Rng } from '../src/server/demo/random.js';
import { loadConfig } from '../src/server/platform/config.js';
import { demoPassword } from '../src/server/setup/initialize.js';
import { benchPostgres, defaultUrl, dropPostgres, progressLine, retype } from './person-search.js';
import { arg, type Latency, latency, latencyLine, timeEach } from './stats.js';

export interface HouseholdSearchOptions {
  url: string;
  scale: number;
  queries: number;
  keep?: boolean;
  reuse?: boolean;
  /** another database to search in (e.g. the throughput benchmark's kept one at scale 25) */
  database?: string;
  log?: (line: string) => void;
}

export interface HouseholdSearchResult extends Latency {
  persons: number;
  households: number;
  /** share of searches whose household is on the first page (25 rows) */
  found: number;
  meanTotal: number;
}

const scratchDatabase = 'quartier_bench_household_search';

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => ((r as { rows?: Row[] }).rows ?? r) as Row[];

/** What a caseworker types for a household: a retyped name, a beginning, or a case number. */
function typed(rng: Rng, p: Row): string {
  const first = String(p.first_name);
  const last = String(p.last_name);
  const x = rng.next();
  if (x < 0.45) return retype(rng, last);
  if (x < 0.7) return `${retype(rng, first)} ${retype(rng, last)}`;
  if (x < 0.8) return last.slice(0, 4);
  if (x < 0.92) return String(p.case_number);
  return String(p.case_number).slice(0, -1);
}

export async function benchHouseholdSearch(o: HouseholdSearchOptions): Promise<HouseholdSearchResult> {
  const log = o.log ?? ((line: string) => console.log(line));
  const database = o.database ?? scratchDatabase;
  const pg = await benchPostgres(o.url, database, o.reuse);
  const app = await buildApp(pg, loadConfig({ QUARTIER_LOGIN_RATE_PER_MINUTE: '100000' }), {
    serveWeb: false,
  });
  try {
    if (!(o.reuse && (await hasDemoData(pg.db)))) {
      log(`generating demo data at scale ${o.scale} into PostgreSQL database ${database} …`);
      const r = await generateDemoData(pg.db, {
        scale: o.scale,
        onProgress: progressLine(`scale ${o.scale}`),
      });
      log(`  scale ${o.scale} on PostgreSQL: ${(r.ms / 1000).toFixed(1)} s`);
    }
    await pg.db.execute(sql`ANALYZE`);
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fachkraft.ba', password: demoPassword },
    });
    const user = login.json() as { user: { siteIds: string[] } };
    const cookies = {
      quartier_session: login.cookies.find((c) => c.name === 'quartier_session')?.value ?? '',
    };
    const [count] = rowsOf(
      await pg.db.execute(sql`SELECT (SELECT count(*) FROM persons)::int AS persons,
        (SELECT count(*) FROM households)::int AS households`),
    );
    const sample = rowsOf(
      await pg.db.execute(sql`SELECT p.first_name, p.last_name, h.id, h.case_number FROM persons p
        JOIN households h ON h.id = p.household_id
        WHERE h.site_id = ANY(${sql.param(user.user.siteIds)}::uuid[])
        ORDER BY md5(p.id::text) LIMIT ${o.queries + 20}`),
    );
    const rng = new Rng('bench-household-search');
    const inputs = sample.map((p) => ({ id: String(p.id), q: typed(rng, p) }));
    const search = (q: string) =>
      app.inject({ method: 'GET', url: `/api/households?q=${encodeURIComponent(q)}`, cookies });
    let found = 0;
    let totals = 0;
    const times = await timeEach(inputs, 20, async (i, timed) => {
      const res = await search(i.q);
      if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}: ${res.body}`);
      if (!timed) return;
      const body = res.json() as { items: { id: string }[]; total: number };
      if (body.items.some((h) => h.id === i.id)) found++;
      totals += body.total;
    });
    return {
      persons: Number(count.persons),
      households: Number(count.households),
      ...latency(times),
      found: Math.round((1000 * found) / times.length) / 1000,
      meanTotal: Math.round(totals / times.length),
    };
  } finally {
    await app.close();
    await pg.close();
    if (!o.keep) await dropPostgres(o.url, database);
  }
}

export function formatHouseholdSearch(r: HouseholdSearchResult): string {
  return [
    '',
    `household list search (GET /api/households?q=) on PostgreSQL: ${r.persons.toLocaleString('en')} persons, ${r.households.toLocaleString('en')} households`,
    latencyLine('searches', r, 'p95 < 100 ms'),
    `  the household searched for was on the first page in ${(r.found * 100).toFixed(1)} % of the searches (mean total ${r.meanTotal})`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchHouseholdSearch({
    url: arg('url', defaultUrl),
    scale: Number(arg('scale', '10')),
    queries: Number(arg('queries', '500')),
    keep: process.argv.includes('--keep'),
    reuse: process.argv.includes('--reuse'),
    database: process.argv.includes('--database') ? arg('database', scratchDatabase) : undefined,
  })
    .then((r) => {
      console.log(formatHouseholdSearch(r));
      process.exit(0);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
