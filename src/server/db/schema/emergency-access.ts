import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households } from './households.js';
import { sites } from './sites.js';
import { users } from './users.js';

/**
 * Break-the-glass: a user of another site may read one household, read-only, until `expires_at`, with a
 * written reason. `site_id` is the household's site at the time of the grant, so that site's lead (and the
 * DPO) see the grant. Rows are never updated: an expired grant stays as the record of it (and the audit log
 * keeps `emergency.accessGranted` even when a demo reset deletes the household and, with it, the grant).
 */
export const emergencyAccess = pgTable(
  'emergency_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('emergency_access_user_household_idx').on(t.userId, t.householdId, t.expiresAt),
    index('emergency_access_site_idx').on(t.siteId, t.grantedAt),
  ],
);
