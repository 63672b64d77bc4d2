import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';

/**
 * Deleting the network demo data (issue 9). Everything recorded about demo volunteers and demo
 * households goes; demo partners, offers, events and mediators go unless real records refer to them
 * (a real referral to a demo offer keeps the offer).
 */

const demoHouseholds = sql`SELECT id FROM households WHERE is_demo`;
const demoVolunteers = sql`SELECT id FROM volunteers WHERE is_demo`;
const demoAssignments = sql`SELECT id FROM volunteer_assignments
  WHERE volunteer_id IN (${demoVolunteers}) OR household_id IN (${demoHouseholds})`;

/** Before the case tables: what refers to demo households, appointments and follow-ups. */
export async function deleteNetworkDemoData(tx: Db) {
  await tx.execute(sql`DELETE FROM volunteer_hours
    WHERE volunteer_id IN (${demoVolunteers}) OR assignment_id IN (${demoAssignments})`);
  await tx.execute(sql`DELETE FROM volunteer_assignments WHERE id IN (${demoAssignments})`);
  await tx.execute(sql`WITH gone AS (
      DELETE FROM volunteer_checks WHERE volunteer_id IN (${demoVolunteers}) RETURNING follow_up_id)
    DELETE FROM follow_ups WHERE id IN (SELECT follow_up_id FROM gone)`);
  await tx.execute(sql`DELETE FROM event_participants WHERE volunteer_id IN (${demoVolunteers})`);
  await tx.execute(sql`DELETE FROM mediator_bookings WHERE is_demo OR household_id IN (${demoHouseholds})
    OR appointment_id IN (SELECT id FROM appointments WHERE household_id IN (${demoHouseholds}))`);
  await tx.execute(sql`DELETE FROM volunteers WHERE is_demo`);
  const demoEvents = sql`SELECT e.id FROM events e WHERE e.is_demo
    AND NOT EXISTS (SELECT 1 FROM volunteer_assignments a WHERE a.event_id = e.id)
    AND NOT EXISTS (SELECT 1 FROM volunteer_checks c WHERE c.event_id = e.id)`;
  await tx.execute(sql`WITH gone AS (
      DELETE FROM event_actions WHERE event_id IN (${demoEvents}) RETURNING follow_up_id)
    DELETE FROM follow_ups WHERE id IN (SELECT follow_up_id FROM gone)`);
  await tx.execute(sql`DELETE FROM events WHERE id IN (${demoEvents})
    AND NOT EXISTS (SELECT 1 FROM event_actions x WHERE x.event_id = events.id)`);
  await tx.execute(sql`DELETE FROM event_series s WHERE s.is_demo
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.series_id = s.id)`);
  await tx.execute(sql`DELETE FROM offers o WHERE o.is_demo
    AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.offer_id = o.id AND r.household_id NOT IN (${demoHouseholds}))
    AND NOT EXISTS (SELECT 1 FROM volunteer_assignments a WHERE a.offer_id = o.id)`);
  const demoPartners = sql`SELECT p.id FROM partners p WHERE p.is_demo
    AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.partner_id = p.id)`;
  await tx.execute(sql`DELETE FROM partner_contacts WHERE partner_id IN (${demoPartners})`);
  await tx.execute(sql`DELETE FROM partners WHERE id IN (${demoPartners})`);
}

/** After the case tables: the demo mediators no real booking or contact names. */
export async function deleteDemoMediators(tx: Db) {
  await tx.execute(sql`DELETE FROM mediators m WHERE m.is_demo
    AND NOT EXISTS (SELECT 1 FROM mediator_bookings b WHERE b.mediator_id = m.id)
    AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.mediator_id = m.id)`);
}

/** Tables with foreign keys into the case tables: TRUNCATE must name them too, so they must be empty. */
const referencing = [
  'volunteer_hours',
  'volunteer_assignments',
  'mediator_bookings',
  'event_actions',
  'volunteer_checks',
];

/** The referencing tables to TRUNCATE with the case tables, or null when one of them holds real rows. */
export async function emptyReferencingTables(tx: Db): Promise<string[] | null> {
  const probe = referencing.map((t) => `(SELECT NOT EXISTS (SELECT 1 FROM ${t})) AS "${t}"`).join(', ');
  const result = (await tx.execute(sql.raw(`SELECT ${probe}`))) as unknown as
    | { rows?: Record<string, boolean>[] }
    | Record<string, boolean>[];
  const [row] = (Array.isArray(result) ? result : result.rows) ?? [];
  return row && referencing.every((t) => row[t]) ? referencing : null;
}
