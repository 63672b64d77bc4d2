import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry, AuditQuery } from '../../../shared/schemas/audit.js';
import { auditLog } from '../../db/schema/index.js';
import { type ActorContext, auditAccess } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';

function present(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    role: row.role as AuditEntry['role'],
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    siteId: row.siteId,
    requestId: row.requestId,
    ip: row.ip,
    fields: row.fields,
  };
}

/**
 * Newest first. Days of `from`/`to` are Europe/Berlin calendar days, both inclusive. Reading the trail
 * is itself recorded: who looked at whose activity (the filters' names, not their values).
 */
export async function listAudit(db: Db, ctx: ActorContext, q: AuditQuery) {
  const filters: SQL[] = [];
  if (q.actor) filters.push(sql`lower(${auditLog.actorUsername}) = ${q.actor.toLowerCase()}`);
  if (q.entityType) filters.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) filters.push(eq(auditLog.entityId, q.entityId));
  if (q.action) filters.push(eq(auditLog.action, q.action));
  if (q.from) filters.push(gte(auditLog.at, sql`(${q.from}::date)::timestamp AT TIME ZONE 'Europe/Berlin'`));
  if (q.to) filters.push(lt(auditLog.at, sql`(${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'`));
  const where = filters.length ? and(...filters) : undefined;
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  const fields = Object.keys(q).filter((k) => k !== 'page' && k !== 'pageSize');
  await auditAccess(db, ctx, { action: 'audit.read', entityType: 'audit', fields });
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}
