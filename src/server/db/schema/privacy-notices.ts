import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Privacy notices (Art. 13 GDPR), versioned per language: a new text is a new version, never an edit, so a
 * consent can name the exact text the household was given. Migration 0019 seeds version 1 (de, en; ar, fa,
 * uk as marked placeholders the city translates).
 */
export const privacyNotices = pgTable(
  'privacy_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    language: text('language').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('privacy_notices_language_version_idx').on(t.language, t.version)],
);
