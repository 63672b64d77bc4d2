import { and, count, desc, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Contact,
  CreateContactBody,
  createAnonymousContactBody,
  listContactsQuery,
} from '../../../shared/schemas/contacts.js';
import { contactReasons, contacts, followUps, persons, users } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';
import {
  type ActorContext,
  type AuditTx,
  audit,
  auditAccess,
  changedFields,
  writeTransaction,
} from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { findHouseholdInScope } from '../households/repository.js';
import { assertLanguage } from '../households/validate.js';
import { assertCodes } from '../reference/validate.js';

/** The contact type code of a welcome visit (Willkommensbesuch) in the reference list. */
export const welcomeVisitContactType = 'willkommensbesuch';

type AnonymousBody = z.infer<typeof createAnonymousContactBody>;

async function assertContactCodes(db: Db, body: AnonymousBody) {
  assertLanguage(body.mediationLanguage, 'mediationLanguage');
  await assertCodes(db, [
    { list: 'contact-types', code: body.contactType, path: 'contactType' },
    ...body.reasons.flatMap((r, i) => [
      { list: 'life-areas' as const, code: r.lifeArea, path: `reasons.${i}.lifeArea` },
      { list: 'support-kinds' as const, code: r.supportKind, path: `reasons.${i}.supportKind` },
    ]),
  ]);
}

async function insertContact(
  tx: AuditTx,
  ctx: ActorContext,
  scope: Scope,
  body: AnonymousBody & { memberIds?: string[] },
  target: { householdId: string | null; siteId: string; category: string },
) {
  const [row] = await tx
    .insert(contacts)
    .values({
      householdId: target.householdId,
      siteId: target.siteId,
      staffUserId: scope.userId,
      date: body.date,
      contactType: body.contactType,
      durationMinutes: body.durationMinutes ?? null,
      memberIds: body.memberIds ?? [],
      mediationLanguage: body.mediationLanguage ?? null,
      mediatorName: body.mediatorName ?? null,
      note: body.note ?? null,
      category: target.category,
    })
    .returning();
  await tx.insert(contactReasons).values(body.reasons.map((r) => ({ contactId: row.id, ...r })));
  if (target.householdId && body.contactType === welcomeVisitContactType) {
    // The visit is done: its follow-up leaves the lists.
    await tx
      .update(followUps)
      .set({ doneAt: new Date() })
      .where(
        and(
          eq(followUps.householdId, target.householdId),
          eq(followUps.kind, 'welcomeVisit'),
          isNull(followUps.doneAt),
        ),
      );
  }
  await audit(tx, ctx, {
    action: 'contact.created',
    entityType: 'contact',
    entityId: row.id,
    siteId: target.siteId,
    fields: changedFields(body),
  });
  return { ...row, reasons: body.reasons };
}

export async function createContact(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  body: CreateContactBody,
) {
  const household = await findHouseholdInScope(db, scope, householdId);
  const siteId = body.siteId ?? household.siteId;
  if (!inScope(scope, siteId)) throw fieldError('notYourSite', 'siteId');
  await assertContactCodes(db, body);
  if (body.memberIds?.length) {
    const members = await db
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.householdId, householdId), inArray(persons.id, body.memberIds)));
    const known = new Set(members.map((m) => m.id));
    const bad = body.memberIds.findIndex((id) => !known.has(id));
    if (bad >= 0) throw fieldError('notMember', `memberIds.${bad}`);
  }
  const row = await writeTransaction(db, (tx) =>
    insertContact(tx, ctx, scope, body, { householdId, siteId, category: household.category }),
  );
  return presentContact(row, null);
}

/** One-off advice without a household; statistics count it as other advice seekers. */
export async function createAnonymousContact(db: Db, ctx: ActorContext, scope: Scope, body: AnonymousBody) {
  const siteId = body.siteId ?? scope.siteIds[0];
  if (!siteId || !inScope(scope, siteId)) {
    throw fieldError('notYourSite', 'siteId');
  }
  await assertContactCodes(db, body);
  const row = await writeTransaction(db, (tx) =>
    insertContact(tx, ctx, scope, body, { householdId: null, siteId, category: 'other' }),
  );
  return presentContact(row, null);
}

function presentContact(
  row: typeof contacts.$inferSelect & { reasons: { lifeArea: string; supportKind: string }[] },
  staffName: string | null,
): Contact {
  return {
    id: row.id,
    householdId: row.householdId,
    siteId: row.siteId,
    staffUserId: row.staffUserId,
    staffName,
    date: row.date,
    contactType: row.contactType,
    durationMinutes: row.durationMinutes,
    memberIds: row.memberIds,
    mediationLanguage: row.mediationLanguage,
    mediatorName: row.mediatorName,
    note: row.note,
    reasons: row.reasons,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listContacts(
  db: Db,
  ctx: ActorContext,
  scope: Scope,
  householdId: string,
  q: z.infer<typeof listContactsQuery>,
) {
  const household = await findHouseholdInScope(db, scope, householdId);
  const filters: SQL[] = [eq(contacts.householdId, householdId)];
  if (q.from) filters.push(gte(contacts.date, q.from));
  if (q.to) filters.push(lte(contacts.date, q.to));
  const where = and(...filters);
  const rows = await db
    .select({ contact: contacts, staffName: users.displayName })
    .from(contacts)
    .leftJoin(users, eq(users.id, contacts.staffUserId))
    .where(where)
    .orderBy(desc(contacts.date), desc(contacts.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const ids = rows.map((r) => r.contact.id);
  const reasons = ids.length
    ? await db.select().from(contactReasons).where(inArray(contactReasons.contactId, ids))
    : [];
  const [{ total }] = await db.select({ total: count() }).from(contacts).where(where);
  await auditAccess(db, ctx, {
    action: 'record.read',
    entityType: 'contact',
    entityId: householdId,
    siteId: household.siteId,
  });
  return {
    items: rows.map((r) =>
      presentContact(
        {
          ...r.contact,
          reasons: reasons
            .filter((x) => x.contactId === r.contact.id)
            .map((x) => ({ lifeArea: x.lifeArea, supportKind: x.supportKind })),
        },
        r.staffName,
      ),
    ),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
