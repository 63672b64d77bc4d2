import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createReferralBody, Referral, updateReferralBody } from '../../../shared/schemas/casework.js';
import { offers, referrals } from '../../db/schema/index.js';
import { changedFields } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertMember } from '../casework/checks.js';
import { auditCase, caseList, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { hasSharingConsent } from '../consent/service.js';
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
    offerId: row.offerId,
    status: row.status as Referral['status'],
    sharesData: row.sharesData,
    outcome: row.outcome,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The offers directory is city-wide: any existing offer may be referred to. */
async function assertOffer(tx: Db, offerId: string) {
  const [row] = await tx.select({ id: offers.id }).from(offers).where(eq(offers.id, offerId));
  if (!row) throw fieldError('unknownOffer', 'offerId');
}

/** Passing personal data on needs a consent in force for that recipient; otherwise nothing is written. */
async function assertSharingConsent(tx: Db, householdId: string, organisation: string) {
  if (!(await hasSharingConsent(tx, householdId, organisation))) {
    throw fieldError('noSharingConsent', 'sharesData', undefined, 'CONFLICT');
  }
}

export function createReferral(req: CaseRequest, householdId: string, body: CreateReferralBody) {
  return caseWrite(req, householdId, async (tx, h) => {
    await assertCodes(tx, [
      { list: 'organisations', code: body.organisation, path: 'organisation' },
      { list: 'life-areas', code: body.lifeArea, path: 'lifeArea' },
    ]);
    await assertMember(tx, householdId, body.personId, 'personId');
    if (body.offerId) await assertOffer(tx, body.offerId);
    if (body.sharesData) await assertSharingConsent(tx, householdId, body.organisation);
    return presentReferral(await insertCaseRecord(tx, req, h, referrals, 'referral', body, body));
  });
}

/** The household's referrals, newest first. */
export const listReferrals = caseList(
  'referral',
  referrals,
  [desc(referrals.date), desc(referrals.createdAt), desc(referrals.id)],
  presentReferral,
);

/**
 * Status, outcome, sharing. The consent is checked again when sharing is switched on and when a
 * sharing referral is sent — a consent withdrawn in between stops the data from going out.
 */
export function updateReferral(
  req: CaseRequest,
  householdId: string,
  referralId: string,
  body: UpdateReferralBody,
) {
  return caseWrite(req, householdId, async (tx, h) => {
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
    await auditCase(tx, req, 'referral.updated', 'referral', referralId, h.siteId, changedFields(body));
    return presentReferral(row);
  });
}
