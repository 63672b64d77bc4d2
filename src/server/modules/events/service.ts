import { and, asc, count, desc, eq, gte, ilike, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { addDays, addMonths } from '../../../shared/dates.js';
import {
  type CreateEventBody,
  type EventDetail,
  type ListEventsQuery,
  maxSeriesYears,
  trainingEventType,
  type UpdateEventBody,
} from '../../../shared/schemas/events.js';
import { eventParticipants, eventSeries, events, partners } from '../../db/schema/index.js';
import { type ActorContext, audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import { countColumns, presentDetail, presentSummary } from './presenter.js';
import { assertSiteInScope, eventInScope, findEventInScope, type NetworkScope } from './scope.js';
import { assertEventDate, assertEventFields } from './validate.js';

/** The weekly dates from `date` to `until` (inclusive); a 400 naming `repeat.until` beyond two years. */
export function weeklyDates(date: string, until: string): string[] {
  if (until < date) throw fieldError('beforeFrom', 'repeat.until');
  if (until > addMonths(date, maxSeriesYears * 12)) {
    throw fieldError('periodTooLong', 'repeat.until', { years: maxSeriesYears });
  }
  const dates: string[] = [];
  for (let d = date; d <= until; d = addDays(d, 7)) dates.push(d);
  return dates;
}

/** ISO weekday 1 (Monday) … 7 of a calendar date. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

async function detail(db: Db, row: typeof events.$inferSelect, createdCount?: number): Promise<EventDetail> {
  const partnerRows = row.partnerIds.length
    ? await db
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(inArray(partners.id, row.partnerIds))
    : [];
  const byId = new Map(partnerRows.map((p) => [p.id, p]));
  let seriesCount = 0;
  if (row.seriesId) {
    const [c] = await db.select({ n: count() }).from(events).where(eq(events.seriesId, row.seriesId));
    seriesCount = c?.n ?? 0;
  }
  return presentDetail(row, {
    partners: row.partnerIds.flatMap((id) => byId.get(id) ?? []),
    seriesCount,
    createdCount,
  });
}

/** One event, or a weekly series of them (one event per date, each with its own attendance). */
export async function createEvent(db: Db, ctx: ActorContext, scope: NetworkScope, body: CreateEventBody) {
  await assertSiteInScope(db, scope, body.siteId, 'siteId');
  await assertEventFields(db, body.siteId, body);
  const dates = body.repeat ? weeklyDates(body.date, body.repeat.until) : [body.date];
  if (body.repeat) assertEventDate(body.repeat.until, 'repeat.until');
  return writeTransaction(db, async (tx) => {
    let seriesId: string | null = null;
    if (body.repeat) {
      const [series] = await tx
        .insert(eventSeries)
        .values({
          siteId: body.siteId,
          title: body.title,
          weekday: isoWeekday(body.date),
          startsOn: body.date,
          endsOn: dates[dates.length - 1] ?? body.date,
        })
        .returning({ id: eventSeries.id });
      seriesId = series?.id ?? null;
    }
    const common = {
      type: body.type,
      title: body.title,
      siteId: body.siteId,
      districtCode: body.districtCode ?? null,
      place: body.place ?? null,
      startTime: body.startTime ?? null,
      endTime: body.endTime ?? null,
      seriesId,
      organiserIds: [...new Set(body.organiserIds ?? [])],
      partnerIds: [...new Set(body.partnerIds)],
      public: body.public,
      ...countColumns(body.participants),
      minutes: body.minutes ?? null,
      createdBy: scope.userId,
    };
    const rows = await tx
      .insert(events)
      .values(dates.map((date) => ({ ...common, date })))
      .returning();
    const fields = changedFields(body);
    for (const row of rows) {
      await audit(tx, ctx, {
        action: 'event.created',
        entityType: 'event',
        entityId: row.id,
        siteId: row.siteId,
        fields,
      });
    }
    const first = rows.find((r) => r.date === body.date) ?? rows[0];
    if (!first) throw new Error('no event inserted');
    return detail(tx, first, rows.length);
  });
}

export async function getEvent(db: Db, scope: NetworkScope, id: string) {
  return detail(db, await findEventInScope(db, scope, id));
}

export async function updateEvent(
  db: Db,
  ctx: ActorContext,
  scope: NetworkScope,
  id: string,
  body: UpdateEventBody,
) {
  const current = await findEventInScope(db, scope, id);
  await assertEventFields(db, current.siteId, {
    type: body.type,
    districtCode: body.districtCode,
    date: body.date,
    startTime: body.startTime === undefined ? current.startTime?.slice(0, 5) : body.startTime,
    endTime: body.endTime === undefined ? current.endTime?.slice(0, 5) : body.endTime,
    partnerIds: body.partnerIds,
    organiserIds: body.organiserIds,
  });
  return writeTransaction(db, async (tx) => {
    await findEventInScope(tx, scope, id, true);
    const { participants, partnerIds, organiserIds, ...rest } = body;
    const [row] = await tx
      .update(events)
      .set({
        ...rest,
        ...countColumns(participants),
        ...(partnerIds ? { partnerIds: [...new Set(partnerIds)] } : {}),
        ...(organiserIds ? { organiserIds: [...new Set(organiserIds)] } : {}),
        updatedAt: new Date(),
      })
      .where(eq(events.id, id))
      .returning();
    if (!row) throw new Error('event vanished in its own transaction');
    const fields = changedFields(body).flatMap((f) =>
      f === 'participants' && participants
        ? changedFields(participants).map((p) => `participants.${p}`)
        : [f],
    );
    await audit(tx, ctx, {
      action: 'event.updated',
      entityType: 'event',
      entityId: id,
      siteId: row.siteId,
      fields,
    });
    return detail(tx, row);
  });
}

/** `%`, `_` and `\` typed in a search are literal characters. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listEvents(db: Db, scope: NetworkScope, query: ListEventsQuery) {
  const where = and(
    eventInScope(scope),
    query.from ? gte(events.date, query.from) : undefined,
    query.to ? lte(events.date, query.to) : undefined,
    query.type ? eq(events.type, query.type) : undefined,
    query.siteId ? eq(events.siteId, query.siteId) : undefined,
    query.districtCode ? eq(events.districtCode, query.districtCode) : undefined,
    query.series ? eq(events.seriesId, query.series) : undefined,
    query.q ? ilike(events.title, likePattern(query.q)) : undefined,
  );
  const dir = query.order === 'asc' ? asc : desc;
  const byDate: SQL[] = [dir(events.date), sql`${events.startTime} ${sql.raw(query.order)} NULLS FIRST`];
  const order: SQL[] =
    query.sort === 'title'
      ? [dir(sql`lower(${events.title})`), ...byDate]
      : query.sort === 'type'
        ? [dir(events.type), ...byDate]
        : byDate;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(events)
      .where(where)
      .orderBy(...order, asc(events.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(events).where(where),
  ]);
  return {
    items: rows.map(presentSummary),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The trainings a volunteer attended: events of type `schulung` naming them as a participant.
 * For the volunteers module (checks and obligations: trainings attended).
 */
export async function trainingsOf(db: Db, volunteerId: string) {
  return db
    .selectDistinct({ eventId: events.id, date: events.date, title: events.title, siteId: events.siteId })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(and(eq(eventParticipants.volunteerId, volunteerId), eq(events.type, trainingEventType)))
    .orderBy(desc(events.date));
}
