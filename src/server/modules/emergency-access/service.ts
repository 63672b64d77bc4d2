import { and, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { cityWideRoles, type Role } from '../../../shared/permissions.js';
import type { EmergencyAccessBody, EmergencyGrantReport } from '../../../shared/schemas/emergency-access.js';
import { emergencyAccess, households, sites, users } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import { type ActorContext, audit, auditAccess, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';

export interface EmergencyRequest {
  db: Db;
  ctx: ActorContext;
  scope: Scope;
  /** QUARTIER_EMERGENCY_ACCESS_HOURS */
  hours: number;
}

function presentGrant(row: typeof emergencyAccess.$inferSelect) {
  return {
    id: row.id,
    householdId: row.householdId,
    siteId: row.siteId,
    grantedAt: row.grantedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Break-the-glass: another site's caseworker or site lead reads one household for `hours`, with a written
 * reason. The grant and its audit entry (`emergency.accessGranted`, on the household's site, so its lead and
 * the DPO see it) commit together. The user's own site needs no grant: EMERGENCY_NOT_NEEDED (409).
 */
export function grantEmergencyAccess(req: EmergencyRequest, householdId: string, body: EmergencyAccessBody) {
  return writeTransaction(req.db, async (tx) => {
    // unsafe by id: the point of the grant is a household outside the user's scope
    const [household] = await tx
      .select({ id: households.id, siteId: households.siteId })
      .from(households)
      .where(eq(households.id, householdId))
      .for('update');
    if (!household || req.scope.siteIds.length === 0) throw new AppError('NOT_FOUND');
    if (inScope(req.scope, household.siteId)) throw new AppError('EMERGENCY_NOT_NEEDED');
    const [row] = await tx
      .insert(emergencyAccess)
      .values({
        householdId,
        siteId: household.siteId,
        userId: req.scope.userId,
        reason: body.reason,
        expiresAt: sql`now() + make_interval(hours => ${req.hours}::int)`,
      })
      .returning();
    await audit(tx, req.ctx, {
      action: 'emergency.accessGranted',
      entityType: 'household',
      entityId: householdId,
      siteId: household.siteId,
      fields: ['reason'],
    });
    return presentGrant(row);
  });
}

/** The same, by case number (exact, case-insensitive); an unknown number is a 404 like an unknown id. */
export async function grantEmergencyAccessByCase(
  req: EmergencyRequest,
  body: EmergencyAccessBody & { caseNumber: string },
) {
  const [household] = await req.db
    .select({ id: households.id })
    .from(households)
    .where(eq(households.caseNumber, body.caseNumber.toUpperCase()));
  if (!household) throw new AppError('NOT_FOUND');
  return grantEmergencyAccess(req, household.id, { reason: body.reason });
}

/** My valid grants, with the case number (the banner on the household page and the link to it). */
export async function myEmergencyGrants(db: Db, scope: Scope) {
  const rows = await db
    .select({ grant: emergencyAccess, caseNumber: households.caseNumber })
    .from(emergencyAccess)
    .innerJoin(households, eq(households.id, emergencyAccess.householdId))
    .where(and(eq(emergencyAccess.userId, scope.userId), gt(emergencyAccess.expiresAt, sql`now()`)))
    .orderBy(desc(emergencyAccess.expiresAt));
  return rows.map((r) => ({ ...presentGrant(r.grant), caseNumber: r.caseNumber }));
}

export interface GrantViewer {
  role: Role;
  siteIds: string[];
}

/**
 * The grants the viewer must know of: a site lead those on their sites' households, the DPO all of them;
 * newest first. Reading the report is audited (it names people and their reasons).
 */
export async function listEmergencyGrants(
  db: Db,
  ctx: ActorContext,
  viewer: GrantViewer,
  onlyActive: boolean,
): Promise<EmergencyGrantReport[]> {
  const filters: SQL[] = [];
  if (!cityWideRoles.includes(viewer.role)) {
    if (viewer.siteIds.length === 0) return [];
    filters.push(inArray(emergencyAccess.siteId, viewer.siteIds));
  }
  if (onlyActive) filters.push(gt(emergencyAccess.expiresAt, sql`now()`));
  const rows = await db
    .select({
      grant: emergencyAccess,
      caseNumber: households.caseNumber,
      siteName: sites.name,
      userDisplayName: users.displayName,
      userSiteIds: users.siteIds,
      active: sql<boolean>`${emergencyAccess.expiresAt} > now()`,
    })
    .from(emergencyAccess)
    .innerJoin(households, eq(households.id, emergencyAccess.householdId))
    .innerJoin(sites, eq(sites.id, emergencyAccess.siteId))
    .innerJoin(users, eq(users.id, emergencyAccess.userId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(emergencyAccess.grantedAt), desc(emergencyAccess.id))
    .limit(500);
  const siteNames = new Map(
    (await db.select({ id: sites.id, name: sites.name }).from(sites)).map((s) => [s.id, s.name]),
  );
  await auditAccess(db, ctx, {
    action: 'emergency.listed',
    entityType: 'audit',
    fields: onlyActive ? ['active'] : [],
  });
  return rows.map((r) => ({
    ...presentGrant(r.grant),
    caseNumber: r.caseNumber,
    siteName: r.siteName,
    userId: r.grant.userId,
    userDisplayName: r.userDisplayName,
    userSiteNames: r.userSiteIds.map((id) => siteNames.get(id) ?? id),
    reason: r.grant.reason,
    active: Boolean(r.active),
  }));
}
