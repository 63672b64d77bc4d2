import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Consent, createConsentBody } from '../../../shared/schemas/casework.js';
import type { correctConsentBody } from '../../../shared/schemas/corrections.js';
import { consents } from '../../db/schema/index.js';
import { changedFields } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { sameColumns } from '../../platform/present.js';
import { assertLanguage, assertMember } from '../casework/checks.js';
import { authoredBy, type CorrectionRequest, correctRecord, removeRecord } from '../casework/correction.js';
import { auditCase, caseList, caseRecordFields, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { noticeForConsent } from '../privacy-notices/service.js';
import { assertCodes } from '../reference/validate.js';

type CreateConsentBody = z.infer<typeof createConsentBody>;

function presentConsent(row: typeof consents.$inferSelect): Consent {
  return {
    ...caseRecordFields(row),
    ...sameColumns(row, [
      'givenOn',
      'givenByPersonId',
      'processing',
      'contactByPhone',
      'volunteerContact',
      'sharingOrganisationCodes',
      'noticeLanguage',
      'noticeVersion',
      'privacyNoticeId',
      'withdrawnOn',
    ]),
  };
}

/**
 * Whether the household has a consent in force (not withdrawn) to share data with the organisation.
 * Call it inside the transaction that holds the household lock: withdrawing takes the same lock.
 */
export async function hasSharingConsent(tx: Db, householdId: string, organisation: string) {
  const [row] = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.householdId, householdId),
        isNull(consents.withdrawnOn),
        sql`${organisation} = ANY(${consents.sharingOrganisationCodes})`,
      ),
    )
    .limit(1);
  return !!row;
}

/** The notice language, the recipients and the member of a consent (or of a correction's fields). */
async function assertConsent(tx: Db, householdId: string, body: Partial<CreateConsentBody>) {
  assertLanguage(body.noticeLanguage, 'noticeLanguage');
  await assertCodes(
    tx,
    (body.sharingOrganisationCodes ?? []).map((code, i) => ({
      list: 'organisations' as const,
      code,
      path: `sharingOrganisationCodes.${i}`,
    })),
  );
  await assertMember(tx, householdId, body.givenByPersonId, 'givenByPersonId');
}

export function createConsent(req: CaseRequest, householdId: string, body: CreateConsentBody) {
  return caseWrite(req, householdId, async (tx, h) => {
    await assertConsent(tx, householdId, body);
    const notice = await noticeForConsent(tx, body.privacyNoticeId);
    const sharingOrganisationCodes = [...new Set(body.sharingOrganisationCodes)];
    const values = { ...body, ...notice, sharingOrganisationCodes };
    return presentConsent(await insertCaseRecord(tx, req, h, consents, 'consent', values, body));
  });
}

/** The household's consent records, newest first (withdrawn ones stay on record). */
export const listConsents = caseList(
  'consent',
  consents,
  [desc(consents.givenOn), desc(consents.createdAt), desc(consents.id)],
  presentConsent,
);

export function withdrawConsent(
  req: CaseRequest,
  householdId: string,
  consentId: string,
  body: { withdrawnOn: string },
) {
  return caseWrite(req, householdId, async (tx, h) => {
    const [current] = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.id, consentId), eq(consents.householdId, householdId)));
    if (!current) throw new AppError('NOT_FOUND');
    if (current.withdrawnOn) {
      throw fieldError('alreadyWithdrawn', 'withdrawnOn', undefined, 'CONFLICT');
    }
    if (body.withdrawnOn < current.givenOn) {
      throw fieldError('beforeConsentGiven', 'withdrawnOn');
    }
    const [row] = await tx
      .update(consents)
      .set({ withdrawnOn: body.withdrawnOn })
      .where(eq(consents.id, consentId))
      .returning();
    await auditCase(tx, req, 'consent.withdrawn', 'consent', consentId, h.siteId, ['withdrawnOn']);
    return presentConsent(row);
  });
}

const consentSpec = authoredBy('consent', consents);

/**
 * Corrects a wrongly recorded consent (a wrong date, recipient, notice). A consent that ends is withdrawn
 * (`…/withdraw`), not corrected; the withdrawal date stays and may not come before the date given.
 */
export function correctConsent(
  req: CorrectionRequest,
  householdId: string,
  consentId: string,
  body: z.infer<typeof correctConsentBody>,
) {
  return correctRecord(req, householdId, consentId, consentSpec, changedFields(body), async (tx, current) => {
    await assertConsent(tx, householdId, body);
    if (body.givenOn && current.withdrawnOn && current.withdrawnOn < body.givenOn) {
      throw fieldError('beforeConsentGiven', 'givenOn');
    }
    const values = body.sharingOrganisationCodes
      ? { ...body, sharingOrganisationCodes: [...new Set(body.sharingOrganisationCodes)] }
      : body;
    const [row] = await tx.update(consents).set(values).where(eq(consents.id, consentId)).returning();
    return presentConsent(row);
  });
}

/** Deletes a consent that was recorded in error (not one that ended: that is withdrawn). */
export function removeConsent(req: CorrectionRequest, householdId: string, id: string, reason: string) {
  return removeRecord(req, householdId, id, consentSpec, reason);
}
