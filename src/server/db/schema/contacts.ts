import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households } from './households.js';
import { sites } from './sites.js';
import { users } from './users.js';

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** null for an anonymous short contact (counted as other advice seekers) */
    householdId: uuid('household_id').references(() => households.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    staffUserId: uuid('staff_user_id').references(() => users.id),
    date: date('date', { mode: 'string' }).notNull(),
    contactType: text('contact_type').notNull(),
    durationMinutes: integer('duration_minutes'),
    memberIds: uuid('member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    mediationLanguage: text('mediation_language'),
    mediatorName: text('mediator_name'),
    /** the pool's mediator, when the contact was mediated by a booked one */
    mediatorId: uuid('mediator_id'),
    note: text('note'),
    /** category counted in statistics: the household's, or 'other' for anonymous contacts */
    category: text('category').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_household_idx').on(t.householdId, t.date),
    index('contacts_site_date_idx').on(t.siteId, t.date),
  ],
);

export const contactReasons = pgTable(
  'contact_reasons',
  {
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    lifeArea: text('life_area').notNull(),
    supportKind: text('support_kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.lifeArea, t.supportKind] })],
);
