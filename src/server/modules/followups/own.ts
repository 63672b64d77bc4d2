import { and, eq, gt, inArray, isNull, lt, lte, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { addDays, todayBerlin } from '../../../shared/dates.js';
import type { followUpsQuery, updateFollowUpBody } from '../../../shared/schemas/casework.js';
import { followUps } from '../../db/schema/index.js';
import { caseScope, inScope, type Scope } from '../../platform/access.js';
import { actorContext, auditAccess, changedFields } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertStaff, householdVisible } from '../casework/checks.js';
import { auditCase } from '../casework/record.js';
import { type CaseRequest, siteRecordWrite } from '../casework/write.js';
import { selectFollowUps } from './service.js';

type UpdateFollowUpBody = z.infer<typeof updateFollowUpBody>;
export type DueFilter = z.infer<typeof followUpsQuery>['due'];

/** Days after today that "Mein Tag" shows as coming up. */
export const upcomingDays = 7;

/**
 * Follow-ups are work for every staff role (followup.own): a case follow-up for case staff, an
 * agreed action of an event or a volunteer re-check for anyone. `scope` holds all the user's sites
 * (where their follow-ups live); `caseScope` only those whose case files they may see (none for
 * roles without household.read), so a household follow-up stays case content.
 */
export interface OwnRequest extends CaseRequest {
  caseScope: Scope;
}

export function ownRequest(db: Db, request: FastifyRequest): OwnRequest {
  const user = currentUser(request);
  return {
    db,
    ctx: actorContext(request),
    scope: { userId: user.id, siteIds: user.siteIds },
    caseScope: caseScope(request),
  };
}

/** Assigned to me, on one of my sites, and household-less or of a household in my case scope. */
function mine(req: OwnRequest, ...more: (SQL | undefined)[]) {
  return and(
    eq(followUps.assigneeId, req.scope.userId),
    inArray(followUps.siteId, req.scope.siteIds),
    householdVisible(req.caseScope),
    ...more,
  );
}

/** The current user's follow-ups; `due` narrows them relative to today (Europe/Berlin). */
export function myFollowUps(req: OwnRequest, due: DueFilter) {
  if (req.scope.siteIds.length === 0) return Promise.resolve([]);
  const today = todayBerlin();
  const open = isNull(followUps.doneAt);
  const byDue: Record<DueFilter, SQL | undefined> = {
    today: and(open, eq(followUps.dueOn, today)),
    overdue: and(open, lt(followUps.dueOn, today)),
    open,
    all: undefined,
  };
  return selectFollowUps(req.db, mine(req, byDue[due]));
}

/** "Mein Tag": my open follow-ups due today or earlier. */
export function myDueFollowUps(req: OwnRequest) {
  if (req.scope.siteIds.length === 0) return Promise.resolve([]);
  return selectFollowUps(req.db, mine(req, isNull(followUps.doneAt), lte(followUps.dueOn, todayBerlin())));
}

/** "Mein Tag", collapsed: my open follow-ups of the next `upcomingDays` days. */
export function myUpcomingFollowUps(req: OwnRequest) {
  if (req.scope.siteIds.length === 0) return Promise.resolve([]);
  const today = todayBerlin();
  return selectFollowUps(
    req.db,
    mine(
      req,
      isNull(followUps.doneAt),
      gt(followUps.dueOn, today),
      lte(followUps.dueOn, addDays(today, upcomingDays)),
    ),
  );
}

export async function listMyFollowUps(req: OwnRequest, q: z.infer<typeof followUpsQuery>) {
  const items = await myFollowUps(req, q.due);
  await auditAccess(req.db, req.ctx, { action: 'record.read', entityType: 'followup', fields: ['due'] });
  return items;
}

/**
 * Where a follow-up lives, read without scope: only for `siteRecordWrite`, which answers 404 unless
 * that site (and the household) is in the user's scope. A household follow-up is hidden from users
 * without case scope of its site, so the pipeline never locks a household for them.
 */
function unsafeLocateFollowUp(db: Db, req: OwnRequest, id: string) {
  return db
    .select({ siteId: followUps.siteId, householdId: followUps.householdId })
    .from(followUps)
    .where(eq(followUps.id, id))
    .then(([row]) => (row && (!row.householdId || inScope(req.caseScope, row.siteId)) ? row : undefined));
}

/**
 * Case staff update any follow-up of their sites (not only their own); other staff close and reopen
 * their own household-less ones. An agreed action or a re-check is kept by its module: through this
 * route only `done` changes; another field is a 400 naming it. Another site's answers 404.
 */
export function updateFollowUp(req: OwnRequest, id: string, body: UpdateFollowUpBody) {
  return siteRecordWrite(
    req,
    (tx) => unsafeLocateFollowUp(tx, req, id),
    async (tx) => {
      // household first (locked by the pipeline), then the follow-up: the same lock order as a transfer
      const [current] = await tx.select().from(followUps).where(eq(followUps.id, id)).for('update');
      if (!current || !inScope(req.scope, current.siteId)) throw new AppError('NOT_FOUND');
      const caseStaff = inScope(req.caseScope, current.siteId);
      if (!caseStaff && current.assigneeId !== req.scope.userId) throw new AppError('NOT_FOUND');
      if (!current.householdId) {
        const kept = (['assigneeId', 'dueOn', 'text'] as const).find((k) => body[k] !== undefined);
        if (kept) throw fieldError('notAllowedValue', kept);
      }
      if (body.assigneeId) await assertStaff(tx, body.assigneeId, current.siteId, 'assigneeId');
      const { done, ...rest } = body;
      const doneAt = done === undefined ? {} : { doneAt: done ? (current.doneAt ?? new Date()) : null };
      const [row] = await tx
        .update(followUps)
        .set({ ...rest, ...doneAt })
        .where(eq(followUps.id, id))
        .returning();
      await auditCase(tx, req, 'followup.updated', 'followup', id, current.siteId, changedFields(body));
      const [presented] = await selectFollowUps(tx, eq(followUps.id, row?.id ?? id), 1);
      if (!presented) throw new AppError('NOT_FOUND');
      return presented;
    },
  );
}
