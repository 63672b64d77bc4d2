import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { appointments } from './casework.js';
import { households } from './households.js';
import { sites } from './sites.js';
import { users } from './users.js';

/** Sprachmittler*in of the pool: staff, paid freelancer or volunteer. */
export const mediators = pgTable(
  'mediators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull().default(''),
    /** staff, freelance, volunteer */
    kind: text('kind').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    districtCodes: text('district_codes').array().notNull().default(sql`'{}'::text[]`),
    /** [{weekday 1–7, from 'HH:MM', to 'HH:MM'}]; empty: by arrangement */
    availability: jsonb('availability').notNull().default(sql`'[]'::jsonb`),
    /** cost per hour in euro */
    rate: numeric('rate', { precision: 7, scale: 2, mode: 'number' }),
    phone: text('phone'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mediators_name_key_idx').on(t.nameKey)],
);

/** A booking of a mediator for an appointment or a home visit; no two active bookings of one mediator overlap. */
export const mediatorBookings = pgTable(
  'mediator_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    language: text('language').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    fromTime: time('from_time').notNull(),
    toTime: time('to_time').notNull(),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    householdId: uuid('household_id').references(() => households.id),
    /** requested, confirmed, done, cancelled, noShow */
    status: text('status').notNull().default('requested'),
    hours: numeric('hours', { precision: 5, scale: 2, mode: 'number' }),
    /** cost at the mediator's rate when done (kept, so a later rate change does not rewrite history) */
    costCents: integer('cost_cents'),
    isDemo: boolean('is_demo').notNull().default(false),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mediator_bookings_mediator_idx').on(t.mediatorId, t.date),
    index('mediator_bookings_site_idx').on(t.siteId, t.date),
    index('mediator_bookings_appointment_idx').on(t.appointmentId),
  ],
);
