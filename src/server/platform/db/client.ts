import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from '../../db/schema/index.js';
import { type Listen, pgliteListen, postgresListen } from './notifications.js';

export type Schema = typeof schema;
/** The same Drizzle API over PGlite (embedded) or node-postgres (city scale). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** LISTEN on a channel of this database (the session cache's notices); absent where nobody can listen */
  listen?: Listen;
}

const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** How many migrations the database has applied (0 before the first). */
async function appliedMigrations(db: Db): Promise<number> {
  const rowsOf = (r: unknown) => ((r as { rows?: { n: unknown }[] }).rows ?? r) as { n: unknown }[];
  const [exists] = rowsOf(
    await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS n`),
  );
  if (!exists.n) return 0;
  const [count] = rowsOf(await db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`));
  return Number(count.n);
}

/**
 * Migrates; when that applied anything, refreshes the planner's statistics: a migration that adds columns
 * or indexes leaves them without statistics, and the planner then guessed 50 rows where a site has 24,000
 * (a nested loop instead of a hash join, measured on the household list after migration 0013).
 */
async function migrateAndAnalyze(db: Db, migrate: () => Promise<void>) {
  const before = await appliedMigrations(db);
  await migrate();
  if (before > 0 && (await appliedMigrations(db)) > before) await db.execute(sql`ANALYZE`);
}

/**
 * PGlite's own start parameters plus a bounded write-ahead log. PGlite runs PostgreSQL as a single backend
 * without a checkpointer, so a checkpoint happens only when the WAL reaches max_wal_size (or on CHECKPOINT
 * and shutdown), and after each one the segments are kept for reuse up to an estimate of the last
 * checkpoints' distance, capped by max_wal_size. With PostgreSQL's default of 1 GB the demo data's bulk load
 * left 1 GB of WAL in the data dir for good (measured at demo scale 10: 1,008 MB of 1.9 GB). 256 MB bounds
 * it; with fsync off a checkpoint only hands the dirty buffers (at most shared_buffers) to the OS.
 *
 * shared_buffers 64 MB instead of PostgreSQL's 128 MB: PGlite touches all of its buffer pool at start, so
 * the pool is resident from the first second (the server's RSS after a start on demo scale 10: 440–453 MB
 * with 128 MB, 367–374 MB with 64 MB). The data files stay in the operating system's page cache, so a
 * smaller pool costs reads through it, not disk reads: the office benchmark (20 caseworkers, demo scale 10)
 * answered 285.6 and 287.1 actions/s, p95 127 and 126 ms, with 128 and 64 MB.
 */
export const pgliteStartParams = [
  ...PGlite.defaultStartParams,
  '-c',
  'max_wal_size=256MB',
  '-c',
  'min_wal_size=64MB',
  '-c',
  'shared_buffers=64MB',
];

/** A PGlite instance in `dataDir` (in memory when undefined) with the app's start parameters. */
export function newPglite(dataDir?: string): PGlite {
  const options = { startParams: pgliteStartParams };
  // new PGlite(undefined, options) ignores the options
  return dataDir ? new PGlite(dataDir, options) : new PGlite(options);
}

/** Opens PGlite in `dataDir` (or in memory when undefined) and migrates it. */
export async function openPglite(dataDir?: string, from?: PGlite): Promise<Database> {
  const client = from ?? newPglite(dataDir);
  await client.waitReady;
  const db = drizzlePglite({ client, schema });
  await migrateAndAnalyze(db as unknown as Db, () => migratePglite(db, { migrationsFolder }));
  return {
    db: db as unknown as Db,
    engine: 'pglite',
    close: () => client.close(),
    listen: pgliteListen(client),
  };
}

/** The settings of every PostgreSQL connection of the app (see openPostgres for why). */
export const sessionOptions = '-c jit=off -c random_page_cost=1.1 -c max_parallel_workers_per_gather=0';

/** Connects to PostgreSQL and migrates under an advisory lock, so several processes can start at once. */
export async function openPostgres(url: string): Promise<Database> {
  // JIT off: the app's queries are short; a high cost estimate (a tolerant name search) made PostgreSQL
  // spend ~0.5 s compiling a query that runs in a few ms (measured on the household list search).
  // random_page_cost 1.1 (solid-state storage, the data mostly cached): with the default 4 the planner
  // preferred scanning all households to 3,000 primary-key look-ups for a name search (139 ms against 50 ms).
  // No parallel workers per query: the app answers many short requests at once, and on a small server the
  // workers only took cores from the other requests (the same search used 3 processes for 139 ms).
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: sessionOptions,
  });
  // An idle connection the server ends (restart, failover, a dropped test database) must not crash the
  // process; the pool replaces it on the next query.
  pool.on('error', (error) => {
    console.error(`PostgreSQL connection lost: ${error.message}`);
  });
  const db = drizzlePg({ client: pool, schema });
  const lockClient = await pool.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock(74211)');
    await migrateAndAnalyze(db as unknown as Db, () => migratePg(db, { migrationsFolder }));
  } finally {
    await lockClient.query('SELECT pg_advisory_unlock(74211)').catch(() => {});
    lockClient.release();
  }
  return {
    db: db as unknown as Db,
    engine: 'postgres',
    close: () => pool.end(),
    listen: postgresListen(url, sessionOptions),
  };
}
