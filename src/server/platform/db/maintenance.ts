import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

const day = 24 * 3_600_000;

/**
 * VACUUM ANALYZE, then (embedded engine) a CHECKPOINT. PGlite runs no autovacuum: without this the rollup
 * tables never get planner statistics and dead rows pile up; the checkpoint lets PostgreSQL recycle the
 * write-ahead log, which a bulk load (the demo data) otherwise leaves at its peak size. On a PostgreSQL
 * server autovacuum does the same, and one pass after a bulk load only speeds it up.
 */
export async function maintainDatabase(database: Database): Promise<{ ms: number }> {
  const started = performance.now();
  await database.db.execute(sql`VACUUM ANALYZE`);
  if (database.engine === 'pglite') await database.db.execute(sql`CHECKPOINT`);
  return { ms: performance.now() - started };
}

/**
 * Runs maintainDatabase once a day (embedded engine only: a PostgreSQL server has autovacuum). The timer does
 * not keep the process alive; a failed run is logged and retried the next day.
 */
export function scheduleMaintenance(
  database: Database,
  log: (message: string) => void,
  intervalMs = day,
): () => void {
  if (database.engine !== 'pglite') return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    maintainDatabase(database)
      .then((r) => log(`database maintenance (VACUUM ANALYZE, CHECKPOINT) in ${Math.round(r.ms)} ms`))
      .catch((e: unknown) =>
        log(`database maintenance failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
