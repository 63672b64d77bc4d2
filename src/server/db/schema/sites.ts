import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const sites = pgTable('sites', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  districtCodes: text('district_codes').array().notNull().default(sql`'{}'::text[]`),
  organisationIds: uuid('organisation_ids').array().notNull().default(sql`'{}'::uuid[]`),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** All editable reference lists (life areas, districts, organisations, …) in one table, keyed by list and code. */
export const referenceValues = pgTable(
  'reference_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    list: text('list').notNull(),
    code: text('code').notNull(),
    labelDe: text('label_de').notNull(),
    labelEn: text('label_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    parentCode: text('parent_code'),
    kind: text('kind'),
  },
  (t) => [unique('reference_values_list_code').on(t.list, t.code)],
);

export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
