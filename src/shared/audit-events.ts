/** Typed audit actions. Payloads name changed fields, never personal values. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'user.created',
  'user.updated',
  'site.created',
  'site.updated',
  'reference.created',
  'reference.updated',
  'reference.reordered',
  'audit.read',
  'record.read',
  'record.searched',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntityTypes = [
  'user',
  'session',
  'site',
  'reference',
  'audit',
  'household',
  'person',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];
