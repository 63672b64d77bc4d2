import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Retention per household category: a closed or inactive household's personal data is anonymised `months`
 * after its last contact, its free-text notes after `notes_months`. A category without a row uses the
 * defaults (modules/retention/rules.ts).
 */
export const retentionRules = pgTable('retention_rules', {
  category: text('category').primaryKey(),
  months: integer('months').notNull(),
  notesMonths: integer('notes_months').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
