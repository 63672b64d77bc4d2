import type { FastifyRequest } from 'fastify';
import type { AuditAction, AuditEntityType } from '../../shared/audit-events.js';
import type { Role } from '../../shared/permissions.js';
import { auditLog } from '../db/schema/index.js';
import { type AuditRow, appendAccessEntry } from './audit-batch.js';
import type { Db } from './db/client.js';

/** Who acts, from where: taken from the request once, passed to services (which know no HTTP). */
export interface ActorContext {
  actorId: string | null;
  actorUsername: string | null;
  role: Role | null;
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

declare const auditable: unique symbol;
/**
 * A transaction opened by `writeTransaction` (or `caseWrite`): the only handle `audit()` accepts, so an
 * audit entry cannot be written outside the transaction of the write it records.
 */
export type AuditTx = Db & { readonly [auditable]: true };

/** Runs `fn` in one transaction; the write and its audit entries commit together or not at all. */
export function writeTransaction<T>(db: Db, fn: (tx: AuditTx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as AuditTx));
}

/** Appends one audit entry, in the write's own transaction. */
export async function audit(tx: AuditTx, ctx: ActorContext, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, event));
}

function auditRow(ctx: ActorContext, event: AuditEvent): AuditRow {
  return {
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
  };
}

/**
 * Records a read, a search or an export (who, what, when): there is no write to share a transaction with.
 * Resolves once the entry is committed; concurrent entries share one commit (see audit-batch.ts).
 */
export function auditAccess(db: Db, ctx: ActorContext, event: AuditEvent): Promise<void> {
  return appendAccessEntry(db, auditRow(ctx, event));
}

/** Records that personal data was read (who, which record, when). Used by case-work routes. */
export function auditRead(
  db: Db,
  ctx: ActorContext,
  entityType: AuditEntityType,
  entityId: string,
  siteId?: string,
) {
  return auditAccess(db, ctx, { action: 'record.read', entityType, entityId, siteId });
}

/** The names of keys that are present in a partial update. */
export function changedFields(body: object): string[] {
  return Object.entries(body)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();
}
