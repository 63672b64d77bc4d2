import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { rowsOf } from '../platform/sql.js';

/**
 * A bulk load into tables that are (nearly) empty is faster without their indexes and foreign keys: each of
 * the 2.9 M contacts of demo scale 25 otherwise goes into four btrees (random uuids: the primary key's
 * pages are read and written all over) and checks four parent keys one row at a time, where building an
 * index once over all rows is a sort, and checking a foreign key afterwards is one join. So, inside the
 * load's transaction, the indexes, primary keys, unique constraints and foreign keys of such a table are
 * dropped, and recreated from their own definitions (as the catalogue prints them) when the rows are in —
 * the same objects as before, validated over every row (a duplicate or a missing parent fails the load).
 * A key that another table's foreign key points at stays, as do the keys named in `keep` (looked up
 * during the load: each person's BEFORE INSERT trigger reads its household by primary key).
 *
 * Only where a table holds fewer than `smallTable` rows: on a database in use the drop would lock the
 * table (ACCESS EXCLUSIVE until the commit) and the rebuild would re-sort everyone's rows.
 */
const smallTable = 10_000;

type Row = Record<string, unknown>;

/** A constraint as ALTER TABLE <table> ADD CONSTRAINT <name> <definition> recreates it. */
interface Constraint {
  table: string;
  name: string;
  definition: string;
}

interface Deferred {
  /** primary keys and unique constraints */
  keys: Constraint[];
  /** CREATE INDEX statements */
  indexes: string[];
  foreignKeys: Constraint[];
}

async function isSmall(tx: Db, table: string): Promise<boolean> {
  const rows = rowsOf<Row>(
    await tx.execute(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${sql.identifier(table)} LIMIT ${smallTable}) AS t`,
    ),
  );
  return Number(rows[0]?.n ?? 0) < smallTable;
}

const alter = (table: string) => sql`ALTER TABLE ${sql.identifier(table)}`;

async function dropForeignKeys(tx: Db, table: string, into: Deferred) {
  const keys = rowsOf<Row>(
    await tx.execute(sql`
      SELECT conname AS name, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE conrelid = to_regclass(${table}) AND contype = 'f' ORDER BY conname`),
  );
  for (const k of keys) {
    await tx.execute(sql`${alter(table)} DROP CONSTRAINT ${sql.identifier(String(k.name))}`);
    into.foreignKeys.push({ table, name: String(k.name), definition: String(k.definition) });
  }
}

/**
 * Every index of the table that no remaining foreign key points at (a key other tables reference, such as
 * households' primary key from case plans, stays); an index that backs a primary key or unique constraint
 * goes with its constraint.
 */
async function dropIndexes(tx: Db, table: string, into: Deferred, keepKeys: boolean) {
  const indexes = rowsOf<Row>(
    await tx.execute(sql`
      SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition,
        k.conname AS constraint_name, pg_get_constraintdef(k.oid) AS constraint_definition
      FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
      LEFT JOIN pg_constraint k ON k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u')
      WHERE x.indrelid = to_regclass(${table})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = x.indexrelid)
      ORDER BY c.relname`),
  );
  for (const i of indexes) {
    if (i.constraint_name && keepKeys) continue;
    if (i.constraint_name) {
      const name = String(i.constraint_name);
      await tx.execute(sql`${alter(table)} DROP CONSTRAINT ${sql.identifier(name)}`);
      into.keys.push({ table, name, definition: String(i.constraint_definition) });
    } else {
      await tx.execute(sql`DROP INDEX ${sql.identifier(String(i.name))}`);
      into.indexes.push(String(i.definition));
    }
  }
}

async function addConstraints(tx: Db, constraints: Constraint[]) {
  for (const k of constraints) {
    await tx.execute(
      sql`${alter(k.table)} ADD CONSTRAINT ${sql.identifier(k.name)} ${sql.raw(k.definition)}`,
    );
  }
}

async function restore(tx: Db, deferred: Deferred) {
  // the catalogue's own text: PRIMARY KEY (…) / CREATE INDEX … ON public.t USING … / FOREIGN KEY … REFERENCES …
  // keys first: the foreign keys point at them
  await addConstraints(tx, deferred.keys);
  for (const definition of deferred.indexes) await tx.execute(sql.raw(definition));
  await addConstraints(tx, deferred.foreignKeys);
}

/** Runs a bulk load with the small tables' secondary indexes and foreign keys deferred to its end (same transaction). */
export async function withIndexesDeferred<T>(
  tx: Db,
  tables: readonly string[],
  keep: readonly string[],
  load: () => Promise<T>,
  /** runs after the load and before the indexes are rebuilt (set-based fix-ups of the loaded rows) */
  beforeRestore: () => Promise<void> = async () => {},
): Promise<T> {
  const deferred: Deferred = { keys: [], indexes: [], foreignKeys: [] };
  const small: string[] = [];
  for (const table of tables) if (await isSmall(tx, table)) small.push(table);
  // foreign keys first: then a key only the loaded tables point at (contacts' from the reasons) can go too
  for (const table of small) await dropForeignKeys(tx, table, deferred);
  for (const table of small) await dropIndexes(tx, table, deferred, keep.includes(table));
  const result = await load();
  // statistics before anything reads the new rows: the tables were empty when the transaction began, so
  // the planner took them for empty, and the foreign-key checks and the totals' rebuild that follow ran as
  // nested loops over millions of rows (stat_rebuild 28 s against 8 s). ANALYZE inside the transaction
  // sees its own rows; its statistics commit with them.
  await tx.execute(sql.raw(`ANALYZE ${tables.map((t) => `"${t}"`).join(', ')}`));
  await beforeRestore();
  await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
  await restore(tx, deferred);
  return result;
}
