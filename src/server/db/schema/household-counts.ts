import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * How many households each site holds, by the household list's filters (status, category, district; ''
 * for none): the list's total is a sum over a few of these rows instead of a count over the site's
 * households on every page. Kept exact by statement-level triggers on households (migration 0013) in the
 * writing transaction, like the statistics rollups.
 */
export const householdCounts = pgTable(
  'household_counts',
  {
    siteId: uuid('site_id').notNull(),
    status: text('status').notNull(),
    category: text('category').notNull(),
    districtCode: text('district_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.status, t.category, t.districtCode] })],
);

/**
 * What the household list shows of each household besides its own columns: the members present and the
 * last contact's date. Kept exact by statement triggers on households, persons and contacts (migration 0024).
 */
export const householdListFacts = pgTable('household_list_facts', {
  householdId: uuid('household_id').primaryKey(),
  memberCount: integer('member_count').notNull().default(0),
  lastContactOn: date('last_contact_on'),
});
