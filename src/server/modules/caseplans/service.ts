import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CasePlan, createCasePlanBody, updateCasePlanBody } from '../../../shared/schemas/casework.js';
import { casePlans } from '../../db/schema/index.js';
import { changedFields } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { assertMember, assertStaff } from '../casework/checks.js';
import { auditCase, caseList, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';

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
export function createCasePlan(req: CaseRequest, householdId: string, body: CreateCasePlanBody) {
  return caseWrite(req, householdId, async (tx, h) => {
    await assertMember(tx, householdId, body.personId, 'personId');
    await assertStaff(tx, body.responsibleUserId, h.siteId, 'responsibleUserId');
    const values = { ...body, reviewDates: sortedDates(body.reviewDates) };
    return presentCasePlan(await insertCaseRecord(tx, req, h, casePlans, 'caseplan', values, body));
  });
}

/** The household's case plans, newest first. */
export const listCasePlans = caseList(
  'caseplan',
  casePlans,
  [desc(casePlans.createdAt), desc(casePlans.id)],
  presentCasePlan,
);

export function updateCasePlan(
  req: CaseRequest,
  householdId: string,
  planId: string,
  body: UpdateCasePlanBody,
) {
  return caseWrite(req, householdId, async (tx, h) => {
    await assertStaff(tx, body.responsibleUserId, h.siteId, 'responsibleUserId');
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
    await auditCase(tx, req, 'caseplan.updated', 'caseplan', planId, h.siteId, changedFields(body));
    return presentCasePlan(row);
  });
}
