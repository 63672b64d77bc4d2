import { desc } from 'drizzle-orm';
import type { z } from 'zod';
import type { createNeedBody, Need } from '../../../shared/schemas/casework.js';
import { needsAssessments } from '../../db/schema/index.js';
import { assertMember } from '../casework/checks.js';
import { caseList, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
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
export function createNeed(req: CaseRequest, householdId: string, body: CreateNeedBody) {
  return caseWrite(req, householdId, async (tx, h) => {
    await assertCodes(tx, [
      { list: 'life-areas', code: body.lifeArea, path: 'lifeArea' },
      ...body.obstacles.map((code, i) => ({ list: 'obstacles' as const, code, path: `obstacles.${i}` })),
    ]);
    await assertMember(tx, householdId, body.personId, 'personId');
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
