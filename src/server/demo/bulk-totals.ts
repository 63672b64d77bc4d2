import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';

/**
 * The statement triggers that keep totals on every insert (statistics rollups with their key sums, the
 * household list's counts and facts, the stored head name). For a bulk load they cost more than the load itself
 * (at scale 2 on PostgreSQL the persons' inserts took 10 s for 45,000 rows): the demo generation switches
 * them off inside its transaction and rebuilds the totals once at the end, from all rows, in the same
 * transaction — so no one ever sees the rows without their totals, and the totals stay exact.
 */
const insertTriggers: [table: string, triggers: string[]][] = [
  ['households', ['stat_households_ins', 'household_counts_insert', 'household_list_facts_insert']],
  // persons_site_insert looks each member's household up (one PL/pgSQL call per row); the demo rows bring
  // their household's site themselves
  [
    'persons',
    ['stat_persons_ins', 'persons_head_insert', 'persons_site_insert', 'household_list_facts_persons_ins'],
  ],
  ['contacts', ['stat_contacts_ins', 'household_list_facts_contacts_ins']],
  ['contact_reasons', ['stat_reasons_ins']],
  // per batch it ranked the assessments of 5,000 households: 135 s of the 380 s at scale 25
  ['needs_assessments', ['needs_latest_insert']],
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
  // the rebuild's hash aggregates over millions of reasons spill to disk with the default 4 MB
  await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
  await tx.execute(sql`SELECT stat_rebuild()`);
  await tx.execute(sql`DELETE FROM household_counts`);
  await tx.execute(sql`INSERT INTO household_counts (site_id, status, category, district_code, n)
    SELECT site_id, status, category, coalesce(district_code, ''), count(*)::int
    FROM households GROUP BY 1, 2, 3, 4`);
  // members present and last contact per household, as migration 0024's triggers keep them
  await tx.execute(sql`DELETE FROM household_list_facts`);
  await tx.execute(sql`INSERT INTO household_list_facts (household_id, member_count, last_contact_on)
    SELECT h.id, coalesce(m.n, 0), c.last_on FROM households h
    LEFT JOIN (SELECT household_id, count(*)::int AS n FROM persons WHERE left_on IS NULL GROUP BY 1) m
      ON m.household_id = h.id
    LEFT JOIN (SELECT household_id, max(date) AS last_on FROM contacts GROUP BY 1) c ON c.household_id = h.id`);
  // the head name by the one rule the members' triggers use (migration 0020)
  await tx.execute(sql`UPDATE households h SET head_name = x.name
    FROM (SELECT id, household_head_name(id) AS name FROM households WHERE is_demo) x
    WHERE h.id = x.id AND h.head_name IS DISTINCT FROM x.name`);
}

/**
 * The latest assessment per household, person and life area (migration 0021's order), in one pass. Before
 * the indexes are back: with needs_latest_open_idx and the rest in place the same UPDATE took 7.8 s at
 * scale 25, without them 1 s.
 */
export async function rebuildLatestAssessments(tx: Db) {
  await tx.execute(sql`UPDATE needs_assessments n SET is_latest = l.latest FROM (
      SELECT id, row_number() OVER (
        PARTITION BY household_id, person_id, life_area ORDER BY assessed_on DESC, created_at DESC, id DESC
      ) = 1 AS latest FROM needs_assessments
    ) l WHERE n.id = l.id AND n.is_latest <> l.latest`);
}

/**
 * Runs a bulk load with the insert triggers off and the totals rebuilt after it. Inside a transaction only:
 * ALTER TABLE locks the tables until the commit, so no other writer's rows can miss their totals.
 */
export async function withTotalsRebuilt<T>(tx: Db, load: () => Promise<T>): Promise<T> {
  await setTriggers(tx, false);
  const result = await load();
  await setTriggers(tx, true);
  await rebuildTotals(tx);
  return result;
}
