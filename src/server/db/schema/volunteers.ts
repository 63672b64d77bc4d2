import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { followUps } from './casework.js';
import { households } from './households.js';
import { events, offers } from './network.js';
import { sites } from './sites.js';
import { users } from './users.js';

/** Ehrenamtliche*r, refugees among them. */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** phonetic skeletons of the names (as persons have), for tolerant search */
    firstKey: text('first_key').notNull().default(''),
    lastKey: text('last_key').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    districtCodes: text('district_codes').array().notNull().default(sql`'{}'::text[]`),
    /** [{weekday 1–7, from 'HH:MM', to 'HH:MM'}] */
    availability: jsonb('availability').notNull().default(sql`'[]'::jsonb`),
    /** life-area codes */
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    /** interested, active, paused, left */
    status: text('status').notNull().default('interested'),
    /** volunteerAgency, welfareNetwork, event, wordOfMouth, other */
    source: text('source'),
    hasRefugeeBackground: boolean('has_refugee_background').notNull().default(false),
    consentGivenOn: date('consent_given_on', { mode: 'string' }),
    consentWithdrawnOn: date('consent_withdrawn_on', { mode: 'string' }),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteers_site_idx').on(t.siteId, t.status),
    index('volunteers_name_key_idx').on(t.lastKey, t.firstKey),
  ],
);

/** Checks and obligations: extended certificate of conduct, confidentiality pledge, trainings. */
export const volunteerChecks = pgTable(
  'volunteer_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    /** certificateOfConduct, confidentialityPledge, training */
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    /** a training attended: the event */
    eventId: uuid('event_id').references(() => events.id),
    /** the re-check reminder (certificate of conduct) */
    followUpId: uuid('follow_up_id').references(() => followUps.id),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('volunteer_checks_volunteer_idx').on(t.volunteerId, t.kind)],
);

/** An assignment to exactly one of: a household (mentorship, Patenschaft), an offer or an event. */
export const volunteerAssignments = pgTable(
  'volunteer_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    householdId: uuid('household_id').references(() => households.id),
    offerId: uuid('offer_id').references(() => offers.id),
    eventId: uuid('event_id').references(() => events.id),
    /** mentorship, offer, event */
    kind: text('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** proposed (by case work), active, ended */
    status: text('status').notNull().default('active'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_assignments_volunteer_idx').on(t.volunteerId),
    index('volunteer_assignments_household_idx').on(t.householdId),
    check(
      'volunteer_assignments_one_target',
      sql`num_nonnulls(${t.householdId}, ${t.offerId}, ${t.eventId}) = 1`,
    ),
  ],
);

/** Hours given, per date (and assignment), also logged by the coordinator on the volunteer's behalf. */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    assignmentId: uuid('assignment_id').references(() => volunteerAssignments.id),
    date: date('date', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    note: text('note'),
    loggedBy: uuid('logged_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('volunteer_hours_volunteer_idx').on(t.volunteerId, t.date)],
);
