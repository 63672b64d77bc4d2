import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PersonInput, updatePersonBody } from '../../../shared/schemas/households.js';
import { households, persons } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import { type ActorContext, audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { assertCodes } from '../reference/validate.js';
import { nameKey } from './name-key.js';
import { presentPerson } from './presenter.js';
import { findHouseholdInScope, lockHouseholdInScope } from './repository.js';
import { personValues } from './service.js';
import { personCodeChecks } from './validate.js';

export async function addMember(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: PersonInput,
) {
  await findHouseholdInScope(db, scope, householdId);
  await assertCodes(db, personCodeChecks(body, ''));
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
    const [row] = await tx.insert(persons).values(personValues(body, householdId)).returning();
    await tx.update(households).set({ updatedAt: new Date() }).where(eq(households.id, householdId));
    await audit(tx, ctx, {
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

export async function updateMember(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  personId: string,
  body: z.infer<typeof updatePersonBody>,
) {
  await findHouseholdInScope(db, scope, householdId);
  const current = await findMember(db, householdId, personId);
  await assertCodes(db, personCodeChecks(body, ''));
  const birthDate = body.birthDate === undefined ? current.birthDate : body.birthDate;
  const birthYear = body.birthYear === undefined ? current.birthYear : body.birthYear;
  if (birthDate && birthYear && Number(birthDate.slice(0, 4)) !== birthYear) {
    throw fieldError('birthYearMismatch', 'birthYear');
  }
  return writeTransaction(db, async (tx) => {
    const h = await lockHouseholdInScope(tx, scope, householdId);
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
    await audit(tx, ctx, {
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
export async function moveMember(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  personId: string,
  body: { toHouseholdId: string; movedOn: string },
) {
  if (body.toHouseholdId === householdId) {
    throw fieldError('sameHousehold', 'toHouseholdId');
  }
  await findHouseholdInScope(db, scope, householdId);
  await findMember(db, householdId, personId);
  await findHouseholdInScope(db, scope, body.toHouseholdId).catch(() => {
    throw fieldError('unknownHousehold', 'toHouseholdId');
  });
  return writeTransaction(db, async (tx) => {
    const from = await lockHouseholdInScope(tx, scope, householdId);
    const to = await lockHouseholdInScope(tx, scope, body.toHouseholdId);
    const [row] = await tx
      .update(persons)
      .set({ householdId: to.id, leftOn: null })
      .where(eq(persons.id, personId))
      .returning();
    for (const h of [from, to]) {
      await audit(tx, ctx, {
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
