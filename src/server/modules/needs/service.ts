import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createNeedBody, Need } from '../../../shared/schemas/casework.js';
import type { correctNeedBody } from '../../../shared/schemas/corrections.js';
import { needsAssessments } from '../../db/schema/index.js';
import { changedFields } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { sameColumns } from '../../platform/present.js';
import { assertMember } from '../casework/checks.js';
import { authoredBy, type CorrectionRequest, correctRecord, removeRecord } from '../casework/correction.js';
import { caseList, caseRecordFields, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { assertCodes } from '../reference/validate.js';

type CreateNeedBody = z.infer<typeof createNeedBody>;

function presentNeed(row: typeof needsAssessments.$inferSelect): Need {
  return {
    ...caseRecordFields(row),
    ...sameColumns(row, ['personId', 'assessedOn', 'lifeArea', 'level', 'obstacles', 'goals']),
  };
}

/** A dated assessment of one life area; a new row each time, so the development stays visible. */
/** The codes and the member of a need (or of a correction's fields). */
async function assertNeed(tx: Db, householdId: string, body: Partial<CreateNeedBody>) {
  await assertCodes(tx, [
    ...(body.lifeArea ? [{ list: 'life-areas' as const, code: body.lifeArea, path: 'lifeArea' }] : []),
    ...(body.obstacles ?? []).map((code, i) => ({
      list: 'obstacles' as const,
      code,
      path: `obstacles.${i}`,
    })),
  ]);
  await assertMember(tx, householdId, body.personId, 'personId');
}

export function createNeed(req: CaseRequest, householdId: string, body: CreateNeedBody) {
  return caseWrite(req, householdId, async (tx, h) => {
    await assertNeed(tx, householdId, body);
    const values = { ...body, obstacles: [...new Set(body.obstacles)] };
    return presentNeed(await insertCaseRecord(tx, req, h, needsAssessments, 'need', values, body));
  });
}

/** The household's assessments, newest first. */
export const listNeeds = caseList(
  'need',
  needsAssessments,
  [desc(needsAssessments.assessedOn), desc(needsAssessments.createdAt), desc(needsAssessments.id)],
  presentNeed,
);

const needSpec = authoredBy('need', needsAssessments);

/** Corrects a wrongly recorded assessment (Art. 16); a changed assessment is a new row, not this. */
export function correctNeed(
  req: CorrectionRequest,
  householdId: string,
  needId: string,
  body: z.infer<typeof correctNeedBody>,
) {
  return correctRecord(req, householdId, needId, needSpec, changedFields(body), async (tx) => {
    await assertNeed(tx, householdId, body);
    const values = body.obstacles ? { ...body, obstacles: [...new Set(body.obstacles)] } : body;
    const [row] = await tx
      .update(needsAssessments)
      .set(values)
      .where(eq(needsAssessments.id, needId))
      .returning();
    return presentNeed(row);
  });
}

export function removeNeed(req: CorrectionRequest, householdId: string, needId: string, reason: string) {
  return removeRecord(req, householdId, needId, needSpec, reason);
}
