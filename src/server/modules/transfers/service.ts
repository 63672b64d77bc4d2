import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../../shared/permissions.js';
import type { createTransferBody, Transfer } from '../../../shared/schemas/casework.js';
import { households, sites, transfers } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import { type ActorContext, audit, auditRead, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { moveFutureAppointments } from '../appointments/service.js';
import { moveOpenFollowUps } from '../followups/service.js';
import { findHouseholdInScope, lockHouseholdInScope } from '../households/repository.js';

type CreateTransferBody = z.infer<typeof createTransferBody>;

function presentTransfer(row: typeof transfers.$inferSelect): Transfer {
  return {
    id: row.id,
    householdId: row.householdId,
    fromSiteId: row.fromSiteId,
    toSiteId: row.toSiteId,
    transferredOn: row.transferredOn,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Hands a household over to another site (any existing, open one). Only a site lead of the current site
 * may do it; afterwards the old site no longer sees the household, the new one does. The site that
 * registered the household stays recorded (statistics count it there).
 */
export async function transferHousehold(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: CreateTransferBody,
) {
  // 404 before 403: another site's users learn nothing about the household
  const current = await findHouseholdInScope(db, scope, householdId);
  if (!ctx.role || !can(ctx.role, 'household.transfer')) throw new AppError('FORBIDDEN');
  const [target] = await db.select().from(sites).where(eq(sites.id, body.toSiteId));
  if (!target) throw fieldError('unknownSite', 'toSiteId');
  if (target.closedOn && target.closedOn <= body.transferredOn) {
    throw fieldError('siteClosed', 'toSiteId');
  }
  if (target.id === current.siteId) {
    throw fieldError('alreadyResponsibleSite', 'toSiteId');
  }
  if (body.transferredOn < current.registeredOn) {
    throw fieldError('beforeRegistration', 'transferredOn');
  }
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    if (h.siteId === target.id) {
      throw fieldError('alreadyResponsibleSite', 'toSiteId');
    }
    const [row] = await tx
      .insert(transfers)
      .values({
        householdId,
        fromSiteId: h.siteId,
        toSiteId: target.id,
        transferredOn: body.transferredOn,
        note: body.note ?? null,
        createdBy: scope.userId,
      })
      .returning();
    await tx
      .update(households)
      .set({ siteId: target.id, updatedAt: new Date() })
      .where(eq(households.id, householdId));
    await moveOpenFollowUps(tx, householdId, target.id);
    await moveFutureAppointments(tx, householdId, target.id, body.transferredOn);
    // one entry for each site's audit view
    for (const siteId of [h.siteId, target.id]) {
      await audit(tx, ctx, {
        action: 'household.transferred',
        entityType: 'household',
        entityId: householdId,
        siteId,
        fields: ['siteId', ...(body.note ? ['note'] : [])],
      });
    }
    return presentTransfer(row);
  });
}

/** The history of responsible sites, oldest first. */
export async function listTransfers(db: Db, ctx: ActorContext, scope: Scope, householdId: string) {
  const h = await findHouseholdInScope(db, scope, householdId);
  const rows = await db
    .select()
    .from(transfers)
    .where(eq(transfers.householdId, householdId))
    .orderBy(asc(transfers.transferredOn), asc(transfers.createdAt));
  await auditRead(db, ctx, 'transfer', householdId, h.siteId);
  return rows.map(presentTransfer);
}
