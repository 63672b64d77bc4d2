import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';

/**
 * What anonymisation removes, by SQL on sets of households (ids as a uuid[] parameter). Every statement
 * leaves the statistics dimensions alone — registering site, registration date, category, district of a
 * household; household of a person; site, date, category, contact type of a contact; contact reasons — so
 * the rollup triggers (migrations 0004/0005) add nothing and the report's figures stay the same. Nothing is
 * deleted: persons stay (the persons' count), contacts stay (with their reasons).
 */

const ids = (householdIds: string[]) => sql`${sql.param(householdIds)}::uuid[]`;

function count(result: unknown): number {
  const r = result as { rowCount?: number; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}

/**
 * Free text of the households' case records: notes, goals, outcomes, follow-up texts, case plans, the
 * reasons of corrections, deletions and a restriction.
 */
export async function clearFreeText(tx: Db, householdIds: string[]): Promise<void> {
  if (householdIds.length === 0) return;
  const h = ids(householdIds);
  await tx.execute(sql`UPDATE contacts SET note = NULL, mediator_name = NULL
    WHERE household_id = ANY(${h}) AND (note IS NOT NULL OR mediator_name IS NOT NULL)`);
  await tx.execute(
    sql`UPDATE needs_assessments SET goals = NULL WHERE household_id = ANY(${h}) AND goals IS NOT NULL`,
  );
  await tx.execute(
    sql`UPDATE referrals SET outcome = NULL WHERE household_id = ANY(${h}) AND outcome IS NOT NULL`,
  );
  // a follow-up's text is required: it is replaced by an empty text, and the follow-up is closed
  await tx.execute(sql`UPDATE follow_ups SET text = '', done_at = coalesce(done_at, now())
    WHERE household_id = ANY(${h}) AND (text <> '' OR done_at IS NULL)`);
  await tx.execute(
    sql`UPDATE appointments SET note = NULL WHERE household_id = ANY(${h}) AND note IS NOT NULL`,
  );
  await tx.execute(
    sql`UPDATE case_plans SET goals = '[]'::jsonb WHERE household_id = ANY(${h}) AND goals <> '[]'::jsonb`,
  );
  await tx.execute(sql`UPDATE transfers SET note = NULL WHERE household_id = ANY(${h}) AND note IS NOT NULL`);
  await tx.execute(sql`UPDATE volunteer_hours SET note = NULL WHERE note IS NOT NULL
    AND assignment_id IN (SELECT id FROM volunteer_assignments WHERE household_id = ANY(${h}))`);
  await tx.execute(
    sql`UPDATE volunteer_assignments SET note = NULL WHERE household_id = ANY(${h}) AND note IS NOT NULL`,
  );
  // the reasons given for deleting or correcting records and for restricting the household are free text too
  await tx.execute(
    sql`UPDATE record_corrections SET reason = NULL WHERE household_id = ANY(${h}) AND reason IS NOT NULL`,
  );
  await tx.execute(sql`UPDATE households SET restriction_reason = NULL
    WHERE id = ANY(${h}) AND restriction_reason IS NOT NULL`);
  await tx.execute(
    sql`UPDATE households SET notes_cleared_at = now() WHERE id = ANY(${h}) AND notes_cleared_at IS NULL`,
  );
}

/**
 * Removes the personal data of the households: names (and with them the name keys and folded spellings
 * the search and the duplicate check use), name in original script, birth date (the year stays), the
 * free-text residence requirement, the address; then all free text. Returns the persons anonymised.
 */
export async function anonymiseHouseholds(tx: Db, householdIds: string[]): Promise<number> {
  if (householdIds.length === 0) return 0;
  const h = ids(householdIds);
  const persons = count(
    await tx.execute(sql`UPDATE persons SET first_name = '', last_name = '', first_key = '', last_key = '',
      original_script_name = NULL,
      birth_year = coalesce(birth_year, extract(year FROM birth_date)::int), birth_date = NULL,
      residence_requirement = NULL
    WHERE household_id = ANY(${h})`),
  );
  await clearFreeText(tx, householdIds);
  await tx.execute(sql`UPDATE households SET street = NULL, postcode = NULL, city = NULL,
      anonymised_at = now(), updated_at = now()
    WHERE id = ANY(${h})`);
  // "recently opened" lists would still show the household
  await tx.execute(sql`DELETE FROM recent_households WHERE household_id = ANY(${h})`);
  return persons;
}
