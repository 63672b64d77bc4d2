import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { correctContactBody } from '../../../shared/schemas/corrections.js';
import { contactReasons, contacts, users } from '../../db/schema/index.js';
import { changedFields } from '../../platform/audit.js';
import {
  type CorrectionRequest,
  type CorrectionSpec,
  correctRecord,
  removeRecord,
} from '../casework/correction.js';
import { assertContactCodes, assertContactMembers, presentContact } from './service.js';

/** A contact's author is its staff member (the user who logged it). */
const contactSpec: CorrectionSpec<typeof contacts> = {
  entity: 'contact',
  table: contacts,
  author: (row) => ({ authorId: row.staffUserId, createdAt: row.createdAt }),
};

/** Corrects a contact; new reasons replace the old ones (the rollup triggers follow both statements). */
export function correctContact(
  req: CorrectionRequest,
  householdId: string,
  contactId: string,
  body: z.infer<typeof correctContactBody>,
) {
  const fields = changedFields(body);
  return correctRecord(req, householdId, contactId, contactSpec, fields, async (tx) => {
    await assertContactCodes(tx, body);
    await assertContactMembers(tx, householdId, body.memberIds);
    const { reasons, ...columns } = body;
    const [row] = Object.values(columns).some((v) => v !== undefined)
      ? await tx.update(contacts).set(columns).where(eq(contacts.id, contactId)).returning()
      : await tx.select().from(contacts).where(eq(contacts.id, contactId));
    if (reasons) {
      await tx.delete(contactReasons).where(eq(contactReasons.contactId, contactId));
      await tx.insert(contactReasons).values(reasons.map((r) => ({ contactId, ...r })));
    }
    const current = await tx
      .select({ lifeArea: contactReasons.lifeArea, supportKind: contactReasons.supportKind })
      .from(contactReasons)
      .where(eq(contactReasons.contactId, contactId));
    const [staff] = row.staffUserId
      ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.staffUserId))
      : [];
    return presentContact({ ...row, reasons: current }, staff?.name ?? null);
  });
}

/** Deletes a wrongly recorded contact with its reasons (cascade); the reason is kept. */
export function removeContact(
  req: CorrectionRequest,
  householdId: string,
  contactId: string,
  reason: string,
) {
  return removeRecord(req, householdId, contactId, contactSpec, reason);
}
