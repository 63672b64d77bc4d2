import { z } from 'zod';
import { auditEntityTypes } from '../audit-events.js';
import { roles } from '../permissions.js';
import { isoDate, paged, pageQuery, uuid } from './common.js';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: uuid.nullable(),
  actorUsername: z.string().nullable(),
  role: z.enum(roles).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  siteId: uuid.nullable(),
  requestId: z.string(),
  ip: z.string().nullable(),
  fields: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  actor: z.string().trim().max(60).optional(),
  entityType: z.enum(auditEntityTypes).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditList = paged(auditEntry);
