import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only (a trigger refuses UPDATE and DELETE). Holds field names, never personal values. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    role: text('role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    siteId: uuid('site_id'),
    requestId: text('request_id').notNull(),
    ip: text('ip'),
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUsername),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);
