import { z } from 'zod';
import { code, nonEmptyPatch, uuid } from './common.js';

/** Editable reference lists, by their URL name. */
export const referenceLists = [
  'life-areas',
  'support-kinds',
  'contact-types',
  'household-categories',
  'residence-statuses',
  'obstacles',
  'districts',
  'subdistricts',
  'organisations',
  'event-types',
] as const;
export type ReferenceList = (typeof referenceLists)[number];

export const organisationKinds = ['cityOffice', 'welfareAssociation', 'authority', 'other'] as const;

export const referenceValue = z.object({
  id: uuid,
  code: z.string(),
  /** label in the request's language */
  label: z.string(),
  labelDe: z.string(),
  labelEn: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  /** districts: none; subdistricts: the district's code */
  parentCode: z.string().nullable(),
  /** organisations: one of organisationKinds */
  kind: z.string().nullable(),
});
export type ReferenceValue = z.infer<typeof referenceValue>;

export const referenceListParams = z.object({ list: z.enum(referenceLists) });
export const referenceValueParams = referenceListParams.extend({ code: z.string().min(1).max(40) });

export const createReferenceBody = z.object({
  code,
  labelDe: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
  parentCode: z.string().min(1).max(40).nullable().optional(),
  kind: z.enum(organisationKinds).nullable().optional(),
});
export type CreateReferenceBody = z.infer<typeof createReferenceBody>;

export const updateReferenceBody = nonEmptyPatch(
  z
    .object({
      labelDe: z.string().trim().min(1).max(200),
      labelEn: z.string().trim().min(1).max(200),
      active: z.boolean(),
      sortOrder: z.number().int().min(0),
      parentCode: z.string().min(1).max(40).nullable(),
      kind: z.enum(organisationKinds).nullable(),
    })
    .partial(),
);
export type UpdateReferenceBody = z.infer<typeof updateReferenceBody>;

export const reorderReferenceBody = z.object({ codes: z.array(z.string().min(1).max(40)).min(1) });
export const referenceValueList = z.array(referenceValue);
