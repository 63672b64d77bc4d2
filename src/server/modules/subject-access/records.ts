import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AuditEntityType } from '../../../shared/audit-events.js';
import type { AccessEntry } from '../../../shared/schemas/export.js';
import {
  appointments,
  auditLog,
  casePlans,
  consents,
  contacts,
  followUps,
  mediatorBookings,
  needsAssessments,
  persons,
  referrals,
  transfers,
  users,
  volunteerAssignments,
} from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';

/**
 * The audit entity types of a household's records. Reads are audited with the household's id under the
 * sub-record's type (`contact` + household id), writes with the record's own id; both are matched.
 */
const recordTypes: AuditEntityType[] = [
  'household',
  'person',
  'contact',
  'need',
  'referral',
  'followup',
  'appointment',
  'consent',
  'caseplan',
  'transfer',
  'volunteerAssignment',
  'mediatorBooking',
];

/** The ids of the household, its members and every sub-record: what the audit log may name. */
export async function householdRecordIds(db: Db, householdId: string): Promise<string[]> {
  const idsOf = (table: typeof contacts | typeof needsAssessments | typeof referrals) =>
    db.select({ id: table.id }).from(table).where(eq(table.householdId, householdId));
  const lists = await Promise.all([
    db.select({ id: persons.id }).from(persons).where(eq(persons.householdId, householdId)),
    idsOf(contacts),
    idsOf(needsAssessments),
    idsOf(referrals),
    db.select({ id: followUps.id }).from(followUps).where(eq(followUps.householdId, householdId)),
    db.select({ id: appointments.id }).from(appointments).where(eq(appointments.householdId, householdId)),
    db.select({ id: consents.id }).from(consents).where(eq(consents.householdId, householdId)),
    db.select({ id: casePlans.id }).from(casePlans).where(eq(casePlans.householdId, householdId)),
    db.select({ id: transfers.id }).from(transfers).where(eq(transfers.householdId, householdId)),
    db
      .select({ id: volunteerAssignments.id })
      .from(volunteerAssignments)
      .where(eq(volunteerAssignments.householdId, householdId)),
    db
      .select({ id: mediatorBookings.id })
      .from(mediatorBookings)
      .where(eq(mediatorBookings.householdId, householdId)),
  ]);
  return [householdId, ...lists.flatMap((rows) => rows.map((r) => r.id))];
}

function accessFilter(ids: string[]): SQL {
  // entity_type first: the audit log's index is (entity_type, entity_id)
  return and(inArray(auditLog.entityType, recordTypes), inArray(auditLog.entityId, ids)) as SQL;
}

/** Audit entries that name the given records, newest first, with the actor's display name. */
export async function accessEntries(db: Db, ids: string[], page = 1, pageSize = 1000) {
  const where = accessFilter(ids);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorUsername: auditLog.actorUsername,
      displayName: users.displayName,
      role: auditLog.role,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  const items: AccessEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actor: r.displayName ?? r.actorUsername,
    role: r.role as AccessEntry['role'],
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
  }));
  return { items, total };
}
