import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { households, persons } from './households.js';
import { sites } from './sites.js';
import { users } from './users.js';

/** Integrationsbedarf per life area, dated: a new row per assessment keeps the history. */
export const needsAssessments = pgTable(
  'needs_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id').references(() => persons.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    lifeArea: text('life_area').notNull(),
    /** 0 none, 1 low, 2 medium, 3 high */
    level: integer('level').notNull(),
    obstacles: text('obstacles').array().notNull().default(sql`'{}'::text[]`),
    goals: text('goals'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * the latest assessment of its household, person (none is a group of its own) and life area, by
     * assessed_on, created_at, id (all descending); kept by triggers (migration 0021), never written here
     * (an INSERT's or UPDATE's RETURNING shows the value from before the statement's trigger)
     */
    isLatest: boolean('is_latest').notNull().default(false),
  },
  (t) => [
    index('needs_household_idx').on(t.householdId, t.assessedOn),
    index('needs_person_idx').on(t.personId),
    index('needs_latest_open_idx')
      .on(t.householdId, t.lifeArea)
      .where(sql`${t.isLatest} AND ${t.level} >= 2`),
  ],
);

/** Vermittlung to an organisation, authority or offer. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id').references(() => persons.id),
    date: date('date', { mode: 'string' }).notNull(),
    organisation: text('organisation').notNull(),
    lifeArea: text('life_area').notNull(),
    status: text('status').notNull().default('proposed'),
    sharesData: boolean('shares_data').notNull().default(false),
    outcome: text('outcome'),
    /** the offer referred to (network directory), if any */
    offerId: uuid('offer_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referrals_household_idx').on(t.householdId), index('referrals_person_idx').on(t.personId)],
);

/** Wiedervorlage. `kind` is 'general' or 'welcomeVisit' (created when a move-in date is set). */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id').references(() => households.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    kind: text('kind').notNull().default('general'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('follow_ups_assignee_idx').on(t.assigneeId, t.dueOn),
    index('follow_ups_household_idx').on(t.householdId),
  ],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    staffUserId: uuid('staff_user_id').references(() => users.id),
    householdId: uuid('household_id').references(() => households.id),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: time('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    languageNeeded: text('language_needed'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_site_date_idx').on(t.siteId, t.date),
    index('appointments_household_idx').on(t.householdId),
  ],
);

/** KIM/MigraDo case plan: goals with steps, a responsible person and review dates. */
export const casePlans = pgTable(
  'case_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id').references(() => persons.id),
    programme: text('programme').notNull(),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    goals: jsonb('goals').notNull().default(sql`'[]'::jsonb`),
    reviewDates: date('review_dates', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_plans_household_idx').on(t.householdId), index('case_plans_person_idx').on(t.personId)],
);

/** Recently opened households per user, for "Mein Tag". */
export const recentHouseholds = pgTable(
  'recent_households',
  {
    userId: uuid('user_id').notNull(),
    householdId: uuid('household_id').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.householdId] }),
    index('recent_households_user_idx').on(t.userId, t.openedAt),
  ],
);
