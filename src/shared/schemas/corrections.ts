import { z } from 'zod';
import { createAppointmentBody, createConsentBody, createNeedBody, createReferralBody } from './casework.js';
import { nonEmptyPatch, uuid } from './common.js';
import { createContactBody } from './contacts.js';

/**
 * A correction (Art. 16) of a case record: any field of its create body, none required and no default
 * filled in (a field left out stays as it is), at least one given.
 */
export function correctionOf<T extends z.ZodObject>(schema: T) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.removeDefault() : v]),
  );
  return nonEmptyPatch(z.object(shape).partial()) as unknown as z.ZodType<
    Partial<z.output<T>>,
    Partial<z.input<T>>
  >;
}

/** Why a record is deleted (Art. 17) or a household restricted (Art. 18): required, kept with the record. */
export const correctionReason = z.string().trim().min(3).max(500);
export const removeRecordBody = z.object({ reason: correctionReason });
export type RemoveRecordBody = z.infer<typeof removeRecordBody>;

/** The site of a contact is not corrected here: the household's transfer moves records between sites. */
export const correctContactBody = correctionOf(createContactBody.omit({ siteId: true }));
export const correctNeedBody = correctionOf(createNeedBody);
/** Status, outcome and sharing stay free for everyone; any other field is a correction. */
export const correctReferralBody = correctionOf(createReferralBody);
export const correctAppointmentBody = correctionOf(createAppointmentBody);
export const correctConsentBody = correctionOf(createConsentBody);

export const restrictionBody = z.object({ reason: correctionReason });
export const restriction = z.object({
  householdId: uuid,
  restricted: z.boolean(),
  restrictedAt: z.string().nullable(),
  restrictedBy: uuid.nullable(),
  reason: z.string().nullable(),
});
export type Restriction = z.infer<typeof restriction>;
