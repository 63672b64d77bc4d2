import { and, asc, eq, inArray, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { todayBerlin } from '../../../shared/dates.js';
import type {
  createFollowUpBody,
  FollowUp,
  followUpsQuery,
  updateFollowUpBody,
} from '../../../shared/schemas/casework.js';
import { followUps, households } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { auditAccess, changedFields } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { assertStaff, householdVisible } from '../casework/checks.js';
import { auditCase, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseRead, caseWrite, siteRecordWrite } from '../casework/write.js';

type CreateFollowUpBody = z.infer<typeof createFollowUpBody>;
type UpdateFollowUpBody = z.infer<typeof updateFollowUpBody>;
export type DueFilter = z.infer<typeof followUpsQuery>['due'];

function presentFollowUp(row: typeof followUps.$inferSelect, caseNumber: string | null): FollowUp {
  return {
    id: row.id,
    householdId: row.householdId,
    caseNumber,
    siteId: row.siteId,
    assigneeId: row.assigneeId,
    dueOn: row.dueOn,
    text: row.text,
    kind: row.kind as FollowUp['kind'],
    done: row.doneAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Follow-ups matching `where`, with their case numbers: open ones first, then by due date. */
async function selectFollowUps(db: Db, where: SQL | undefined, limit = 500) {
  const rows = await db
    .select({ followUp: followUps, caseNumber: households.caseNumber })
    .from(followUps)
    .leftJoin(households, eq(households.id, followUps.householdId))
    .where(where)
    .orderBy(sql`${followUps.doneAt} IS NOT NULL`, asc(followUps.dueOn), asc(followUps.createdAt))
    .limit(limit);
  return rows.map((r) => presentFollowUp(r.followUp, r.caseNumber));
}

/** The current user's follow-ups in scope; `due` narrows them relative to today (Europe/Berlin). */
export function myFollowUps(db: Db, scope: Scope, due: DueFilter) {
  if (scope.siteIds.length === 0) return Promise.resolve([]);
  const today = todayBerlin();
  const open = isNull(followUps.doneAt);
  const byDue: Record<DueFilter, SQL | undefined> = {
    today: and(open, eq(followUps.dueOn, today)),
    overdue: and(open, lt(followUps.dueOn, today)),
    open,
    all: undefined,
  };
  return selectFollowUps(
    db,
    and(
      eq(followUps.assigneeId, scope.userId),
      inArray(followUps.siteId, scope.siteIds),
      householdVisible(scope),
      byDue[due],
    ),
  );
}

/** "Mein Tag": my open follow-ups due today or earlier. */
export function myDueFollowUps(db: Db, scope: Scope) {
  if (scope.siteIds.length === 0) return Promise.resolve([]);
  return selectFollowUps(
    db,
    and(
      eq(followUps.assigneeId, scope.userId),
      inArray(followUps.siteId, scope.siteIds),
      householdVisible(scope),
      isNull(followUps.doneAt),
      lte(followUps.dueOn, todayBerlin()),
    ),
  );
}

export async function listMyFollowUps(req: CaseRequest, q: z.infer<typeof followUpsQuery>) {
  const items = await myFollowUps(req.db, req.scope, q.due);
  await auditAccess(req.db, req.ctx, { action: 'record.read', entityType: 'followup', fields: ['due'] });
  return items;
}

export function createFollowUp(req: CaseRequest, householdId: string, body: CreateFollowUpBody) {
  return caseWrite(req, householdId, async (tx, h) => {
    const assigneeId = body.assigneeId ?? req.scope.userId;
    await assertStaff(tx, assigneeId, h.siteId, 'assigneeId');
    const values = { ...body, siteId: h.siteId, assigneeId, kind: 'general' };
    return presentFollowUp(
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

/**
 * Where a follow-up lives, read without scope: only for `siteRecordWrite`, which answers 404 unless
 * that site (and the household) is in the user's scope.
 */
function unsafeLocateFollowUp(db: Db, id: string) {
  return db
    .select({ siteId: followUps.siteId, householdId: followUps.householdId })
    .from(followUps)
    .where(eq(followUps.id, id))
    .then((rows) => rows[0]);
}

/** Any follow-up of the user's sites (not only their own); another site's answers 404. */
export function updateFollowUp(req: CaseRequest, id: string, body: UpdateFollowUpBody) {
  return siteRecordWrite(
    req,
    (tx) => unsafeLocateFollowUp(tx, id),
    async (tx, _place, household) => {
      // household first (locked by the pipeline), then the follow-up: the same lock order as a transfer
      const [current] = await tx.select().from(followUps).where(eq(followUps.id, id)).for('update');
      if (!current || !inScope(req.scope, current.siteId)) throw new AppError('NOT_FOUND');
      if (body.assigneeId) await assertStaff(tx, body.assigneeId, current.siteId, 'assigneeId');
      const { done, ...rest } = body;
      const doneAt = done === undefined ? {} : { doneAt: done ? (current.doneAt ?? new Date()) : null };
      const [row] = await tx
        .update(followUps)
        .set({ ...rest, ...doneAt })
        .where(eq(followUps.id, id))
        .returning();
      await auditCase(tx, req, 'followup.updated', 'followup', id, current.siteId, changedFields(body));
      return presentFollowUp(row, household?.caseNumber ?? null);
    },
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
