import { z } from 'zod';
import { roles } from '../permissions.js';
import { paged, pageQuery, uuid } from './common.js';

/** One privileged account change, for the site lead of an affected site and for the DPO. */
export const privilegedChange = z.object({
  /** the audit entry's id */
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  userId: uuid.nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  /** the account's role now */
  role: z.enum(roles).nullable(),
  siteId: uuid.nullable(),
  siteName: z.string().nullable(),
  /** created (role and sites given), role, siteIds, password */
  fields: z.array(z.string()),
});
export type PrivilegedChangeEntry = z.infer<typeof privilegedChange>;

export const privilegedChangesQuery = pageQuery;
export const privilegedChangeList = paged(privilegedChange);
