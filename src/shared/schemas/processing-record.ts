import { z } from 'zod';
import { roles } from '../permissions.js';

const labelled = z.object({ code: z.string(), label: z.string() });

/** The record of processing activities (Art. 30(1) GDPR), generated from the configuration. */
export const processingRecord = z.object({
  title: z.string(),
  generatedAt: z.string(),
  softwareVersion: z.string(),
  controller: z.string(),
  purposes: z.array(z.string()),
  legalBases: z.array(z.string()),
  dataSubjects: z.array(z.string()),
  dataCategories: z.array(z.string()),
  sites: z.array(labelled.extend({ openedOn: z.string(), closedOn: z.string().nullable() })),
  householdCategories: z.array(labelled),
  roles: z.array(
    z.object({
      role: z.enum(roles),
      label: z.string(),
      caseScope: z.boolean(),
      mfaRequired: z.boolean(),
      activeAccounts: z.number().int(),
      permissions: z.array(z.string()),
    }),
  ),
  /** who may receive data, from the consent scopes, with the consents in force naming each */
  recipients: z.array(labelled.extend({ kind: z.string().nullable(), consentsInForce: z.number().int() })),
  retention: z.array(
    labelled.extend({ months: z.number().int(), notesMonths: z.number().int(), isDefault: z.boolean() }),
  ),
  technicalMeasures: z.array(z.object({ title: z.string(), detail: z.string() })),
});
export type ProcessingRecord = z.infer<typeof processingRecord>;

export const processingRecordQuery = z.object({ format: z.enum(['json', 'html']).default('json') });
