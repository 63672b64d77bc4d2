import { bigint, date, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';

/*
 * Statistics rollups. Kept exact by triggers on households, persons, contacts and contact_reasons
 * (migration 0004_statistics_triggers, 0005_statistics_bulk_deletes, 0023_rollup_buckets): every write adds its delta to the matching counters in the
 * same transaction (INSERT … ON CONFLICT DO UPDATE SET n = n + delta), so the figures are exact at
 * any moment, also under concurrent writes. Never write to these tables from application code.
 *
 * Each fact has a daily table (exact for any period) and a monthly table (few rows for long periods):
 * a report reads the full months of its period from the monthly table and the days at its edges from
 * the daily one. Counters may be 0 after deletes; rows are never removed by the triggers.
 *
 * The site is always the *registering* site (households.registered_site_id; contacts.site_id), the
 * category is households.category, or contacts.category for contacts and their reasons.
 *
 * Each counter is split into sub-buckets (migration 0023_rollup_buckets): a writing transaction adds its
 * deltas to the lowest bucket no concurrent transaction holds, so concurrent writers on one cell update
 * different rows instead of queueing on one row lock. A counter is the SUM over its buckets — never read
 * one row as the figure; a single bucket may even be negative (a delete in another bucket than the
 * insert). stat_rebuild() writes bucket 0 only; stat_compact() folds the others into it.
 */

/** The sub-bucket of a rollup row (0..15; migration 0023). */
const bucket = () => smallint('bucket').notNull().default(0);

/** Households registered and their members, by registering site, registration day, category, district. */
export const statHouseholdsDay = pgTable(
  'stat_households_day',
  {
    siteId: uuid('site_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    /** '' when the household has no district */
    districtCode: text('district_code').notNull(),
    bucket: bucket(),
    households: integer('households').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    /** sums of the counted records' keys (migration 0017, modules/statistics/cell-key.ts) */
    householdKeySum: bigint('household_key_sum', { mode: 'number' }).notNull().default(0),
    personKeySum: bigint('person_key_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day, t.category, t.districtCode, t.bucket] })],
);

/** As stat_households_day, per calendar month (`month` is the first day of the month). */
export const statHouseholdsMonth = pgTable(
  'stat_households_month',
  {
    siteId: uuid('site_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    districtCode: text('district_code').notNull(),
    bucket: bucket(),
    households: integer('households').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    /** sums of the counted records' keys (migration 0017, modules/statistics/cell-key.ts) */
    householdKeySum: bigint('household_key_sum', { mode: 'number' }).notNull().default(0),
    personKeySum: bigint('person_key_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month, t.category, t.districtCode, t.bucket] })],
);

/** Contacts by site, day, category and contact type. */
export const statContactsDay = pgTable(
  'stat_contacts_day',
  {
    siteId: uuid('site_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    contactType: text('contact_type').notNull(),
    bucket: bucket(),
    contacts: integer('contacts').notNull().default(0),
    keySum: bigint('key_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day, t.category, t.contactType, t.bucket] })],
);

export const statContactsMonth = pgTable(
  'stat_contacts_month',
  {
    siteId: uuid('site_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    contactType: text('contact_type').notNull(),
    bucket: bucket(),
    contacts: integer('contacts').notNull().default(0),
    keySum: bigint('key_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month, t.category, t.contactType, t.bucket] })],
);

/** Counselling reasons (contact_reasons rows) by their contact's site, day and category. */
export const statReasonsDay = pgTable(
  'stat_reasons_day',
  {
    siteId: uuid('site_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    lifeArea: text('life_area').notNull(),
    supportKind: text('support_kind').notNull(),
    bucket: bucket(),
    reasons: integer('reasons').notNull().default(0),
    keySum: bigint('key_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day, t.category, t.lifeArea, t.supportKind, t.bucket] })],
);

export const statReasonsMonth = pgTable(
  'stat_reasons_month',
  {
    siteId: uuid('site_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    lifeArea: text('life_area').notNull(),
    supportKind: text('support_kind').notNull(),
    bucket: bucket(),
    reasons: integer('reasons').notNull().default(0),
    keySum: bigint('key_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.month, t.category, t.lifeArea, t.supportKind, t.bucket] })],
);
