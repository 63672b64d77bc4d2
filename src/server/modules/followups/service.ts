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
import { assertStaff, householdVisible } from '../casework/checks.js';
import { findHouseholdInScope, lockHouseholdInScope } from '../households/repository.js';

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

export async function listMyFollowUps(db: Db, ctx: ActorContext, scope: Scope, due: DueFilter) {
  const items = await myFollowUps(db, scope, due);
  await auditAccess(db, ctx, { action: 'record.read', entityType: 'followup', fields: ['due'] });
  return items;
}

export async function createFollowUp(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: CreateFollowUpBody,
) {
  const household = await findHouseholdInScope(db, scope, householdId);
  const assigneeId = body.assigneeId ?? scope.userId;
  await assertStaff(db, assigneeId, household.siteId, 'assigneeId');
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    const [row] = await tx
      .insert(followUps)
      .values({
        householdId,
        siteId: h.siteId,
        assigneeId,
        dueOn: body.dueOn,
        text: body.text,
        kind: 'general',
        createdBy: scope.userId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'followup.created',
      entityType: 'followup',
      entityId: row.id,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentFollowUp(row, h.caseNumber);
  });
}

export async function listHouseholdFollowUps(db: Db, ctx: ActorContext, scope: Scope, householdId: string) {
  const h = await findHouseholdInScope(db, scope, householdId);
  const items = await selectFollowUps(db, eq(followUps.householdId, householdId));
  await auditRead(db, ctx, 'followup', householdId, h.siteId);
  return items;
}

/** Any follow-up of the user's sites (not only their own); another site's answers 404. */
export async function updateFollowUp(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  id: string,
  body: UpdateFollowUpBody,
) {
  const [peek] = await db
    .select({ siteId: followUps.siteId, householdId: followUps.householdId })
    .from(followUps)
    .where(eq(followUps.id, id));
  if (!peek || !inScope(scope, peek.siteId)) throw new AppError('NOT_FOUND');
  if (peek.householdId) await findHouseholdInScope(db, scope, peek.householdId);
  return writeTransaction(db, async (tx) => {
    // household first, then the follow-up: the same lock order as a transfer
    const household = peek.householdId ? await lockHouseholdInScope(tx, scope, peek.householdId) : null;
    const [current] = await tx.select().from(followUps).where(eq(followUps.id, id)).for('update');
    if (!current || !inScope(scope, current.siteId)) throw new AppError('NOT_FOUND');
    if (body.assigneeId) await assertStaff(tx, body.assigneeId, current.siteId, 'assigneeId');
    const { done, ...rest } = body;
    const doneAt = done === undefined ? {} : { doneAt: done ? (current.doneAt ?? new Date()) : null };
    const [row] = await tx
      .update(followUps)
      .set({ ...rest, ...doneAt })
      .where(eq(followUps.id, id))
      .returning();
    await audit(tx, ctx, {
      action: 'followup.updated',
      entityType: 'followup',
      entityId: id,
      siteId: current.siteId,
      fields: changedFields(body),
    });
    return presentFollowUp(row, household?.caseNumber ?? null);
  });
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
