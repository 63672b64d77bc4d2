import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Consent, createConsentBody } from '../../../shared/schemas/casework.js';
import { consents } from '../../db/schema/index.js';
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
import { assertLanguage, assertMember } from '../casework/checks.js';
import { findHouseholdInScope, lockHouseholdInScope } from '../households/repository.js';
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

export async function createConsent(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: CreateConsentBody,
) {
  await findHouseholdInScope(db, scope, householdId);
  assertLanguage(body.noticeLanguage, 'noticeLanguage');
  await assertCodes(
    db,
    body.sharingOrganisationCodes.map((code, i) => ({
      list: 'organisations' as const,
      code,
      path: `sharingOrganisationCodes.${i}`,
    })),
  );
  await assertMember(db, householdId, body.givenByPersonId, 'givenByPersonId');
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    const [row] = await tx
      .insert(consents)
      .values({
        householdId,
        givenOn: body.givenOn,
        givenByPersonId: body.givenByPersonId ?? null,
        processing: body.processing,
        contactByPhone: body.contactByPhone,
        sharingOrganisationCodes: [...new Set(body.sharingOrganisationCodes)],
        noticeLanguage: body.noticeLanguage ?? null,
        noticeVersion: body.noticeVersion ?? null,
        createdBy: scope.userId,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'consent.created',
      entityType: 'consent',
      entityId: row.id,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentConsent(row);
  });
}

/** The household's consent records, newest first (withdrawn ones stay on record). */
export async function listConsents(db: Db, ctx: ActorContext, scope: Scope, householdId: string) {
  const h = await findHouseholdInScope(db, scope, householdId);
  const rows = await db
    .select()
    .from(consents)
    .where(eq(consents.householdId, householdId))
    .orderBy(desc(consents.givenOn), desc(consents.createdAt), desc(consents.id));
  await auditRead(db, ctx, 'consent', householdId, h.siteId);
  return rows.map(presentConsent);
}

export async function withdrawConsent(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  consentId: string,
  body: { withdrawnOn: string },
) {
  await findHouseholdInScope(db, scope, householdId);
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
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
    await audit(tx, ctx, {
      action: 'consent.withdrawn',
      entityType: 'consent',
      entityId: consentId,
      siteId: h.siteId,
      fields: ['withdrawnOn'],
    });
    return presentConsent(row);
  });
}
