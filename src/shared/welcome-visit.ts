import { addDays } from './dates.js';

/** Days after the move-in date by which the welcome visit (Willkommensbesuch) is due. */
export const welcomeVisitDays = 14;

/** The due date of the welcome visit that a move-in date puts on the follow-ups. */
export function welcomeVisitDue(movedInOn: string): string {
  return addDays(movedInOn, welcomeVisitDays);
}
