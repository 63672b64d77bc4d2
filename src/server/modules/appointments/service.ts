import { and, asc, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { todayBerlin } from '../../../shared/dates.js';
import type {
  Appointment,
  appointmentsQuery,
  createAppointmentBody,
  updateAppointmentBody,
} from '../../../shared/schemas/casework.js';
import type { correctAppointmentBody } from '../../../shared/schemas/corrections.js';
import { appointments, households, mediatorBookings, users } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { auditAccess, changedFields } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { assertLanguage, assertStaff, householdVisible } from '../casework/checks.js';
import { authoredBy, type CorrectionRequest, correctRecord, removeRecord } from '../casework/correction.js';
import { auditCase, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseRead, caseWrite, siteRecordWrite } from '../casework/write.js';

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
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
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

export async function listAgenda(req: CaseRequest, q: z.infer<typeof appointmentsQuery>) {
  const { db, scope } = req;
  const items = await agenda(db, scope, q.date ?? todayBerlin(), q.siteId ? [q.siteId] : scope.siteIds);
  await auditAccess(db, req.ctx, {
    action: 'record.read',
    entityType: 'appointment',
    siteId: q.siteId ?? null,
    fields: Object.keys(q),
  });
  return items;
}

async function staffName(db: Db, userId: string) {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function createAppointment(req: CaseRequest, householdId: string, body: CreateAppointmentBody) {
  const staffUserId = body.staffUserId ?? req.scope.userId;
  const { row, household } = await caseWrite(req, householdId, async (tx, h) => {
    assertLanguage(body.languageNeeded, 'languageNeeded');
    await assertStaff(tx, staffUserId, h.siteId, 'staffUserId');
    const values = { ...body, siteId: h.siteId, staffUserId };
    return {
      row: await insertCaseRecord(tx, req, h, appointments, 'appointment', values, body),
      household: h,
    };
  });
  return presentAppointment(row, household.caseNumber, await staffName(req.db, staffUserId));
}

/** The household's appointments, newest first. */
export function listHouseholdAppointments(req: CaseRequest, householdId: string) {
  return caseRead(req, householdId, 'appointment', () =>
    selectAppointments(req.db, eq(appointments.householdId, householdId), [
      desc(appointments.date),
      desc(appointments.startTime),
    ]),
  );
}

/**
 * Where an appointment lives, read without scope: only for `siteRecordWrite`, which answers 404
 * unless that site (and the household) is in the user's scope.
 */
function unsafeLocateAppointment(db: Db, id: string) {
  return db
    .select({ siteId: appointments.siteId, householdId: appointments.householdId })
    .from(appointments)
    .where(eq(appointments.id, id))
    .then((rows) => rows[0]);
}

export async function updateAppointment(req: CaseRequest, id: string, body: UpdateAppointmentBody) {
  await siteRecordWrite(
    req,
    (tx) => unsafeLocateAppointment(tx, id),
    async (tx, place) => {
      assertLanguage(body.languageNeeded, 'languageNeeded');
      await assertStaff(tx, body.staffUserId, place.siteId, 'staffUserId');
      const [current] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
      if (!current || current.siteId !== place.siteId) throw new AppError('NOT_FOUND');
      await tx.update(appointments).set(body).where(eq(appointments.id, id));
      await auditCase(tx, req, 'appointment.updated', 'appointment', id, current.siteId, changedFields(body));
    },
  );
  const [updated] = await selectAppointments(req.db, eq(appointments.id, id), []);
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

const appointmentSpec = authoredBy('appointment', appointments);

/** Corrects a wrongly recorded appointment of the household (author's window, or site lead). */
export async function correctAppointment(
  req: CorrectionRequest,
  householdId: string,
  id: string,
  body: z.infer<typeof correctAppointmentBody>,
) {
  await correctRecord(req, householdId, id, appointmentSpec, changedFields(body), async (tx, row) => {
    assertLanguage(body.languageNeeded, 'languageNeeded');
    await assertStaff(tx, body.staffUserId, row.siteId, 'staffUserId');
    await tx.update(appointments).set(body).where(eq(appointments.id, id));
  });
  const [updated] = await selectAppointments(req.db, eq(appointments.id, id), []);
  return updated;
}

/** Deletes a wrongly recorded appointment; a mediator booked for it keeps the booking, unlinked. */
export function removeAppointment(req: CorrectionRequest, householdId: string, id: string, reason: string) {
  return removeRecord(req, householdId, id, appointmentSpec, reason, async (tx) => {
    await tx
      .update(mediatorBookings)
      .set({ appointmentId: null })
      .where(eq(mediatorBookings.appointmentId, id));
  });
}
