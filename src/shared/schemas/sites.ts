import { z } from 'zod';
import { isoDate, nonEmptyPatch, uuid } from './common.js';

export const site = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
  districtCodes: z.array(z.string()),
  organisationIds: z.array(uuid),
  sortOrder: z.number().int(),
});
export type Site = z.infer<typeof site>;

const siteFields = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(10)
    .regex(/^[A-Z0-9]+$/, 'capital letters and digits'),
  name: z.string().trim().min(1).max(120),
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
  districtCodes: z.array(z.string().min(1).max(40)),
  organisationIds: z.array(uuid),
  sortOrder: z.number().int().min(0),
});

const closesAfterOpening = (s: { openedOn?: string; closedOn?: string | null }) =>
  !s.openedOn || !s.closedOn || s.closedOn >= s.openedOn;
const closedMessage = { message: 'closedBeforeOpened', path: ['closedOn'] };

export const createSiteBody = siteFields
  .partial({ closedOn: true, districtCodes: true, organisationIds: true, sortOrder: true })
  .refine(closesAfterOpening, closedMessage);
export type CreateSiteBody = z.input<typeof createSiteBody>;
export const updateSiteBody = nonEmptyPatch(siteFields.partial()).refine(closesAfterOpening, closedMessage);
export type UpdateSiteBody = z.infer<typeof updateSiteBody>;
export const siteIdParams = z.object({ id: uuid });
export const siteList = z.array(site);
