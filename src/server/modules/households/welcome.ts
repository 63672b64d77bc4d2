import { welcomeVisitDue } from '../../../shared/welcome-visit.js';
import { followUps } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';

export { welcomeVisitDays } from '../../../shared/welcome-visit.js';

/** Setting a move-in date puts a welcome visit (Willkommensbesuch) on the responsible site's follow-ups. */
export async function scheduleWelcomeVisit(
  tx: Db,
  household: { id: string; siteId: string; caseNumber: string },
  movedInOn: string,
  userId: string,
) {
  const [row] = await tx
    .insert(followUps)
    .values({
      householdId: household.id,
      siteId: household.siteId,
      assigneeId: userId,
      dueOn: welcomeVisitDue(movedInOn),
      text: `Willkommensbesuch ${household.caseNumber}`,
      kind: 'welcomeVisit',
      createdBy: userId,
    })
    .returning();
  return row;
}
