import { sql } from 'drizzle-orm';
import { rowsOf } from '../sql.js';
import type { Database } from './client.js';

const day = 24 * 3_600_000;

export interface MaintenanceResult {
  ms: number;
  tables: number;
  /** the longest single statement ('VACUUM persons'): the longest the embedded engine made requests wait */
  longest: { table: string; ms: number } | null;
}

/**
 * VACUUM ANALYZE of every table, then (embedded engine) a CHECKPOINT. PGlite runs no autovacuum: without this
 * the rollup tables never get planner statistics and dead rows pile up; the checkpoint lets PostgreSQL recycle
 * the write-ahead log, which a bulk load (the demo data) otherwise leaves at its peak size. On a PostgreSQL
 * server autovacuum does the same, and one pass after a bulk load only speeds it up.
 *
 * A VACUUM and an ANALYZE per table instead of one database-wide VACUUM ANALYZE (which processes the same
 * tables): PGlite has one connection, and every request queued behind the single statement for its whole run
 * (23–31 s at demo scale 10 on a busy 2-core machine); between two statements the waiting requests get their
 * turn.
 */
export async function maintainDatabase(database: Database): Promise<MaintenanceResult> {
  const started = performance.now();
  // regclass output is quoted (and schema-qualified where needed) by PostgreSQL itself; other sessions'
  // temporary tables cannot be vacuumed from here
  const tables = rowsOf<{ name: string }>(
    await database.db.execute(
      sql`SELECT c.oid::regclass::text AS name FROM pg_class c
          WHERE c.relkind IN ('r', 'm') AND c.relpersistence <> 't' ORDER BY c.relpages DESC, c.oid`,
    ),
  );
  let longest: MaintenanceResult['longest'] = null;
  for (const { name } of tables) {
    // VACUUM and ANALYZE apart (what VACUUM ANALYZE does, in that order): half the wait each
    for (const command of ['VACUUM', 'ANALYZE']) {
      const t = performance.now();
      await database.db.execute(sql.raw(`${command} ${name}`));
      const ms = performance.now() - t;
      if (!longest || ms > longest.ms) longest = { table: `${command} ${name}`, ms };
    }
  }
  if (database.engine === 'pglite') await database.db.execute(sql`CHECKPOINT`);
  return { ms: performance.now() - started, tables: tables.length, longest };
}

const berlinClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Milliseconds from `now` to the next `hour`:00 on the Berlin wall clock (a whole day when it is that now). */
export function msUntilBerlinHour(hour: number, now = new Date()): number {
  const parts = Object.fromEntries(berlinClock.formatToParts(now).map((p) => [p.type, p.value]));
  const secondOfDay = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  const seconds = (((hour * 3600 - secondOfDay) % 86_400) + 86_400) % 86_400 || 86_400;
  return seconds * 1000 - now.getMilliseconds();
}

/**
 * Runs maintainDatabase every night at `hourBerlin` o'clock (embedded engine only: a PostgreSQL server has
 * autovacuum). At night, because the embedded engine answers no other request while a table is vacuumed; and on
 * the wall clock rather than 24 hours after the start, so a server restarted more often than daily still gets
 * it. The timer does not keep the process alive; a failed run is logged and retried the next night.
 */
export function scheduleMaintenance(
  database: Database,
  log: (message: string) => void,
  hourBerlin = 3,
): () => void {
  if (database.engine !== 'pglite') return () => {};
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(run, Math.min(msUntilBerlinHour(hourBerlin), day + 3_600_000));
    timer.unref();
  };
  const run = () => {
    maintainDatabase(database)
      .then((r) =>
        log(
          `database maintenance (VACUUM ANALYZE of ${r.tables} tables, CHECKPOINT) in ${Math.round(r.ms)} ms` +
            (r.longest ? `, longest ${r.longest.table} ${Math.round(r.longest.ms)} ms` : ''),
        ),
      )
      .catch((e: unknown) =>
        log(`database maintenance failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(next);
  };
  next();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
