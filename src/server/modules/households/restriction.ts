import { and, eq, inArray } from 'drizzle-orm';
import type { Restriction } from '../../../shared/schemas/corrections.js';
import { households, recentHouseholds, recordCorrections } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import { audit, writeTransaction } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { CaseRequest } from '../casework/write.js';

/**
 * Restriction of processing (Art. 18): a restricted household is read-only (every write 409
 * HOUSEHOLD_RESTRICTED, see repository.ts), in no list, search or Mein Tag, and opens only for whoever
 * holds `household.restrict` (the site lead); to everyone else it is a 404 like another site's.
 * Restricting and lifting keep their reasons in `record_corrections` (cleared by anonymisation).
 */

type HouseholdRow = typeof households.$inferSelect;

/** Whether the scope's user may see this household at all (restricted ones: the site lead only). */
export function visibleToScope(scope: Scope, row: HouseholdRow): boolean {
  return !row.restrictedAt || scope.seesRestricted === true;
}

export function presentRestriction(row: HouseholdRow): Restriction {
  return {
    householdId: row.id,
    restricted: row.restrictedAt !== null,
    restrictedAt: row.restrictedAt?.toISOString() ?? null,
    restrictedBy: row.restrictedBy,
    reason: row.restrictionReason,
  };
}

/** Restricts or lifts: the household in scope (restricted or not) locked, the change kept and audited. */
function setRestriction(req: CaseRequest, householdId: string, restrict: boolean, reason: string) {
  return writeTransaction(req.db, async (tx) => {
    const [current] = req.scope.siteIds.length
      ? await tx
          .select()
          .from(households)
          .where(and(eq(households.id, householdId), inArray(households.siteId, req.scope.siteIds)))
          .for('update')
      : [];
    if (!current) throw new AppError('NOT_FOUND');
    if (restrict === (current.restrictedAt !== null)) {
      throw fieldError(restrict ? 'alreadyRestricted' : 'notRestricted', 'id', undefined, 'CONFLICT');
    }
    const [row] = await tx
      .update(households)
      .set(
        restrict
          ? { restrictedAt: new Date(), restrictedBy: req.scope.userId, restrictionReason: reason }
          : { restrictedAt: null, restrictedBy: null, restrictionReason: null },
      )
      .where(eq(households.id, householdId))
      .returning();
    // nobody's Mein Tag shows it any more
    if (restrict) await tx.delete(recentHouseholds).where(eq(recentHouseholds.householdId, householdId));
    await tx.insert(recordCorrections).values({
      entityType: 'household',
      entityId: householdId,
      householdId,
      siteId: current.siteId,
      action: restrict ? 'restricted' : 'restriction_lifted',
      reason,
      fields: ['restriction'],
      actorId: req.scope.userId,
    });
    await audit(tx, req.ctx, {
      action: restrict ? 'household.restricted' : 'household.restriction_lifted',
      entityType: 'household',
      entityId: householdId,
      siteId: current.siteId,
      fields: ['reason'],
    });
    return presentRestriction(row);
  });
}

export const restrictHousehold = (req: CaseRequest, id: string, reason: string) =>
  setRestriction(req, id, true, reason);
export const liftRestriction = (req: CaseRequest, id: string, reason: string) =>
  setRestriction(req, id, false, reason);
