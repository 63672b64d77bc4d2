import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { addDays, todayBerlin } from '../../../shared/dates.js';
import { cityWideRoles, type Role } from '../../../shared/permissions.js';
import type {
  Booking,
  BookingStatus,
  BookingsQuery,
  CreateBookingBody,
  UpdateBookingBody,
} from '../../../shared/schemas/mediators.js';
import { appointments, households, mediatorBookings, mediators, sites } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import {
  type ActorContext,
  audit,
  auditAccess,
  changedFields,
  writeTransaction,
} from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { findHouseholdInScope } from '../households/repository.js';
import { assertLanguage } from '../households/validate.js';
import { assertTimes, overlapping } from './available.js';

/** Who books or lists: their sites (central: all) and the case files they may see (for household links). */
export interface Booker {
  ctx: ActorContext;
  role: Role;
  siteIds: string[];
  scope: Scope;
}

const cityWide = (b: Booker) => cityWideRoles.includes(b.role);
const seesSite = (b: Booker, siteId: string) => cityWide(b) || b.siteIds.includes(siteId);

type BookingRow = typeof mediatorBookings.$inferSelect;

function presentBooking(row: BookingRow, mediatorName: string, caseNumber: string | null): Booking {
  return {
    id: row.id,
    mediatorId: row.mediatorId,
    mediatorName,
    siteId: row.siteId,
    language: row.language,
    date: row.date,
    from: row.fromTime.slice(0, 5),
    to: row.toTime.slice(0, 5),
    appointmentId: row.appointmentId,
    householdId: row.householdId,
    caseNumber,
    status: row.status as BookingStatus,
    hours: row.hours,
    costCents: row.costCents,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const earliestDate = '2000-01-01';

function assertBookingDate(date: string) {
  if (date < earliestDate) throw fieldError('dateTooEarly', 'date', { min: '01.01.2000' });
  const latest = addDays(todayBerlin(), 2 * 365);
  if (date > latest) throw fieldError('dateTooLate', 'date', { max: latest.split('-').reverse().join('.') });
}

/** The booking's place: the appointment's or household's site (both in the booker's case scope), else a site of theirs. */
async function resolvePlace(db: Db, b: Booker, body: CreateBookingBody) {
  let householdId = body.householdId ?? null;
  let siteId: string | null = null;
  if (body.appointmentId) {
    if (b.scope.siteIds.length === 0) throw new AppError('NOT_FOUND');
    const [appt] = await db
      .select({ siteId: appointments.siteId, householdId: appointments.householdId })
      .from(appointments)
      .where(and(eq(appointments.id, body.appointmentId), inArray(appointments.siteId, b.scope.siteIds)));
    if (!appt) throw new AppError('NOT_FOUND');
    if (householdId && appt.householdId && householdId !== appt.householdId)
      throw fieldError('householdMismatch', 'householdId');
    householdId = householdId ?? appt.householdId;
    siteId = appt.siteId;
  }
  if (householdId) {
    const household = await findHouseholdInScope(db, b.scope, householdId);
    siteId = siteId ?? household.siteId;
  }
  if (!siteId) {
    siteId = body.siteId ?? b.siteIds[0] ?? null;
    if (!siteId || !seesSite(b, siteId)) throw fieldError('notYourSite', 'siteId');
    const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
    if (!site) throw fieldError('unknownSite', 'siteId');
  }
  return { siteId, householdId };
}

/**
 * Books a mediator. The mediator's row is locked first, so two overlapping bookings of one mediator
 * serialise: the second sees the first and is refused with 409.
 */
export async function createBooking(db: Db, b: Booker, body: CreateBookingBody) {
  assertLanguage(body.language, 'language');
  assertTimes(body.from, body.to);
  assertBookingDate(body.date);
  const place = await resolvePlace(db, b, body);
  return writeTransaction(db, async (tx) => {
    const [mediator] = await tx
      .select()
      .from(mediators)
      .where(eq(mediators.id, body.mediatorId))
      .for('update');
    if (!mediator) throw fieldError('unknownMediator', 'mediatorId');
    if (!mediator.active) throw fieldError('mediatorInactive', 'mediatorId');
    if (!mediator.languages.includes(body.language)) throw fieldError('languageNotSpoken', 'language');
    const [clash] = await tx
      .select({ id: mediatorBookings.id })
      .from(mediatorBookings)
      .where(overlapping(mediator.id, body.date, body.from, body.to))
      .limit(1);
    if (clash) throw fieldError('mediatorBooked', 'mediatorId', undefined, 'CONFLICT');
    const [row] = await tx
      .insert(mediatorBookings)
      .values({
        mediatorId: mediator.id,
        siteId: place.siteId,
        language: body.language,
        date: body.date,
        fromTime: body.from,
        toTime: body.to,
        appointmentId: body.appointmentId ?? null,
        householdId: place.householdId,
        requestedBy: b.ctx.actorId,
      })
      .returning();
    await audit(tx, b.ctx, {
      action: 'mediatorBooking.created',
      entityType: 'mediatorBooking',
      entityId: row.id,
      siteId: place.siteId,
      fields: changedFields(body),
    });
    return presentBooking(row, mediator.name, await caseNumberFor(tx, b, row.householdId));
  });
}

async function caseNumberFor(db: Db, b: Booker, householdId: string | null) {
  if (!householdId || b.scope.siteIds.length === 0) return null;
  const [h] = await db
    .select({ caseNumber: households.caseNumber, siteId: households.siteId })
    .from(households)
    .where(eq(households.id, householdId));
  return h && inScope(b.scope, h.siteId) ? h.caseNumber : null;
}

/** Which status may follow which; done may be set again to correct the hours. */
const nextStatuses: Record<BookingStatus, BookingStatus[]> = {
  requested: ['confirmed', 'done', 'cancelled', 'noShow'],
  confirmed: ['requested', 'done', 'cancelled', 'noShow'],
  done: ['done'],
  cancelled: [],
  noShow: [],
};

export async function updateBooking(db: Db, b: Booker, id: string, body: UpdateBookingBody) {
  if (body.status === 'done' && body.hours === undefined) throw fieldError('required', 'hours');
  if (body.status !== 'done' && body.hours !== undefined) throw fieldError('onlyWhenDone', 'hours');
  return writeTransaction(db, async (tx) => {
    const [current] = await tx
      .select()
      .from(mediatorBookings)
      .where(eq(mediatorBookings.id, id))
      .for('update');
    if (!current || !seesSite(b, current.siteId)) throw new AppError('NOT_FOUND');
    const from = current.status as BookingStatus;
    if (!nextStatuses[from].includes(body.status))
      throw fieldError('bookingStatusChange', 'status', { from }, 'CONFLICT');
    const [mediator] = await tx
      .select({ name: mediators.name, rate: mediators.rate })
      .from(mediators)
      .where(eq(mediators.id, current.mediatorId));
    const done = body.status === 'done' && body.hours !== undefined;
    const [row] = await tx
      .update(mediatorBookings)
      .set({
        status: body.status,
        hours: done ? body.hours : null,
        // the cost at today's rate is kept, so a later change of the rate does not rewrite history
        costCents:
          done && mediator.rate !== null ? Math.round((body.hours ?? 0) * mediator.rate * 100) : null,
        updatedAt: new Date(),
      })
      .where(eq(mediatorBookings.id, id))
      .returning();
    await audit(tx, b.ctx, {
      action: 'mediatorBooking.updated',
      entityType: 'mediatorBooking',
      entityId: id,
      siteId: row.siteId,
      fields: changedFields(body),
    });
    return presentBooking(row, mediator.name, await caseNumberFor(tx, b, row.householdId));
  });
}

/** Bookings of the viewer's sites (central: all), newest date first. */
export async function listBookings(db: Db, b: Booker, q: BookingsQuery) {
  if (q.siteId && !seesSite(b, q.siteId)) throw fieldError('notYourSite', 'siteId', undefined, 'FORBIDDEN');
  if (q.from && q.to && q.from > q.to) throw fieldError('beforeFrom', 'to');
  if (q.householdId) await findHouseholdInScope(db, b.scope, q.householdId);
  const siteFilter: SQL | undefined = q.siteId
    ? eq(mediatorBookings.siteId, q.siteId)
    : cityWide(b)
      ? undefined
      : inArray(
          mediatorBookings.siteId,
          b.siteIds.length ? b.siteIds : ['00000000-0000-0000-0000-000000000000'],
        );
  const where = and(
    siteFilter,
    q.from ? gte(mediatorBookings.date, q.from) : undefined,
    q.to ? lte(mediatorBookings.date, q.to) : undefined,
    q.status ? eq(mediatorBookings.status, q.status) : undefined,
    q.mediatorId ? eq(mediatorBookings.mediatorId, q.mediatorId) : undefined,
    q.householdId ? eq(mediatorBookings.householdId, q.householdId) : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        booking: mediatorBookings,
        mediatorName: mediators.name,
        caseNumber: households.caseNumber,
        householdSite: households.siteId,
      })
      .from(mediatorBookings)
      .innerJoin(mediators, eq(mediators.id, mediatorBookings.mediatorId))
      .leftJoin(households, eq(households.id, mediatorBookings.householdId))
      .where(where)
      .orderBy(desc(mediatorBookings.date), asc(mediatorBookings.fromTime), asc(mediatorBookings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(mediatorBookings).where(where),
  ]);
  await auditAccess(db, b.ctx, {
    action: 'record.searched',
    entityType: 'mediatorBooking',
    fields: changedFields(q).filter((k) => k !== 'page' && k !== 'pageSize'),
  });
  return {
    items: rows.map((r) =>
      presentBooking(
        r.booking,
        r.mediatorName,
        r.householdSite && inScope(b.scope, r.householdSite) ? r.caseNumber : null,
      ),
    ),
    total: n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * For the contacts module: the mediation of a household's confirmed or done booking on that date (the
 * earliest of the day), so a contact logged for it carries language and mediator; null if there is none.
 */
export async function bookingForContact(
  tx: Db,
  { householdId, date }: { householdId: string; date: string },
) {
  const [row] = await tx
    .select({ mediatorId: mediators.id, mediatorName: mediators.name, language: mediatorBookings.language })
    .from(mediatorBookings)
    .innerJoin(mediators, eq(mediators.id, mediatorBookings.mediatorId))
    .where(
      and(
        eq(mediatorBookings.householdId, householdId),
        eq(mediatorBookings.date, date),
        inArray(mediatorBookings.status, ['confirmed', 'done']),
      ),
    )
    .orderBy(asc(mediatorBookings.fromTime), asc(mediatorBookings.id))
    .limit(1);
  return row ?? null;
}
