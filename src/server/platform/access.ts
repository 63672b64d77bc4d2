import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { can, caseRoles } from '../../shared/permissions.js';
import { emergencyAccess } from '../db/schema/index.js';
import { currentUser } from './auth/guard.js';
import type { Db } from './db/client.js';

export interface Scope {
  userId: string;
  /** the sites whose case files this user may see; empty means none */
  siteIds: string[];
  /** may open households whose processing is restricted (Art. 18): `household.restrict` */
  seesRestricted?: boolean;
}

/** Case content is seen only by the roles holding `household.read`, and only of their own sites. */
export function caseScope(request: FastifyRequest): Scope {
  const user = currentUser(request);
  return {
    userId: user.id,
    siteIds: caseRoles.includes(user.role) ? user.siteIds : [],
    seesRestricted: can(user.role, 'household.restrict'),
  };
}

export function inScope(scope: Scope, siteId: string): boolean {
  return scope.siteIds.includes(siteId);
}

/**
 * Break-the-glass: when the user's valid emergency grant for this household ends, or null. It counts only
 * for reading that one household and its sub-records (`findHouseholdInScope(…, 'read')`), never for lists,
 * search or statistics, and never for writes (`lockHouseholdInScope` answers EMERGENCY_READ_ONLY).
 */
export async function emergencyGrantUntil(db: Db, scope: Scope, householdId: string): Promise<Date | null> {
  if (scope.siteIds.length === 0) return null;
  const [row] = await db
    .select({ until: emergencyAccess.expiresAt })
    .from(emergencyAccess)
    .where(
      and(
        eq(emergencyAccess.userId, scope.userId),
        eq(emergencyAccess.householdId, householdId),
        gt(emergencyAccess.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(emergencyAccess.expiresAt))
    .limit(1);
  return row?.until ?? null;
}
