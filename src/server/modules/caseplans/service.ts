import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CasePlan, createCasePlanBody, updateCasePlanBody } from '../../../shared/schemas/casework.js';
import { casePlans } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import {
  type ActorContext,
  audit,
  auditRead,
  changedFields,
  writeTransaction,
} from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { assertMember, assertStaff } from '../casework/checks.js';
import { findHouseholdInScope, lockHouseholdInScope } from '../households/repository.js';

type CreateCasePlanBody = z.infer<typeof createCasePlanBody>;
type UpdateCasePlanBody = z.infer<typeof updateCasePlanBody>;

function presentCasePlan(row: typeof casePlans.$inferSelect): CasePlan {
  return {
    id: row.id,
    householdId: row.householdId,
    personId: row.personId,
    programme: row.programme as CasePlan['programme'],
    responsibleUserId: row.responsibleUserId,
    goals: row.goals as CasePlan['goals'],
    reviewDates: row.reviewDates,
    status: row.status as CasePlan['status'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const sortedDates = (dates: string[]) => [...new Set(dates)].sort();

/** A KIM/MigraDo case plan for the household or one member: goals with steps, responsible person, reviews. */
export async function createCasePlan(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: CreateCasePlanBody,
) {
  const household = await findHouseholdInScope(db, scope, householdId);
  await assertMember(db, householdId, body.personId, 'personId');
  await assertStaff(db, body.responsibleUserId, household.siteId, 'responsibleUserId');
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    const [row] = await tx
      .insert(casePlans)
      .values({
        householdId,
        personId: body.personId ?? null,
        programme: body.programme,
        responsibleUserId: body.responsibleUserId ?? null,
        goals: body.goals,
        reviewDates: sortedDates(body.reviewDates),
        createdBy: scope.userId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'caseplan.created',
      entityType: 'caseplan',
      entityId: row.id,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentCasePlan(row);
  });
}

/** The household's case plans, newest first. */
export async function listCasePlans(db: Db, ctx: ActorContext, scope: Scope, householdId: string) {
  const h = await findHouseholdInScope(db, scope, householdId);
  const rows = await db
    .select()
    .from(casePlans)
    .where(eq(casePlans.householdId, householdId))
    .orderBy(desc(casePlans.createdAt), desc(casePlans.id));
  await auditRead(db, ctx, 'caseplan', householdId, h.siteId);
  return rows.map(presentCasePlan);
}

export async function updateCasePlan(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  planId: string,
  body: UpdateCasePlanBody,
) {
  const household = await findHouseholdInScope(db, scope, householdId);
  await assertStaff(db, body.responsibleUserId, household.siteId, 'responsibleUserId');
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    const [current] = await tx
      .select({ id: casePlans.id })
      .from(casePlans)
      .where(and(eq(casePlans.id, planId), eq(casePlans.householdId, householdId)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .update(casePlans)
      .set({
        ...body,
        ...(body.reviewDates ? { reviewDates: sortedDates(body.reviewDates) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(casePlans.id, planId))
      .returning();
    await audit(tx, ctx, {
      action: 'caseplan.updated',
      entityType: 'caseplan',
      entityId: planId,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentCasePlan(row);
  });
}
