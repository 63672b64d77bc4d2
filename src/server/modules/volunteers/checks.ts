import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { addMonths } from '../../../shared/dates.js';
import type { CreateCheckBody } from '../../../shared/schemas/volunteers.js';
import { followUps, volunteerChecks } from '../../db/schema/index.js';
import { audit, changedFields, writeTransaction } from '../../platform/audit.js';
import { fieldError } from '../../platform/errors.js';
import { assertPastDate, presentCheck } from './present.js';
import { findVolunteer, type VolunteerRequest } from './scope.js';

/** The follow-up kind of a re-check reminder, and its text (no personal name: follow-ups are listed widely). */
export const recheckKind = 'volunteerRecheck';
export const recheckText = 'Führungszeugnis erneut vorlegen lassen';

/**
 * Records a check. A certificate of conduct (erweitertes Führungszeugnis) is valid for
 * `recheckYears` unless `validUntil` says otherwise, and brings a re-check reminder as a follow-up for
 * the coordinator who recorded it, due a month before it expires; the reminders of earlier
 * certificates are closed, since the new one replaces them.
 */
export function addCheck(
  req: VolunteerRequest,
  volunteerId: string,
  body: CreateCheckBody,
  recheckYears: number,
) {
  assertPastDate(body.date, 'date');
  const conduct = body.kind === 'certificateOfConduct';
  const validUntil = body.validUntil ?? (conduct ? addMonths(body.date, 12 * recheckYears) : null);
  if (validUntil && validUntil > addMonths(body.date, 12 * 30))
    throw fieldError('dateTooLate', 'validUntil', {
      max: addMonths(body.date, 12 * 30)
        .split('-')
        .reverse()
        .join('.'),
    });
  return writeTransaction(req.db, async (tx) => {
    const volunteer = await findVolunteer(tx, req, volunteerId, true);
    let followUpId: string | null = null;
    if (conduct && validUntil) {
      const earlier = tx
        .select({ id: volunteerChecks.followUpId })
        .from(volunteerChecks)
        .where(and(eq(volunteerChecks.volunteerId, volunteerId), isNotNull(volunteerChecks.followUpId)));
      await tx
        .update(followUps)
        .set({ doneAt: new Date() })
        .where(and(inArray(followUps.id, earlier), isNull(followUps.doneAt)));
      const [reminder] = await tx
        .insert(followUps)
        .values({
          siteId: volunteer.siteId,
          householdId: null,
          assigneeId: req.userId,
          dueOn: addMonths(validUntil, -1),
          text: recheckText,
          kind: recheckKind,
          createdBy: req.userId,
        })
        .returning({ id: followUps.id });
      followUpId = reminder.id;
      await audit(tx, req.ctx, {
        action: 'followup.created',
        entityType: 'followup',
        entityId: followUpId,
        siteId: volunteer.siteId,
        fields: ['dueOn', 'kind', 'text'],
      });
    }
    const [row] = await tx
      .insert(volunteerChecks)
      .values({
        volunteerId,
        kind: body.kind,
        date: body.date,
        validUntil,
        followUpId,
        createdBy: req.userId,
      })
      .returning();
    await audit(tx, req.ctx, {
      action: 'volunteer.check_added',
      entityType: 'volunteerCheck',
      entityId: row.id,
      siteId: volunteer.siteId,
      fields: changedFields(body),
    });
    return presentCheck(row);
  });
}
