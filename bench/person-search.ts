/**
 * Duplicate search benchmark: demo data with at least 100,000 persons on PostgreSQL, then ~500 searches
 * for real names typed with other spellings and with a birth year or date, through the service function
 * searchPersons (the same code GET /api/persons/search runs), as a caseworker whose scope is all sites.
 * Prints p50/p95/max in ms (goal p95 < 50 ms) and how often the person searched for was found.
 *
 *   npx tsx bench/person-search.ts [--scale 10] [--queries 500] [--reuse] [--url postgres://…]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { generateDemoData, hasDemoData } from '../src/server/demo/index.js';
import { spellingVariants } from '../src/server/demo/names.js';
import { Rng } from '../src/server/demo/random.js';
import { searchPersons } from '../src/server/modules/households/search.js';
import type { ActorContext } from '../src/server/platform/audit.js';
import { type Database, openPglite, openPostgres } from '../src/server/platform/db/client.js';
import { initializeIfEmpty } from '../src/server/setup/initialize.js';
import { loadProfile } from '../src/server/setup/profile.js';
import { arg, type Latency, latency, latencyLine, timeEach } from './stats.js';

// ---- benchmark databases (also used by bench/run.ts) ----
export const defaultUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, statements: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL database `name` on the server of `url`: fresh (dropped and created) unless `reuse`. */
export async function benchPostgres(url: string, name: string, reuse = false): Promise<Database> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  if (!reuse) await admin(url, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`]);
  else await admin(url, [`CREATE DATABASE ${name}`]).catch(() => {});
  const database = await openPostgres(withDatabase(url, name));
  await initializeIfEmpty(database.db, loadProfile('dortmund'), {
    demo: true,
    adminPassword: 'Bench-Password-2026',
  });
  return database;
}

export async function dropPostgres(url: string, name: string) {
  await admin(url, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}

/**
 * PGlite in a temporary directory (as the embedded server keeps it), removed on close; or in `keepDir`,
 * kept for the next run (its demo data are generated once).
 */
export async function benchPglite(keepDir?: string): Promise<Database> {
  if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
  const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
  const database = await openPglite(dir);
  await initializeIfEmpty(database.db, loadProfile('dortmund'), {
    demo: true,
    adminPassword: 'Bench-Password-2026',
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A progress line on stderr (overwritten in a terminal). */
export function progressLine(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - last < 500) return;
    last = now;
    const pct = total ? Math.floor((100 * done) / total) : 100;
    const line = `  ${label}: ${pct} % (${done.toLocaleString('en')} / ${total.toLocaleString('en')})`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}   ${done >= total ? '\n' : ''}`);
    else if (done >= total || pct % 25 === 0) process.stderr.write(`${line}\n`);
  };
}

// ---- the search benchmark ----

export interface PersonSearchOptions {
  url: string;
  /** demo data scale; 10 gives a bit over 100,000 persons */
  scale: number;
  queries: number;
  /** keep quartier_bench and reuse its data when it has demo data already */
  reuse?: boolean;
  database?: string;
  log?: (line: string) => void;
}

export interface PersonSearchResult extends Latency {
  persons: number;
  households: number;
  contacts: number;
  /** demo generation time on PostgreSQL (null when reused) */
  generationMs: number | null;
  /** share of searches whose person is among the results */
  found: number;
}

/** Typing variations a colleague might produce besides the known transliterations. */
export function retype(rng: Rng, name: string): string {
  const variants = spellingVariants(name);
  if (variants.length && rng.chance(0.7)) return rng.pick(variants);
  const rules: [RegExp, string][] = [
    [/ou/, 'u'],
    [/ee/, 'i'],
    [/([bcdfgklmnprst])\1/, '$1'],
    [/^Al-/, 'Al '],
    [/^Al-/, 'Al'],
    [/ä/, 'ae'],
    [/ü/, 'ue'],
    [/ş/i, 's'],
    [/y/, 'i'],
    [/k/, 'c'],
  ];
  const applicable = rules.filter(([re]) => re.test(name));
  if (applicable.length === 0 || rng.chance(0.3)) return name;
  const [re, to] = rng.pick(applicable);
  return name.replace(re, to);
}

export async function benchPersonSearch(o: PersonSearchOptions): Promise<PersonSearchResult> {
  const log = o.log ?? ((line: string) => console.log(line));
  const name = o.database ?? 'quartier_bench';
  const database = await benchPostgres(o.url, name, o.reuse);
  try {
    const db = database.db;
    let generationMs: number | null = null;
    if (!(o.reuse && (await hasDemoData(db)))) {
      log(`generating demo data at scale ${o.scale} into PostgreSQL database ${name} …`);
      const result = await generateDemoData(db, {
        scale: o.scale,
        onProgress: progressLine(`scale ${o.scale}`),
      });
      generationMs = result.ms;
      log(`  scale ${o.scale} on PostgreSQL: ${(result.ms / 1000).toFixed(1)} s`);
    }
    const rows = (r: unknown) =>
      ((r as { rows?: Record<string, unknown>[] }).rows ?? r) as Record<string, unknown>[];
    const [count] = rows(
      await db.execute(sql`SELECT (SELECT count(*) FROM persons)::int AS persons,
        (SELECT count(*) FROM households)::int AS households, (SELECT count(*) FROM contacts)::int AS contacts`),
    );
    const sites = rows(await db.execute(sql`SELECT id FROM sites`)).map((s) => String(s.id));
    const [user] = rows(await db.execute(sql`SELECT id FROM users WHERE username = 'fachkraft.ba'`));
    const scope = { userId: String(user.id), siteIds: sites };
    const ctx: ActorContext = {
      actorId: scope.userId,
      actorUsername: 'bench',
      role: 'caseworker',
      requestId: 'bench-person-search',
      ip: null,
    };

    // real persons, in a fixed pseudo-random order; names retyped, with birth year or date
    const sample = rows(
      await db.execute(sql`SELECT id, first_name, last_name, birth_date::text AS birth_date, birth_year
        FROM persons ORDER BY md5(id::text) LIMIT ${o.queries + 20}`),
    );
    const rng = new Rng('bench-person-search');
    const inputs = sample.map((p) => {
      const typed = `${retype(rng, String(p.first_name))} ${retype(rng, String(p.last_name))}`;
      const x = rng.next();
      const birth =
        x < 0.5 || !p.birth_date
          ? { birthYear: Number(p.birth_year) }
          : x < 0.85
            ? { birthDate: String(p.birth_date) }
            : {};
      return { id: String(p.id), input: { name: typed, ...birth } };
    });

    let found = 0;
    const times = await timeEach(inputs, 20, async (q, timed) => {
      const result = await searchPersons({ db, ctx, scope }, q.input);
      if (timed && result.some((r) => r.personId === q.id)) found++;
    });
    return {
      persons: Number(count.persons),
      households: Number(count.households),
      contacts: Number(count.contacts),
      generationMs,
      ...latency(times),
      found: Math.round((1000 * found) / times.length) / 1000,
    };
  } finally {
    await database.close();
  }
}

export function formatPersonSearch(r: PersonSearchResult): string {
  return [
    '',
    `person search (duplicate warning) on PostgreSQL: ${r.persons.toLocaleString('en')} persons, ${r.households.toLocaleString('en')} households, ${r.contacts.toLocaleString('en')} contacts`,
    latencyLine('searches', r, 'p95 < 50 ms'),
    `  the person searched for was among the results in ${(r.found * 100).toFixed(1)} % of the searches`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPersonSearch({
    url: arg('url', defaultUrl),
    scale: Number(arg('scale', '10')),
    queries: Number(arg('queries', '500')),
    reuse: process.argv.includes('--reuse'),
  })
    .then((r) => {
      console.log(formatPersonSearch(r));
      process.exit(0);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
