import { z } from 'zod';
import { isoDate, paged, pageQuery, pastDate, uuid } from './common.js';

export const reason = z.object({
  lifeArea: z.string().min(1).max(60),
  supportKind: z.string().min(1).max(60),
});

const contactFields = {
  date: pastDate('contactInFuture'),
  contactType: z.string().min(1).max(60),
  durationMinutes: z
    .number()
    .int()
    .min(1, 'contactDurationRange')
    .max(24 * 60, 'contactDurationRange')
    .nullable()
    .optional(),
  mediationLanguage: z.string().min(2).max(8).nullable().optional(),
  mediatorName: z.string().trim().max(120).nullable().optional(),
  reasons: z
    .array(reason)
    .min(1)
    .max(20)
    .refine(
      (rs) => new Set(rs.map((r) => `${r.lifeArea}|${r.supportKind}`)).size === rs.length,
      'duplicateReason',
    ),
  note: z.string().trim().max(2000).nullable().optional(),
  siteId: uuid.optional(),
};

export const createContactBody = z.object({ ...contactFields, memberIds: z.array(uuid).max(30).optional() });
export type CreateContactBody = z.infer<typeof createContactBody>;

/** One-off advice without registering a household; counted as other advice seekers. */
export const createAnonymousContactBody = z.object(contactFields);

export const contact = z.object({
  id: uuid,
  householdId: uuid.nullable(),
  siteId: uuid,
  staffUserId: uuid.nullable(),
  staffName: z.string().nullable(),
  date: isoDate,
  contactType: z.string(),
  durationMinutes: z.number().int().nullable(),
  memberIds: z.array(uuid),
  mediationLanguage: z.string().nullable(),
  mediatorName: z.string().nullable(),
  /** the pool's mediator when the contact was logged for a booked mediation */
  mediatorId: uuid.nullable(),
  note: z.string().nullable(),
  reasons: z.array(reason),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contact>;
export const contactList = paged(contact);
export const listContactsQuery = pageQuery.extend({ from: isoDate.optional(), to: isoDate.optional() });
