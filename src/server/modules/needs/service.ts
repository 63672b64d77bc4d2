import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createNeedBody, Need } from '../../../shared/schemas/casework.js';
import { needsAssessments } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import {
  type ActorContext,
  audit,
  auditRead,
  changedFields,
  writeTransaction,
} from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { assertMember } from '../casework/checks.js';
import { findHouseholdInScope, lockHouseholdInScope } from '../households/repository.js';
import { assertCodes } from '../reference/validate.js';

type CreateNeedBody = z.infer<typeof createNeedBody>;

function presentNeed(row: typeof needsAssessments.$inferSelect): Need {
  return {
    id: row.id,
    householdId: row.householdId,
    personId: row.personId,
    assessedOn: row.assessedOn,
    lifeArea: row.lifeArea,
    level: row.level,
    obstacles: row.obstacles,
    goals: row.goals,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A dated assessment of one life area; a new row each time, so the development stays visible. */
export async function createNeed(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: CreateNeedBody,
) {
  await findHouseholdInScope(db, scope, householdId);
  await assertCodes(db, [
    { list: 'life-areas', code: body.lifeArea, path: 'lifeArea' },
    ...body.obstacles.map((code, i) => ({ list: 'obstacles' as const, code, path: `obstacles.${i}` })),
  ]);
  await assertMember(db, householdId, body.personId, 'personId');
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    const [row] = await tx
      .insert(needsAssessments)
      .values({
        householdId,
        personId: body.personId ?? null,
        assessedOn: body.assessedOn,
        lifeArea: body.lifeArea,
        level: body.level,
        obstacles: [...new Set(body.obstacles)],
        goals: body.goals ?? null,
        createdBy: scope.userId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'need.created',
      entityType: 'need',
      entityId: row.id,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentNeed(row);
  });
}

/** The household's assessments, newest first. */
export async function listNeeds(db: Db, ctx: ActorContext, scope: Scope, householdId: string) {
  const h = await findHouseholdInScope(db, scope, householdId);
  const rows = await db
    .select()
    .from(needsAssessments)
    .where(eq(needsAssessments.householdId, householdId))
    .orderBy(desc(needsAssessments.assessedOn), desc(needsAssessments.createdAt), desc(needsAssessments.id));
  await auditRead(db, ctx, 'need', householdId, h.siteId);
  return rows.map(presentNeed);
}
