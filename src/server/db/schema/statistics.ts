import { bigint, date, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';

/*
 * Statistics rollups. Kept exact by triggers on households, persons, contacts and contact_reasons
 * (migrations 0004_statistics_triggers, 0005, 0017, 0026_rollup_deltas): every write appends its deltas to
 * the family's delta table (stat_households_delta, stat_contacts_delta, stat_reasons_delta; SQL only, not
 * mapped here) in the same transaction, and stat_fold() — run by every API process every
 * QUARTIER_STAT_FOLD_MS — moves them into these tables in one statement per family. The figure is the sum
 * over the rollup rows and the deltas not yet folded: read the views stat_*_all (e.g. stat_contacts_day_all),
 * never a rollup table alone. Never write to these tables from application code.
 *
 * Each fact has a daily table (exact for any period) and a monthly table (few rows for long periods):
 * a report reads the full months of its period from the monthly table and the days at its edges from
 * the daily one. Counters may be 0 after deletes; rows are never removed by the triggers.
 *
 * The site is always the *registering* site (households.registered_site_id; contacts.site_id), the
 * category is households.category, or contacts.category for contacts and their reasons.
 *
 * Each key ends in a sub-bucket (migration 0023_rollup_buckets), from when concurrent writers upserted the
 * rollups directly; since 0026 the fold writes bucket 0 only, and stat_compact() folds older buckets into
 * it. A counter is still the SUM over its rows — a single row may even be negative.
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
