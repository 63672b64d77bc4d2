import type { Db } from './client.js';

/** Per database handle (one per process: the app's pool or its PGlite), the statements prepared so far. */
const byHandle = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement prepared once per database handle and name, then reused: the server keeps its plan, and
 * Drizzle builds the statement's text once instead of on every request. `name` is the statement's name on
 * the server, so two shapes of one query need two names; `prepare` must name its statement with it.
 */
export function preparedOnce<T>(db: Db, name: string, prepare: (name: string) => T): T {
  let statements = byHandle.get(db);
  if (!statements) {
    statements = new Map();
    byHandle.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = prepare(name);
    statements.set(name, statement);
  }
  return statement;
}
