import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createReferralBody, Referral } from '../../../shared/schemas/casework.js';
import type { correctReferralBody } from '../../../shared/schemas/corrections.js';
import { offers, referrals } from '../../db/schema/index.js';
import { type AuditTx, changedFields } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { sameColumns } from '../../platform/present.js';
import { assertMember } from '../casework/checks.js';
import { authoredBy, type CorrectionRequest, correctRecord, removeRecord } from '../casework/correction.js';
import { auditCase, caseList, caseRecordFields, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { hasSharingConsent } from '../consent/service.js';
import { assertCodes } from '../reference/validate.js';

type CreateReferralBody = z.infer<typeof createReferralBody>;
type CorrectReferralBody = z.infer<typeof correctReferralBody>;

function presentReferral(row: typeof referrals.$inferSelect): Referral {
  return {
    ...caseRecordFields(row),
    ...sameColumns(row, ['personId', 'date', 'organisation', 'lifeArea', 'offerId', 'sharesData', 'outcome']),
    status: row.status as Referral['status'],
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

const referralSpec = authoredBy('referral', referrals);
/** What anyone on the case may change; any other field is a correction (author's window, or site lead). */
const followUpFields = new Set(['status', 'outcome', 'sharesData']);

/**
 * Status, outcome, sharing — and, as a correction, the other fields. The consent is checked again when
 * sharing is switched on, when a sharing referral is sent or goes to another organisation — a consent
 * withdrawn in between stops the data from going out.
 */
export function updateReferral(
  req: CorrectionRequest,
  householdId: string,
  referralId: string,
  body: CorrectReferralBody,
) {
  const fields = changedFields(body);
  const write = async (tx: AuditTx, current: typeof referrals.$inferSelect) => {
    await assertCodes(tx, [
      ...(body.organisation
        ? [{ list: 'organisations' as const, code: body.organisation, path: 'organisation' }]
        : []),
      ...(body.lifeArea ? [{ list: 'life-areas' as const, code: body.lifeArea, path: 'lifeArea' }] : []),
    ]);
    await assertMember(tx, householdId, body.personId, 'personId');
    if (body.offerId) await assertOffer(tx, body.offerId);
    const sharesData = body.sharesData ?? current.sharesData;
    const organisation = body.organisation ?? current.organisation;
    const sending = body.status === 'sent' && current.status !== 'sent';
    const newRecipient = organisation !== current.organisation;
    if (sharesData && (body.sharesData === true || sending || newRecipient)) {
      await assertSharingConsent(tx, householdId, organisation);
    }
    const [row] = await tx
      .update(referrals)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(referrals.id, referralId))
      .returning();
    return presentReferral(row);
  };
  if (fields.some((f) => !followUpFields.has(f))) {
    return correctRecord(req, householdId, referralId, referralSpec, fields, write);
  }
  return caseWrite(req, householdId, async (tx, h) => {
    const [current] = await tx
      .select()
      .from(referrals)
      .where(and(eq(referrals.id, referralId), eq(referrals.householdId, householdId)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND');
    const result = await write(tx, current);
    await auditCase(tx, req, 'referral.updated', 'referral', referralId, h.siteId, fields);
    return result;
  });
}

export function removeReferral(req: CorrectionRequest, householdId: string, id: string, reason: string) {
  return removeRecord(req, householdId, id, referralSpec, reason);
}
