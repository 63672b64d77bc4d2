import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PersonInput, updatePersonBody } from '../../../shared/schemas/households.js';
import {
  casePlans,
  consents,
  contacts,
  households,
  needsAssessments,
  persons,
  referrals,
} from '../../db/schema/index.js';
import { audit, changedFields } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { type CorrectionRequest, type CorrectionSpec, removeRecord } from '../casework/correction.js';
import { type CaseRequest, caseWrite } from '../casework/write.js';
import { assertCodes } from '../reference/validate.js';
import { nameKey } from './name-key.js';
import { presentPerson } from './presenter.js';
import { lockHouseholdInScope } from './repository.js';
import { personValues } from './service.js';
import { personCodeChecks } from './validate.js';

export function addMember(req: CaseRequest, householdId: string, body: PersonInput) {
  return caseWrite(req, householdId, async (tx, h) => {
    await assertCodes(tx, personCodeChecks(body, ''));
    const [row] = await tx.insert(persons).values(personValues(body, householdId)).returning();
    await tx.update(households).set({ updatedAt: new Date() }).where(eq(households.id, householdId));
    await audit(tx, req.ctx, {
      action: 'person.created',
      entityType: 'person',
      entityId: row.id,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentPerson(row);
  });
}

async function findMember(db: Db, householdId: string, personId: string) {
  const [row] = await db
    .select()
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.householdId, householdId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export function updateMember(
  req: CaseRequest,
  householdId: string,
  personId: string,
  body: z.infer<typeof updatePersonBody>,
) {
  return caseWrite(req, householdId, async (tx, h) => {
    const current = await findMember(tx, householdId, personId);
    await assertCodes(tx, personCodeChecks(body, ''));
    const birthDate = body.birthDate === undefined ? current.birthDate : body.birthDate;
    const birthYear = body.birthYear === undefined ? current.birthYear : body.birthYear;
    if (birthDate && birthYear && Number(birthDate.slice(0, 4)) !== birthYear) {
      throw fieldError('birthYearMismatch', 'birthYear');
    }
    const [row] = await tx
      .update(persons)
      .set({
        ...body,
        ...(body.birthDate && body.birthYear === undefined
          ? { birthYear: Number(body.birthDate.slice(0, 4)) }
          : {}),
        ...(body.firstName ? { firstKey: nameKey(body.firstName) } : {}),
        ...(body.lastName ? { lastKey: nameKey(body.lastName) } : {}),
      })
      .where(eq(persons.id, personId))
      .returning();
    await audit(tx, req.ctx, {
      action: 'person.updated',
      entityType: 'person',
      entityId: personId,
      siteId: h.siteId,
      fields: changedFields(body),
    });
    return presentPerson(row);
  });
}

/** Moves a member into another household the user may see; both households' sites are audited. */
export function moveMember(
  req: CaseRequest,
  householdId: string,
  personId: string,
  body: { toHouseholdId: string; movedOn: string },
) {
  if (body.toHouseholdId === householdId) {
    return Promise.reject(fieldError('sameHousehold', 'toHouseholdId'));
  }
  return caseWrite(req, householdId, async (tx, from) => {
    await findMember(tx, householdId, personId);
    const to = await lockHouseholdInScope(tx, req.scope, body.toHouseholdId).catch(() => {
      throw fieldError('unknownHousehold', 'toHouseholdId');
    });
    const [row] = await tx
      .update(persons)
      .set({ householdId: to.id, leftOn: null })
      .where(eq(persons.id, personId))
      .returning();
    for (const h of [from, to]) {
      await audit(tx, req.ctx, {
        action: 'person.moved',
        entityType: 'person',
        entityId: personId,
        siteId: h.siteId,
        fields: ['householdId'],
      });
    }
    return presentPerson(row);
  });
}

/** A member's author is whoever registered the household; the person's own creation starts the window. */
const personSpec: CorrectionSpec<typeof persons> = {
  entity: 'person',
  table: persons,
  author: (row, household) => ({ authorId: household.createdBy, createdAt: row.createdAt }),
};

/**
 * Deletes a person recorded in error (Art. 17), with the reason. The contact person (head) and the last
 * member stay (409 naming `personId`); records that name the person keep their rows without the name.
 */
export function removeMember(req: CorrectionRequest, householdId: string, personId: string, reason: string) {
  return removeRecord(req, householdId, personId, personSpec, reason, async (tx, row) => {
    if (row.roleInHousehold === 'head') {
      throw fieldError('contactPersonNotDeleted', 'personId', undefined, 'CONFLICT');
    }
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(persons)
      .where(eq(persons.householdId, householdId));
    if (Number(n) <= 1) throw fieldError('lastMemberNotDeleted', 'personId', undefined, 'CONFLICT');
    await tx.update(needsAssessments).set({ personId: null }).where(eq(needsAssessments.personId, personId));
    await tx.update(referrals).set({ personId: null }).where(eq(referrals.personId, personId));
    await tx.update(casePlans).set({ personId: null }).where(eq(casePlans.personId, personId));
    await tx.update(consents).set({ givenByPersonId: null }).where(eq(consents.givenByPersonId, personId));
    await tx
      .update(contacts)
      .set({ memberIds: sql`array_remove(${contacts.memberIds}, ${personId}::uuid)` })
      .where(and(eq(contacts.householdId, householdId), sql`${personId}::uuid = ANY(${contacts.memberIds})`));
    await tx.update(households).set({ updatedAt: new Date() }).where(eq(households.id, householdId));
  });
}
