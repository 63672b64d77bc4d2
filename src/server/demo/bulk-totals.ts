import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';

/**
 * The statement triggers that keep totals on every insert (statistics rollups with their key sums, the
 * household list's counts, the stored head name). For a bulk load they cost more than the load itself
 * (at scale 2 on PostgreSQL the persons' inserts took 10 s for 45,000 rows): the demo generation switches
 * them off inside its transaction and rebuilds the totals once at the end, from all rows, in the same
 * transaction — so no one ever sees the rows without their totals, and the totals stay exact.
 */
const insertTriggers: [table: string, triggers: string[]][] = [
  ['households', ['stat_households_ins', 'household_counts_insert']],
  ['persons', ['stat_persons_ins', 'persons_head_insert']],
  ['contacts', ['stat_contacts_ins']],
  ['contact_reasons', ['stat_reasons_ins']],
];

async function setTriggers(tx: Db, enabled: boolean) {
  for (const [table, triggers] of insertTriggers) {
    for (const trigger of triggers) {
      await tx.execute(
        sql.raw(`ALTER TABLE "${table}" ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER "${trigger}"`),
      );
    }
  }
}

/** Every total the insert triggers keep, rebuilt from the rows (the triggers' own definitions, as one pass). */
async function rebuildTotals(tx: Db) {
  await tx.execute(sql`SELECT stat_rebuild()`);
  await tx.execute(sql`DELETE FROM household_counts`);
  await tx.execute(sql`INSERT INTO household_counts (site_id, status, category, district_code, n)
    SELECT site_id, status, category, coalesce(district_code, ''), count(*)::int
    FROM households GROUP BY 1, 2, 3, 4`);
  // the head name by the one rule the members' triggers use (migration 0020)
  await tx.execute(sql`UPDATE households SET head_name = household_head_name(id)
    WHERE is_demo AND head_name IS DISTINCT FROM household_head_name(id)`);
}

/**
 * Runs a bulk load with the insert triggers off and the totals rebuilt after it. Inside a transaction only:
 * ALTER TABLE locks the four tables until the commit, so no other writer's rows can miss their totals.
 */
export async function withTotalsRebuilt<T>(tx: Db, load: () => Promise<T>): Promise<T> {
  await setTriggers(tx, false);
  const result = await load();
  await setTriggers(tx, true);
  await rebuildTotals(tx);
  return result;
}
