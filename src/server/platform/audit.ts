import type { FastifyRequest } from 'fastify';
import type { AuditAction, AuditEntityType } from '../../shared/audit-events.js';
import { auditLog } from '../db/schema/index.js';
import type { Db } from './db/client.js';

/** Who acts, from where: taken from the request once, passed to services (which know no HTTP). */
export interface ActorContext {
  actorId: string | null;
  actorUsername: string | null;
  role: string | null;
  requestId: string;
  ip: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId?: string | null;
  siteId?: string | null;
  /** names of the fields written or read — never their values */
  fields?: string[];
}

export function actorContext(request: FastifyRequest): ActorContext {
  const user = request.user;
  return {
    actorId: user?.id ?? null,
    actorUsername: user?.username ?? null,
    role: user?.role ?? null,
    requestId: request.id,
    ip: request.ip ?? null,
  };
}

/** Appends one audit entry. Call it with the write's own transaction so both commit or neither does. */
export async function audit(tx: Db, ctx: ActorContext, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: ctx.actorId,
    actorUsername: ctx.actorUsername,
    role: ctx.role,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    siteId: event.siteId ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
    fields: event.fields ?? [],
  });
}

/** Records that personal data was read (who, which record, when). Used by case-work routes. */
export function auditRead(
  db: Db,
  ctx: ActorContext,
  entityType: AuditEntityType,
  entityId: string,
  siteId?: string,
) {
  return audit(db, ctx, { action: 'record.read', entityType, entityId, siteId });
}

/** The names of keys that are present in a partial update. */
export function changedFields(body: object): string[] {
  return Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();
}
