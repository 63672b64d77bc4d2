import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { can } from '../../../shared/permissions.js';
import type { createTransferBody, Transfer } from '../../../shared/schemas/casework.js';
import { households, sites, transfers } from '../../db/schema/index.js';
import { audit } from '../../platform/audit.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { moveFutureAppointments } from '../appointments/service.js';
import { caseList } from '../casework/record.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { moveOpenFollowUps } from '../followups/service.js';

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
 * Hands a household over to another site (any existing, open one). Only a user of the current site
 * holding `household.transfer` (site leads) may do it; afterwards the old site no longer sees the household, the new one does. The site that
 * registered the household stays recorded (statistics count it there).
 */
export function transferHousehold(req: CaseRequest, householdId: string, body: CreateTransferBody) {
  const { ctx } = req;
  // 404 before 403: another site's users learn nothing about the household (the pipeline looks first)
  return caseWrite(req, householdId, async (tx, h) => {
    if (!ctx.role || !can(ctx.role, 'household.transfer')) throw new AppError('FORBIDDEN');
    const [target] = await tx.select().from(sites).where(eq(sites.id, body.toSiteId));
    if (!target) throw fieldError('unknownSite', 'toSiteId');
    if (target.closedOn && target.closedOn <= body.transferredOn) {
      throw fieldError('siteClosed', 'toSiteId');
    }
    if (target.id === h.siteId) {
      throw fieldError('alreadyResponsibleSite', 'toSiteId');
    }
    if (body.transferredOn < h.registeredOn) {
      throw fieldError('beforeRegistration', 'transferredOn');
    }
    const [row] = await tx
      .insert(transfers)
      .values({
        householdId,
        fromSiteId: h.siteId,
        toSiteId: target.id,
        transferredOn: body.transferredOn,
        note: body.note ?? null,
        createdBy: req.scope.userId,
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
export const listTransfers = caseList(
  'transfer',
  transfers,
  [asc(transfers.transferredOn), asc(transfers.createdAt)],
  presentTransfer,
);
