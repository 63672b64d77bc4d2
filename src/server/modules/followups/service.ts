import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createFollowUpBody, FollowUp } from '../../../shared/schemas/casework.js';
import { eventActions, events, followUps, households } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { assertStaff } from '../casework/checks.js';
import { insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseRead, caseWrite } from '../casework/write.js';

type CreateFollowUpBody = z.infer<typeof createFollowUpBody>;

interface FollowUpRow {
  followUp: typeof followUps.$inferSelect;
  caseNumber: string | null;
  eventId: string | null;
  eventTitle: string | null;
}

export function presentFollowUp({ followUp: row, caseNumber, eventId, eventTitle }: FollowUpRow): FollowUp {
  return {
    id: row.id,
    householdId: row.householdId,
    caseNumber,
    siteId: row.siteId,
    assigneeId: row.assigneeId,
    dueOn: row.dueOn,
    text: row.text,
    kind: row.kind as FollowUp['kind'],
    eventId,
    eventTitle,
    done: row.doneAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Follow-ups matching `where` (which may test `households`), with their case numbers and, for an
 * agreed action, its event: open ones first, then by due date.
 */
export async function selectFollowUps(db: Db, where: SQL | undefined, limit = 500) {
  const rows = await db
    .select({
      followUp: followUps,
      caseNumber: households.caseNumber,
      eventId: eventActions.eventId,
      eventTitle: events.title,
    })
    .from(followUps)
    .leftJoin(households, eq(households.id, followUps.householdId))
    .leftJoin(eventActions, eq(eventActions.followUpId, followUps.id))
    .leftJoin(events, eq(events.id, eventActions.eventId))
    .where(where)
    .orderBy(sql`${followUps.doneAt} IS NOT NULL`, asc(followUps.dueOn), asc(followUps.createdAt))
    .limit(limit);
  return rows.map(presentFollowUp);
}

/** A follow-up row just written, presented (a household follow-up has no event). */
export function presentWritten(row: typeof followUps.$inferSelect, caseNumber: string | null) {
  return presentFollowUp({ followUp: row, caseNumber, eventId: null, eventTitle: null });
}

export function createFollowUp(req: CaseRequest, householdId: string, body: CreateFollowUpBody) {
  return caseWrite(req, householdId, async (tx, h) => {
    const assigneeId = body.assigneeId ?? req.scope.userId;
    await assertStaff(tx, assigneeId, h.siteId, 'assigneeId');
    const values = { ...body, siteId: h.siteId, assigneeId, kind: 'general' };
    return presentWritten(
      await insertCaseRecord(tx, req, h, followUps, 'followup', values, body),
      h.caseNumber,
    );
  });
}

export function listHouseholdFollowUps(req: CaseRequest, householdId: string) {
  return caseRead(req, householdId, 'followup', () =>
    selectFollowUps(req.db, eq(followUps.householdId, householdId)),
  );
}

/** On a transfer, open follow-ups go with the household; assignees who do not work there are cleared. */
export async function moveOpenFollowUps(tx: Db, householdId: string, toSiteId: string) {
  await tx
    .update(followUps)
    .set({
      siteId: toSiteId,
      assigneeId: sql`CASE WHEN EXISTS (SELECT 1 FROM users u WHERE u.id = ${followUps.assigneeId}
        AND ${toSiteId}::uuid = ANY(u.site_ids)) THEN ${followUps.assigneeId} ELSE NULL END`,
    })
    .where(and(eq(followUps.householdId, householdId), isNull(followUps.doneAt)));
}
