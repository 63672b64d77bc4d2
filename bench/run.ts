/**
 * npm run bench [-- --scale25] [--only demo,search,statistics,throughput] [--queries 500] [--reuse] [--url postgres://…]
 *
 * Prints numbers, asserts nothing:
 *  - demo: demo data generation at scale 1 on PGlite and on PostgreSQL;
 *  - search: duplicate search over ≥ 100,000 persons on PostgreSQL (demo data at scale 10 in the database
 *    quartier_bench; with --scale25 at scale 25, whose generation time is printed too);
 *  - householdsearch: the household list search (bench/household-search.ts) at scale 10 in a scratch
 *    database, dropped afterwards;
 *  - statistics: the statistics report benchmark (bench/statistics.ts), when it is there;
 *  - throughput: HTTP req/s and p99 of the household list and /api/auth/me against a bare Fastify server
 *    with the same body (bench/throughput.ts; demo scale 25 by default, --throughput-scale, --duration s);
 *  - reportpage (only when named): the report page in Chromium, navigation to all charts drawn
 *    (bench/report-page.ts; --engine postgres|pglite, --report-scale, --visits, --detail for the last visit's
 *    waterfall, --report-database for a PostgreSQL database of its own; needs npm run build:web).
 * PostgreSQL: DATABASE_URL or postgres://postgres@127.0.0.1:5432/test (benchmark databases are created
 * next to it).
 */
import fs from 'node:fs';
import { generateDemoData } from '../src/server/demo/index.js';
import { benchHouseholdSearch, formatHouseholdSearch } from './household-search.js';
import {
  benchPersonSearch,
  benchPglite,
  benchPostgres,
  defaultUrl,
  dropPostgres,
  formatPersonSearch,
  progressLine,
} from './person-search.js';
import { benchReportPage, formatReportPage } from './report-page.js';
import { arg } from './stats.js';
import { benchThroughput, formatThroughput } from './throughput.js';

/** Demo data generation into a fresh database: PGlite on disk (as the embedded server keeps it) or PostgreSQL. */
interface GenerationResult {
  engine: 'pglite' | 'postgres';
  scale: number;
  ms: number;
  households: number;
  persons: number;
  contacts: number;
  reasons: number;
}

async function benchGeneration(engine: 'pglite' | 'postgres', scale: number, url = defaultUrl) {
  const name = 'quartier_bench_generation';
  const database = engine === 'pglite' ? await benchPglite() : await benchPostgres(url, name);
  try {
    const r = await generateDemoData(database.db, {
      scale,
      onProgress: progressLine(`${engine} scale ${scale}`),
    });
    return {
      engine,
      scale,
      ms: r.ms,
      households: r.rows.households,
      persons: r.rows.persons,
      contacts: r.rows.contacts,
      reasons: r.rows.contact_reasons,
    } satisfies GenerationResult;
  } finally {
    await database.close();
    if (engine === 'postgres') await dropPostgres(url, name);
  }
}

function formatGeneration(results: GenerationResult[]): string {
  const lines = ['', 'demo data generation (npm run demo)'];
  for (const r of results) {
    lines.push(
      `  scale ${String(r.scale).padEnd(3)} ${r.engine.padEnd(9)} ${(r.ms / 1000).toFixed(1).padStart(6)} s   ` +
        `${r.households.toLocaleString('en')} households, ${r.persons.toLocaleString('en')} persons, ` +
        `${r.contacts.toLocaleString('en')} contacts, ${r.reasons.toLocaleString('en')} reasons`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const url = arg('url', defaultUrl);
  const scale25 = process.argv.includes('--scale25');
  const only = new Set(arg('only', 'demo,search,statistics,throughput').split(','));
  const out: string[] = [];
  const started = performance.now();

  if (only.has('demo')) {
    const results: GenerationResult[] = [await benchGeneration('pglite', 1, url)];
    results.push(await benchGeneration('postgres', 1, url));
    out.push(formatGeneration(results));
    console.log(out.at(-1));
  }

  if (only.has('search')) {
    const scale = scale25 ? 25 : Number(arg('scale', '10'));
    const r = await benchPersonSearch({
      url,
      scale,
      queries: Number(arg('queries', '500')),
      reuse: process.argv.includes('--reuse'),
    });
    if (r.generationMs !== null) {
      out.push(
        `\ndemo data generation: scale ${scale} on PostgreSQL ${(r.generationMs / 1000).toFixed(1)} s`,
      );
    }
    out.push(formatPersonSearch(r));
    console.log(out.slice(-2).join('\n'));
  }

  if (only.has('householdsearch')) {
    const r = await benchHouseholdSearch({
      url,
      scale: Number(arg('scale', '10')),
      queries: Number(arg('queries', '500')),
    });
    out.push(formatHouseholdSearch(r));
    console.log(out.at(-1));
  }

  const statistics = new URL('./statistics.ts', import.meta.url);
  if (only.has('statistics') && fs.existsSync(statistics)) {
    const s = await import(statistics.href);
    const results = await s.benchStatistics({
      scale: Number(arg('statistics-scale', '25')),
      engines: ['postgres', 'pglite'],
      runs: Number(arg('runs', '15')),
      data: arg('statistics-data', 'sql'),
      url,
      keep: process.argv.includes('--keep'),
      log: (line: string) => process.stderr.write(`${line}\n`),
    });
    out.push(s.formatResults(results));
    console.log(out.at(-1));
  }

  if (only.has('throughput')) {
    const r = await benchThroughput({
      url,
      scale: Number(arg('throughput-scale', '25')),
      durationSeconds: Number(arg('duration', '10')),
      reuse: process.argv.includes('--reuse'),
      keep: process.argv.includes('--keep'),
      log: (line: string) => process.stderr.write(`${line}\n`),
    });
    out.push(formatThroughput(r));
    console.log(out.at(-1));
  }

  if (only.has('reportpage')) {
    const r = await benchReportPage({
      engine: arg('engine', 'postgres') === 'pglite' ? 'pglite' : 'postgres',
      scale: Number(arg('report-scale', arg('engine', 'postgres') === 'pglite' ? '10' : '25')),
      visits: Number(arg('visits', '6')),
      url,
      reuse: process.argv.includes('--reuse'),
      keep: process.argv.includes('--keep'),
      database: arg('report-database', 'quartier_bench_throughput'),
      pgliteDir: arg('pglite-dir', '') || undefined,
      detail: process.argv.includes('--detail'),
    });
    out.push(formatReportPage(r));
    console.log(out.at(-1));
  }

  console.log(
    `\n==== summary (${((performance.now() - started) / 1000).toFixed(0)} s) ====${out.join('\n')}`,
  );
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
