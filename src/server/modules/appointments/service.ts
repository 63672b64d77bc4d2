import { and, asc, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { todayBerlin } from '../../../shared/dates.js';
import type {
  Appointment,
  appointmentsQuery,
  createAppointmentBody,
  updateAppointmentBody,
} from '../../../shared/schemas/casework.js';
import { appointments, households, users } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import {
  type ActorContext,
  audit,
  auditAccess,
  auditRead,
  changedFields,
  writeTransaction,
} from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { assertLanguage, assertStaff, householdVisible } from '../casework/checks.js';
import { findHouseholdInScope, lockHouseholdInScope } from '../households/repository.js';

type CreateAppointmentBody = z.infer<typeof createAppointmentBody>;
type UpdateAppointmentBody = z.infer<typeof updateAppointmentBody>;

function presentAppointment(
  row: typeof appointments.$inferSelect,
  caseNumber: string | null,
  staffName: string | null,
): Appointment {
  return {
    id: row.id,
    siteId: row.siteId,
    staffUserId: row.staffUserId,
    householdId: row.householdId,
    caseNumber,
    date: row.date,
    startTime: row.startTime.slice(0, 5),
    durationMinutes: row.durationMinutes,
    languageNeeded: row.languageNeeded,
    note: row.note,
    staffName,
  };
}

async function selectAppointments(db: Db, where: SQL | undefined, orderBy: SQL[]) {
  const rows = await db
    .select({ appointment: appointments, caseNumber: households.caseNumber, staffName: users.displayName })
    .from(appointments)
    .leftJoin(households, eq(households.id, appointments.householdId))
    .leftJoin(users, eq(users.id, appointments.staffUserId))
    .where(where)
    .orderBy(...orderBy)
    .limit(500);
  return rows.map((r) => presentAppointment(r.appointment, r.caseNumber, r.staffName));
}

/** A day's agenda of the given sites (only those in scope), the current user's appointments first. */
export function agenda(db: Db, scope: Scope, date: string, siteIds: string[]) {
  const sites = siteIds.filter((id) => inScope(scope, id));
  if (sites.length === 0) return Promise.resolve([]);
  return selectAppointments(
    db,
    and(inArray(appointments.siteId, sites), eq(appointments.date, date), householdVisible(scope)),
    [
      sql`${appointments.staffUserId} IS NOT DISTINCT FROM ${scope.userId}::uuid DESC`,
      asc(appointments.startTime),
      asc(appointments.createdAt),
    ],
  );
}

export async function listAgenda(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  q: z.infer<typeof appointmentsQuery>,
) {
  const items = await agenda(db, scope, q.date ?? todayBerlin(), q.siteId ? [q.siteId] : scope.siteIds);
  await auditAccess(db, ctx, {
    action: 'record.read',
    entityType: 'appointment',
    siteId: q.siteId ?? null,
    fields: Object.keys(q),
  });
  return items;
}

export async function createAppointment(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: CreateAppointmentBody,
) {
  const household = await findHouseholdInScope(db, scope, householdId);
  assertLanguage(body.languageNeeded, 'languageNeeded');
  const staffUserId = body.staffUserId ?? scope.userId;
  await assertStaff(db, staffUserId, household.siteId, 'staffUserId');
  const row = await writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    const [inserted] = await tx
      .insert(appointments)
      .values({
        siteId: h.siteId,
        staffUserId,
        householdId,
        date: body.date,
        startTime: body.startTime,
        durationMinutes: body.durationMinutes,
        languageNeeded: body.languageNeeded ?? null,
        note: body.note ?? null,
        createdBy: scope.userId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'appointment.created',
      entityType: 'appointment',
      entityId: inserted.id,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return inserted;
  });
  const [{ staffName }] = await db
    .select({ staffName: users.displayName })
    .from(users)
    .where(eq(users.id, staffUserId));
  return presentAppointment(row, household.caseNumber, staffName);
}

/** The household's appointments, newest first. */
export async function listHouseholdAppointments(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
) {
  const h = await findHouseholdInScope(db, scope, householdId);
  const items = await selectAppointments(db, eq(appointments.householdId, householdId), [
    desc(appointments.date),
    desc(appointments.startTime),
  ]);
  await auditRead(db, ctx, 'appointment', householdId, h.siteId);
  return items;
}

export async function updateAppointment(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  id: string,
  body: UpdateAppointmentBody,
) {
  const [peek] = await db
    .select({ siteId: appointments.siteId, householdId: appointments.householdId })
    .from(appointments)
    .where(eq(appointments.id, id));
  if (!peek || !inScope(scope, peek.siteId)) throw new AppError('NOT_FOUND');
  if (peek.householdId) await findHouseholdInScope(db, scope, peek.householdId);
  assertLanguage(body.languageNeeded, 'languageNeeded');
  await assertStaff(db, body.staffUserId, peek.siteId, 'staffUserId');
  await writeTransaction(db, async (tx) => {
    if (peek.householdId) await lockHouseholdInScope(tx, scope, peek.householdId);
    const [current] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
    if (!current || current.siteId !== peek.siteId) throw new AppError('NOT_FOUND');
    await tx.update(appointments).set(body).where(eq(appointments.id, id));
    await audit(tx, ctx, {
      action: 'appointment.updated',
      entityType: 'appointment',
      entityId: id,
      siteId: current.siteId,
      fields: changedFields(body),
    });
  });
  const [updated] = await selectAppointments(db, eq(appointments.id, id), []);
  return updated;
}

/** On a transfer, appointments from the transfer day on go to the new site; staff not working there are cleared. */
export async function moveFutureAppointments(
  tx: Db,
  householdId: string,
  toSiteId: string,
  fromDate: string,
) {
  await tx
    .update(appointments)
    .set({
      siteId: toSiteId,
      staffUserId: sql`CASE WHEN EXISTS (SELECT 1 FROM users u WHERE u.id = ${appointments.staffUserId}
        AND ${toSiteId}::uuid = ANY(u.site_ids)) THEN ${appointments.staffUserId} ELSE NULL END`,
    })
    .where(and(eq(appointments.householdId, householdId), gte(appointments.date, fromDate)));
}
