import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { followUps } from './casework.js';
import { sites } from './sites.js';
import { users } from './users.js';

/** Kooperationspartner*in: an organisation the network works with (welfare association, parish, club …). */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** phonetic skeleton of the name, for searches that tolerate spelling variants */
    nameKey: text('name_key').notNull().default(''),
    kind: text('kind').notNull(),
    districtCodes: text('district_codes').array().notNull().default(sql`'{}'::text[]`),
    /** the site responsible for the relation */
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    /** [{name, function?, phone?, email?}] */
    contactPersons: jsonb('contact_persons').notNull().default(sql`'[]'::jsonb`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partners_site_idx').on(t.siteId), index('partners_name_key_idx').on(t.nameKey)],
);

/** The dated history of contacts with a partner (meeting, phone call, agreement). */
export const partnerContacts = pgTable(
  'partner_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
    staffUserId: uuid('staff_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_contacts_partner_idx').on(t.partnerId, t.date)],
);

/** Angebot: an integration offer of a partner, in the staff's directory. */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    titleKey: text('title_key').notNull().default(''),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    description: text('description'),
    lifeAreas: text('life_areas').array().notNull().default(sql`'{}'::text[]`),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    districtCode: text('district_code').notNull(),
    address: text('address'),
    openingHours: text('opening_hours'),
    appointmentOnly: boolean('appointment_only').notNull().default(false),
    free: boolean('free').notNull().default(true),
    accessible: boolean('accessible').notNull().default(false),
    /** active, paused, ended */
    status: text('status').notNull().default('active'),
    lastCheckedOn: date('last_checked_on', { mode: 'string' }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('offers_partner_idx').on(t.partnerId),
    index('offers_district_idx').on(t.districtCode, t.status),
    index('offers_title_key_idx').on(t.titleKey),
  ],
);

/** A weekly series (e.g. the Begegnungscafé every Tuesday): its dates are events with their own attendance. */
export const eventSeries = pgTable('event_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  siteId: uuid('site_id')
    .notNull()
    .references(() => sites.id),
  title: text('title').notNull(),
  /** ISO weekday 1 (Monday) … 7 */
  weekday: integer('weekday').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Veranstaltung: round table, workshop, café, festival …; participants counted by group. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** code in the reference list event-types */
    type: text('type').notNull(),
    title: text('title').notNull(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    districtCode: text('district_code'),
    place: text('place'),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: time('start_time'),
    endTime: time('end_time'),
    seriesId: uuid('series_id').references(() => eventSeries.id),
    organiserIds: uuid('organiser_ids').array().notNull().default(sql`'{}'::uuid[]`),
    partnerIds: uuid('partner_ids').array().notNull().default(sql`'{}'::uuid[]`),
    public: boolean('public').notNull().default(false),
    neighbours: integer('neighbours').notNull().default(0),
    refugees: integer('refugees').notNull().default(0),
    volunteers: integer('volunteers').notNull().default(0),
    partnerCount: integer('partner_count').notNull().default(0),
    others: integer('others').notNull().default(0),
    minutes: text('minutes'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_site_date_idx').on(t.siteId, t.date),
    index('events_series_idx').on(t.seriesId),
    index('events_date_idx').on(t.date),
  ],
);

/** Named participants: only those who agreed to be named (volunteers among them, e.g. for trainings). */
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** neighbours, refugees, volunteers, partners, others */
    participantGroup: text('participant_group').notNull(),
    volunteerId: uuid('volunteer_id'),
    consentedOn: date('consented_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('event_participants_event_idx').on(t.eventId),
    index('event_participants_volunteer_idx').on(t.volunteerId),
  ],
);

/** Agreed action of an event (text, owner, due date); it is the owner's follow-up on "Mein Tag". */
export const eventActions = pgTable(
  'event_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
    text: text('text').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => followUps.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('event_actions_event_idx').on(t.eventId),
    index('event_actions_follow_up_idx').on(t.followUpId),
  ],
);
