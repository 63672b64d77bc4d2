import { followUps } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';

/** Days after the move-in date by which the welcome visit is due. */
export const welcomeVisitDays = 14;

function addDays(isoDate: string, days: number) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

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
      dueOn: addDays(movedInOn, welcomeVisitDays),
      text: `Willkommensbesuch ${household.caseNumber}`,
      kind: 'welcomeVisit',
      createdBy: userId,
    })
    .returning();
  return row;
}
