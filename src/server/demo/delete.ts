import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { deleteDemoMediators, deleteNetworkDemoData, emptyReferencingTables } from './network-delete.js';

type Row = Record<string, unknown>;

async function query(db: Db, statement: ReturnType<typeof sql>): Promise<Row[]> {
  const result = await db.execute(statement);
  return ((result as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[];
}

const demoHouseholds = sql`SELECT id FROM households WHERE is_demo`;
/** anonymous demo contacts carry a version-8 UUID (the database itself makes version 4) */
const isDemoAnonymous = sql`household_id IS NULL AND substr(id::text, 15, 1) = '8'`;
const demoContacts = sql`SELECT id FROM contacts WHERE household_id IN (${demoHouseholds}) OR (${isDemoAnonymous})`;

/** Tables that hold nothing but households and what is recorded about them. */
const caseTables = [
  'contact_reasons',
  'contacts',
  'follow_ups',
  'appointments',
  'needs_assessments',
  'referrals',
  'case_plans',
  'consents',
  'transfers',
  'recent_households',
  'persons',
  'households',
];

/** Everything is demo data: TRUNCATE (the statistics rollups have TRUNCATE triggers of their own). */
async function truncateAll(tx: Db): Promise<boolean> {
  const [only] = await query(
    tx,
    sql`SELECT NOT EXISTS (SELECT 1 FROM households WHERE NOT is_demo)
          AND NOT EXISTS (SELECT 1 FROM contacts WHERE household_id IS NULL AND substr(id::text, 15, 1) <> '8')
          AND NOT EXISTS (SELECT 1 FROM follow_ups WHERE household_id IS NULL)
          AND NOT EXISTS (SELECT 1 FROM appointments WHERE household_id IS NULL) AS only_demo`,
  );
  if (!only.only_demo) return false;
  const referencing = await emptyReferencingTables(tx);
  if (!referencing) return false;
  try {
    // another table referencing these (added later) makes TRUNCATE fail: then delete row by row
    await tx.transaction(async (sp) => {
      await sp.execute(sql.raw(`TRUNCATE ${[...caseTables, ...referencing].join(', ')}`));
    });
    return true;
  } catch {
    return false;
  }
}

async function deleteRows(tx: Db) {
  await tx.execute(sql`DELETE FROM contact_reasons WHERE contact_id IN (${demoContacts})`);
  await tx.execute(
    sql`DELETE FROM contacts WHERE household_id IN (${demoHouseholds}) OR (${isDemoAnonymous})`,
  );
  for (const table of caseTables.slice(2, -2)) {
    await tx.execute(sql`DELETE FROM ${sql.raw(table)} WHERE household_id IN (${demoHouseholds})`);
  }
  // the foreign-key checks of this delete use the person_id indexes (migration 0006)
  await tx.execute(sql`DELETE FROM persons WHERE household_id IN (${demoHouseholds})`);
  await tx.execute(sql`DELETE FROM households WHERE is_demo`);
}

/**
 * Deletes the demo households and everything recorded about them (members, contacts and their reasons,
 * consents, needs, referrals, follow-ups, appointments, case plans, transfers) and the anonymous demo
 * contacts, in one transaction; then resets each site's case-number counter to the highest number still
 * in use. The audit log is append-only and stays as it is.
 */
export async function deleteDemoData(db: Db): Promise<{ households: number; contacts: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE case_number_counters IN EXCLUSIVE MODE`);
    const [{ households, contacts }] = await query(
      tx,
      sql`SELECT (SELECT count(*) FROM households WHERE is_demo)::int AS households,
                 (SELECT count(*) FROM (${demoContacts}) c)::int AS contacts`,
    );
    await deleteNetworkDemoData(tx);
    if (!(await truncateAll(tx))) await deleteRows(tx);
    await deleteDemoMediators(tx);
    await tx.execute(sql`
      WITH used AS (
        SELECT c.site_id, c.year,
          (SELECT max(substring(h.case_number FROM '-(\\d+)$')::int) FROM households h
            WHERE h.case_number LIKE s.code || '-' || c.year || '-%') AS last
        FROM case_number_counters c JOIN sites s ON s.id = c.site_id
      )
      UPDATE case_number_counters c SET last = coalesce(used.last, 0)
      FROM used WHERE used.site_id = c.site_id AND used.year = c.year`);
    await tx.execute(sql`DELETE FROM case_number_counters WHERE last = 0`);
    return { households: Number(households), contacts: Number(contacts) };
  });
}
