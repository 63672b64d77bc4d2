import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createReferralBody, Referral, updateReferralBody } from '../../../shared/schemas/casework.js';
import { referrals } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import {
  type ActorContext,
  audit,
  auditRead,
  changedFields,
  writeTransaction,
} from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertMember } from '../casework/checks.js';
import { hasSharingConsent } from '../consent/service.js';
import { findHouseholdInScope, lockHouseholdInScope } from '../households/repository.js';
import { assertCodes } from '../reference/validate.js';

type CreateReferralBody = z.infer<typeof createReferralBody>;
type UpdateReferralBody = z.infer<typeof updateReferralBody>;

function presentReferral(row: typeof referrals.$inferSelect): Referral {
  return {
    id: row.id,
    householdId: row.householdId,
    personId: row.personId,
    date: row.date,
    organisation: row.organisation,
    lifeArea: row.lifeArea,
    status: row.status as Referral['status'],
    sharesData: row.sharesData,
    outcome: row.outcome,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Passing personal data on needs a consent in force for that recipient; otherwise nothing is written. */
async function assertSharingConsent(tx: Db, householdId: string, organisation: string) {
  if (!(await hasSharingConsent(tx, householdId, organisation))) {
    throw fieldError('noSharingConsent', 'sharesData', undefined, 'CONFLICT');
  }
}

export async function createReferral(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: CreateReferralBody,
) {
  await findHouseholdInScope(db, scope, householdId);
  await assertCodes(db, [
    { list: 'organisations', code: body.organisation, path: 'organisation' },
    { list: 'life-areas', code: body.lifeArea, path: 'lifeArea' },
  ]);
  await assertMember(db, householdId, body.personId, 'personId');
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    if (body.sharesData) await assertSharingConsent(tx, householdId, body.organisation);
    const [row] = await tx
      .insert(referrals)
      .values({
        householdId,
        personId: body.personId ?? null,
        date: body.date,
        organisation: body.organisation,
        lifeArea: body.lifeArea,
        status: body.status,
        sharesData: body.sharesData,
        outcome: body.outcome ?? null,
        createdBy: scope.userId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'referral.created',
      entityType: 'referral',
      entityId: row.id,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentReferral(row);
  });
}

/** The household's referrals, newest first. */
export async function listReferrals(db: Db, ctx: ActorContext, scope: Scope, householdId: string) {
  const h = await findHouseholdInScope(db, scope, householdId);
  const rows = await db
    .select()
    .from(referrals)
    .where(eq(referrals.householdId, householdId))
    .orderBy(desc(referrals.date), desc(referrals.createdAt), desc(referrals.id));
  await auditRead(db, ctx, 'referral', householdId, h.siteId);
  return rows.map(presentReferral);
}

/**
 * Status, outcome, sharing. The consent is checked again when sharing is switched on and when a
 * sharing referral is sent — a consent withdrawn in between stops the data from going out.
 */
export async function updateReferral(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  referralId: string,
  body: UpdateReferralBody,
) {
  await findHouseholdInScope(db, scope, householdId);
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    const [current] = await tx
      .select()
      .from(referrals)
      .where(and(eq(referrals.id, referralId), eq(referrals.householdId, householdId)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND');
    const sharesData = body.sharesData ?? current.sharesData;
    if (sharesData && (body.sharesData === true || (body.status === 'sent' && current.status !== 'sent'))) {
      await assertSharingConsent(tx, householdId, current.organisation);
    }
    const [row] = await tx
      .update(referrals)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(referrals.id, referralId))
      .returning();
    await audit(tx, ctx, {
      action: 'referral.updated',
      entityType: 'referral',
      entityId: referralId,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentReferral(row);
  });
}
