import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/sql.js';

/**
 * Folds the statistics' delta tables into the rollups (migration 0026_rollup_deltas): every write appends its
 * deltas to stat_*_delta, and stat_fold() moves them into the daily and monthly rollups in one statement per
 * family. The figures are exact whether a delta is folded or not (the readers read rollups and deltas
 * together); folding keeps the delta tables short, so reading them costs nothing.
 *
 * Every API process folds every `everyMs`; with several processes on one PostgreSQL server one fold runs at a
 * time (the others find the lock taken and skip that turn). The timer does not keep the process alive; a
 * failed fold is logged without values and tried again at the next turn.
 */
export function scheduleFold(db: Db, everyMs: number, log: (message: string) => void): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(run, everyMs);
    timer.unref();
  };
  const run = () => {
    running = foldDeltas(db)
      .then(() => undefined)
      .catch((e: unknown) => {
        // the error's SQLSTATE only: a message could quote a value
        const code = (e as { code?: unknown }).code;
        log(`statistics fold failed${typeof code === 'string' ? ` (SQLSTATE ${code})` : ''}`);
      })
      .finally(() => {
        running = undefined;
        next();
      });
  };
  next();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}

/**
 * One fold. Returns the delta rows moved, or -1 when another fold was running (`wait` false). With `wait` it
 * waits for that fold and then folds what is left (tests, benchmarks).
 */
export async function foldDeltas(db: Db, wait = false): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT stat_fold(${wait}) AS n`));
  return Number(row.n);
}
