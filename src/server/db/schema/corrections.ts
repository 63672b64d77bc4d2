import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households } from './households.js';
import { users } from './users.js';

/**
 * Corrections and deletions of case records (Art. 16, 17): which record, what was done, the names of the
 * fields changed and, for a deletion, the reason given. Values are never kept here; anonymising the
 * household clears the reasons (modules/retention/anonymise.ts).
 */
export const recordCorrections = pgTable(
  'record_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id').notNull(),
    /** 'corrected' | 'deleted' */
    action: text('action').notNull(),
    /** required for a deletion; null for a correction */
    reason: text('reason'),
    fields: text('fields').array().notNull().default(sql`'{}'::text[]`),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('record_corrections_household_idx').on(t.householdId)],
);
