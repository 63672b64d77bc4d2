import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Consent, createConsentBody } from '../../../shared/schemas/casework.js';
import { consents } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertLanguage, assertMember } from '../casework/checks.js';
import { auditCase, caseList, insertCaseRecord } from '../casework/record.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { assertCodes } from '../reference/validate.js';

type CreateConsentBody = z.infer<typeof createConsentBody>;

function presentConsent(row: typeof consents.$inferSelect): Consent {
  return {
    id: row.id,
    householdId: row.householdId,
    givenOn: row.givenOn,
    givenByPersonId: row.givenByPersonId,
    processing: row.processing,
    contactByPhone: row.contactByPhone,
    volunteerContact: row.volunteerContact,
    sharingOrganisationCodes: row.sharingOrganisationCodes,
    noticeLanguage: row.noticeLanguage,
    noticeVersion: row.noticeVersion,
    withdrawnOn: row.withdrawnOn,
    createdAt: row.createdAt.toISOString(),
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

export function createConsent(req: CaseRequest, householdId: string, body: CreateConsentBody) {
  return caseWrite(req, householdId, async (tx, h) => {
    assertLanguage(body.noticeLanguage, 'noticeLanguage');
    await assertCodes(
      tx,
      body.sharingOrganisationCodes.map((code, i) => ({
        list: 'organisations' as const,
        code,
        path: `sharingOrganisationCodes.${i}`,
      })),
    );
    await assertMember(tx, householdId, body.givenByPersonId, 'givenByPersonId');
    const values = { ...body, sharingOrganisationCodes: [...new Set(body.sharingOrganisationCodes)] };
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
