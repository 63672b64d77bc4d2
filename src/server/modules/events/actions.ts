import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, todayBerlin } from '../../../shared/dates.js';
import type { createActionBody, EventAction, EventsStart } from '../../../shared/schemas/events.js';
import { eventActions, events, followUps, users } from '../../db/schema/index.js';
import { type ActorContext, audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { presentSummary } from './presenter.js';
import { eventInScope, findEventInScope, type NetworkScope } from './scope.js';
import { assertEventDate, assertSiteStaff, siteStaff } from './validate.js';

type CreateActionBody = z.infer<typeof createActionBody>;

/** The follow-up kind of an agreed action (follow_ups.kind). */
export const eventActionKind = 'eventAction';

const actionColumns = {
  action: eventActions,
  doneAt: followUps.doneAt,
  ownerName: users.displayName,
};

function present(r: {
  action: typeof eventActions.$inferSelect;
  doneAt: Date | null;
  ownerName: string | null;
}): EventAction {
  return {
    id: r.action.id,
    eventId: r.action.eventId,
    text: r.action.text,
    ownerUserId: r.action.ownerUserId,
    ownerName: r.ownerName ?? '',
    dueOn: r.action.dueOn,
    followUpId: r.action.followUpId,
    done: r.doneAt !== null,
    doneAt: r.doneAt?.toISOString() ?? null,
    createdAt: r.action.createdAt.toISOString(),
  };
}

function selectActions(db: Db) {
  return db
    .select(actionColumns)
    .from(eventActions)
    .innerJoin(followUps, eq(followUps.id, eventActions.followUpId))
    .leftJoin(users, eq(users.id, eventActions.ownerUserId));
}

/** An agreed action: the owner's follow-up (Wiedervorlage) and the event's record of it, in one transaction. */
export async function createAction(
  db: Db,
  ctx: ActorContext,
  scope: NetworkScope,
  eventId: string,
  body: CreateActionBody,
) {
  const event = await findEventInScope(db, scope, eventId);
  assertEventDate(body.dueOn, 'dueOn');
  await assertSiteStaff(db, event.siteId, [body.ownerUserId], 'ownerUserId', false);
  return writeTransaction(db, async (tx) => {
    await findEventInScope(tx, scope, eventId, true);
    const [followUp] = await tx
      .insert(followUps)
      .values({
        householdId: null,
        siteId: event.siteId,
        assigneeId: body.ownerUserId,
        dueOn: body.dueOn,
        text: body.text,
        kind: eventActionKind,
        createdBy: scope.userId,
      })
      .returning();
    if (!followUp) throw new Error('follow-up not inserted');
    const [action] = await tx
      .insert(eventActions)
      .values({
        eventId,
        text: body.text,
        ownerUserId: body.ownerUserId,
        dueOn: body.dueOn,
        followUpId: followUp.id,
        createdBy: scope.userId,
      })
      .returning();
    if (!action) throw new Error('action not inserted');
    const fields = changedFields(body);
    await audit(tx, ctx, {
      action: 'event.action_created',
      entityType: 'eventAction',
      entityId: action.id,
      siteId: event.siteId,
      fields,
    });
    await audit(tx, ctx, {
      action: 'followup.created',
      entityType: 'followup',
      entityId: followUp.id,
      siteId: event.siteId,
      fields: ['assigneeId', 'dueOn', 'text'],
    });
    const [owner] = await tx
      .select({ displayName: users.displayName })
      .from(users)
      .where(eq(users.id, body.ownerUserId));
    return present({ action, doneAt: null, ownerName: owner?.displayName ?? null });
  });
}

export async function listActions(db: Db, scope: NetworkScope, eventId: string) {
  await findEventInScope(db, scope, eventId);
  const rows = await selectActions(db)
    .where(eq(eventActions.eventId, eventId))
    .orderBy(asc(eventActions.dueOn), asc(eventActions.createdAt), asc(eventActions.id));
  return rows.map(present);
}

/** Who can be organiser or owner at a site: its active staff, for the user's own sites only. */
export async function listStaff(db: Db, scope: NetworkScope, siteId: string) {
  if (scope.siteIds !== null && !scope.siteIds.includes(siteId)) return [];
  const rows = await siteStaff(db, siteId);
  const collator = new Intl.Collator('de');
  return rows
    .map((r) => ({ id: r.id, displayName: r.displayName }))
    .sort((a, b) => collator.compare(a.displayName, b.displayName));
}

/** The start page: today's and this week's (the next 7 days) events of my sites, my open agreed actions. */
export async function eventsStart(db: Db, scope: NetworkScope): Promise<EventsStart> {
  const today = todayBerlin();
  const rows = await db
    .select()
    .from(events)
    .where(and(eventInScope(scope), gte(events.date, today), lte(events.date, addDays(today, 6))))
    .orderBy(asc(events.date), asc(events.startTime), asc(events.id))
    .limit(100);
  const mine = await db
    .select({ ...actionColumns, eventTitle: events.title, eventDate: events.date })
    .from(eventActions)
    .innerJoin(followUps, eq(followUps.id, eventActions.followUpId))
    .innerJoin(events, eq(events.id, eventActions.eventId))
    .leftJoin(users, eq(users.id, eventActions.ownerUserId))
    .where(and(eq(eventActions.ownerUserId, scope.userId), isNull(followUps.doneAt)))
    .orderBy(asc(eventActions.dueOn), asc(eventActions.id))
    .limit(50);
  const summaries = rows.map(presentSummary);
  return {
    today: summaries.filter((e) => e.date === today),
    week: summaries,
    myActions: mine.map((r) => ({ ...present(r), eventTitle: r.eventTitle, eventDate: r.eventDate })),
  };
}
