import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../sql.js';

/**
 * What a backup holds: every table of the public schema except sessions and login throttling (a restore
 * starts with everyone logged out) and the tables that triggers keep (the statistics rollups, the
 * household list's counts and facts): the triggers rebuild them exactly while the rows are loaded, which doubles as
 * a check of the restored data.
 */
const triggerKept = ['household_counts', 'household_list_facts'];
const skipped = (name: string) =>
  name === 'sessions' || name === 'login_throttle' || name.startsWith('stat_') || triggerKept.includes(name);

export interface TableSpec {
  name: string;
  /** stored columns (generated ones are computed again on load) */
  columns: string[];
}

/** The tables in foreign-key order (referenced tables first), so a restore can insert them one by one. */
export async function backupTables(db: Db): Promise<TableSpec[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`),
  )
    .map((t) => t.name)
    .filter((n) => !skipped(n));
  const refs = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`),
  );
  const columns = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`),
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const r of refs) if (r.child === name && r.parent !== name) visit(r.parent);
    ordered.push(name);
  };
  for (const name of tables) visit(name);
  return ordered
    .filter((name) => tables.includes(name))
    .map((name) => ({
      name,
      columns: columns.filter((c) => c.table_name === name).map((c) => c.column_name),
    }));
}
