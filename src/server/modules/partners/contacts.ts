import { desc, eq } from 'drizzle-orm';
import { addDays, todayBerlin } from '../../../shared/dates.js';
import type { CreatePartnerContactBody, PartnerContact } from '../../../shared/schemas/network.js';
import { partnerContacts, partners, users } from '../../db/schema/index.js';
import { audit, changedFields, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { NetworkActor } from '../network/scope.js';
import { assertPlausibleDate } from '../network/validate.js';
import { writablePartner } from './service.js';

const columns = {
  row: partnerContacts,
  staffName: users.displayName,
};

function present(r: { row: typeof partnerContacts.$inferSelect; staffName: string | null }): PartnerContact {
  return {
    id: r.row.id,
    partnerId: r.row.partnerId,
    date: r.row.date,
    kind: r.row.kind as PartnerContact['kind'],
    note: r.row.note,
    staffUserId: r.row.staffUserId,
    staffName: r.staffName,
    createdAt: r.row.createdAt.toISOString(),
  };
}

/** The partner's dated contact history, newest first. */
export async function listPartnerContacts(db: Db, partnerId: string): Promise<PartnerContact[]> {
  const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw new AppError('NOT_FOUND');
  const rows = await db
    .select(columns)
    .from(partnerContacts)
    .leftJoin(users, eq(users.id, partnerContacts.staffUserId))
    .where(eq(partnerContacts.partnerId, partnerId))
    .orderBy(desc(partnerContacts.date), desc(partnerContacts.createdAt));
  return rows.map(present);
}

export async function addPartnerContact(
  actor: NetworkActor,
  partnerId: string,
  body: CreatePartnerContactBody,
): Promise<PartnerContact> {
  const partner = await writablePartner(actor.db, actor, partnerId);
  // a contact may be noted the evening after (Berlin vs. server clock); not weeks ahead
  assertPlausibleDate(body.date, 'date', addDays(todayBerlin(), 1));
  return writeTransaction(actor.db, async (tx) => {
    const [row] = await tx
      .insert(partnerContacts)
      .values({
        partnerId,
        date: body.date,
        kind: body.kind,
        note: body.note ?? null,
        staffUserId: actor.userId,
      })
      .returning();
    await tx.update(partners).set({ updatedAt: new Date() }).where(eq(partners.id, partnerId));
    await audit(tx, actor.ctx, {
      action: 'partner.contact_added',
      entityType: 'partnerContact',
      entityId: row.id,
      siteId: partner.siteId,
      fields: changedFields(body),
    });
    const [staff] = await tx
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, actor.userId));
    return present({ row, staffName: staff?.name ?? null });
  });
}
