import { auditLog } from '../../db/schema/index.js';
import type { ActorContext, AuditEvent, AuditTx } from '../../platform/audit.js';

/**
 * A retention run records one entry per household: thousands of rows, inserted 1,000 at a time, in the
 * run's own transaction (only an `AuditTx` is accepted, as by `audit()`).
 */
export async function auditMany(tx: AuditTx, ctx: ActorContext, events: AuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    await tx.insert(auditLog).values(
      events.slice(i, i + 1000).map((e) => ({
        actorId: ctx.actorId,
        actorUsername: ctx.actorUsername,
        role: ctx.role,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId ?? null,
        siteId: e.siteId ?? null,
        requestId: ctx.requestId,
        ip: ctx.ip,
        fields: e.fields ?? [],
      })),
    );
  }
}
