import { and, count, desc, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Contact,
  CreateContactBody,
  createAnonymousContactBody,
  listContactsQuery,
} from '../../../shared/schemas/contacts.js';
import { contactReasons, contacts, followUps, persons, users } from '../../db/schema/index.js';
import { inScope } from '../../platform/access.js';
import { type AuditTx, audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import { assertLanguage } from '../casework/checks.js';
import { type CaseRequest, caseRead, caseWrite } from '../casework/write.js';
import { bookingForContact } from '../mediators/service.js';
import { assertCodes } from '../reference/validate.js';

/** The contact type code of a welcome visit (Willkommensbesuch) in the reference list. */
export const welcomeVisitContactType = 'willkommensbesuch';

type AnonymousBody = z.infer<typeof createAnonymousContactBody>;

/** The codes of a contact (or of a correction's fields: what is left out is not checked). */
export async function assertContactCodes(
  db: Db,
  body: Partial<Pick<AnonymousBody, 'contactType' | 'reasons' | 'mediationLanguage'>>,
) {
  assertLanguage(body.mediationLanguage, 'mediationLanguage');
  await assertCodes(db, [
    ...(body.contactType
      ? [{ list: 'contact-types' as const, code: body.contactType, path: 'contactType' }]
      : []),
    ...(body.reasons ?? []).flatMap((r, i) => [
      { list: 'life-areas' as const, code: r.lifeArea, path: `reasons.${i}.lifeArea` },
      { list: 'support-kinds' as const, code: r.supportKind, path: `reasons.${i}.supportKind` },
    ]),
  ]);
}

/** Inserts the contact with its reasons, audited; the acting user is its staff member. */
async function insertContact(
  tx: AuditTx,
  req: CaseRequest,
  body: AnonymousBody & { memberIds?: string[] },
  target: { householdId: string | null; siteId: string; category: string; mediatorId?: string | null },
) {
  const [row] = await tx
    .insert(contacts)
    .values({
      householdId: target.householdId,
      siteId: target.siteId,
      staffUserId: req.scope.userId,
      date: body.date,
      contactType: body.contactType,
      durationMinutes: body.durationMinutes ?? null,
      memberIds: body.memberIds ?? [],
      mediationLanguage: body.mediationLanguage ?? null,
      mediatorName: body.mediatorName ?? null,
      mediatorId: target.mediatorId ?? null,
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
  await audit(tx, req.ctx, {
    action: 'contact.created',
    entityType: 'contact',
    entityId: row.id,
    siteId: target.siteId,
    fields: changedFields(body),
  });
  const [staff] = await tx
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, req.scope.userId));
  return presentContact({ ...row, reasons: body.reasons }, staff?.name ?? null);
}

/** The members a contact names must be members of its household; the 400 names the list entry. */
export async function assertContactMembers(tx: Db, householdId: string, memberIds: string[] | undefined) {
  if (!memberIds?.length) return;
  const members = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.householdId, householdId), inArray(persons.id, memberIds)));
  const known = new Set(members.map((m) => m.id));
  const bad = memberIds.findIndex((id) => !known.has(id));
  if (bad >= 0) throw fieldError('notMember', `memberIds.${bad}`);
}

export function createContact(req: CaseRequest, householdId: string, body: CreateContactBody) {
  return caseWrite(req, householdId, async (tx, household) => {
    const siteId = body.siteId ?? household.siteId;
    if (!inScope(req.scope, siteId)) throw fieldError('notYourSite', 'siteId');
    await assertContactCodes(tx, body);
    await assertContactMembers(tx, householdId, body.memberIds);
    // a contact on the day of a booked mediation carries its language and mediator, unless given
    const booked =
      body.mediationLanguage || body.mediatorName
        ? null
        : await bookingForContact(tx, { householdId, date: body.date });
    const withMediation = booked
      ? { ...body, mediationLanguage: booked.language, mediatorName: booked.mediatorName }
      : body;
    return insertContact(tx, req, withMediation, {
      householdId,
      siteId,
      category: household.category,
      mediatorId: booked?.mediatorId ?? null,
    });
  });
}

/** One-off advice without a household; statistics count it as other advice seekers. */
export async function createAnonymousContact(req: CaseRequest, body: AnonymousBody) {
  const siteId = body.siteId ?? req.scope.siteIds[0];
  if (!siteId || !inScope(req.scope, siteId)) {
    throw fieldError('notYourSite', 'siteId');
  }
  await assertContactCodes(req.db, body);
  return writeTransaction(req.db, (tx) =>
    insertContact(tx, req, body, { householdId: null, siteId, category: 'other' }),
  );
}

export function presentContact(
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
    mediatorId: row.mediatorId,
    note: row.note,
    reasons: row.reasons,
    createdAt: row.createdAt.toISOString(),
  };
}

export function listContacts(req: CaseRequest, householdId: string, q: z.infer<typeof listContactsQuery>) {
  const { db } = req;
  return caseRead(req, householdId, 'contact', async () => {
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
    const reasonsOf = (id: string) =>
      reasons
        .filter((x) => x.contactId === id)
        .map((x) => ({ lifeArea: x.lifeArea, supportKind: x.supportKind }));
    return {
      items: rows.map((r) => presentContact({ ...r.contact, reasons: reasonsOf(r.contact.id) }, r.staffName)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
