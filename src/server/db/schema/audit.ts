import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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

/**
 * The audit log's hash chain, in the order entries were sealed: each seal's hash covers the entry's content
 * and the previous seal's hash, so a changed, deleted or later inserted entry breaks the chain
 * (`npm run audit:verify`). Sealing runs shortly after the entries are committed (see platform/audit-chain.ts),
 * so writers never wait on one chain head. Append-only, like the log.
 */
export const auditSeals = pgTable('audit_seals', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  entryId: bigint('entry_id', { mode: 'number' }).notNull().unique(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});
