import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { nameFoldSql, nameWordsSql } from '../name-fold.js';
import { privacyNotices } from './privacy-notices.js';
import { sites } from './sites.js';
import { users } from './users.js';

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNumber: text('case_number').notNull().unique(),
    /** the responsible site now (changes on transfer) */
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    /** the site that first registered the household (statistics count it there forever) */
    registeredSiteId: uuid('registered_site_id')
      .notNull()
      .references(() => sites.id),
    category: text('category').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    street: text('street'),
    postcode: text('postcode'),
    city: text('city'),
    districtCode: text('district_code'),
    subdistrictCode: text('subdistrict_code'),
    movedInOn: date('moved_in_on', { mode: 'string' }),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('active'),
    isDemo: boolean('is_demo').notNull().default(false),
    /** set when retention or an erasure request removed the personal data (only the case number remains) */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /** set when retention removed the free-text notes */
    notesClearedAt: timestamp('notes_cleared_at', { withTimezone: true }),
    /** Art. 18 restriction of processing: read-only, hidden from lists and search, site lead only */
    restrictedAt: timestamp('restricted_at', { withTimezone: true }),
    restrictedBy: uuid('restricted_by').references(() => users.id),
    restrictionReason: text('restriction_reason'),
    /** the contact person's "Last, First" as the list shows it; kept by the members' triggers (migration 0020) */
    headName: text('head_name'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // the household list's default order (newest first, per site): a page reads 25 index entries, no sort
    index('households_site_registered_idx').on(
      t.siteId,
      t.registeredOn.desc().nullsLast(),
      t.id.desc().nullsFirst(),
    ),
    index('households_registered_site_idx').on(t.registeredSiteId, t.registeredOn),
    /** case-number prefix search ("BA-2024") under any database collation */
    index('households_case_number_prefix_idx').on(t.caseNumber.op('text_pattern_ops')),
    /** the list sorted by name per site (German order): a page reads its index entries, no sort */
    index('households_site_head_name_idx').on(t.siteId, sql`${t.headName} COLLATE "und-x-icu"`, t.id.desc()),
    /** the few restricted households, subtracted from the list's counted total */
    index('households_restricted_idx').on(t.siteId).where(sql`${t.restrictedAt} IS NOT NULL`),
    /** the open households' districts in id order: the network gaps merge them with the open needs */
    index('households_open_district_idx')
      .on(t.id, t.districtCode)
      .where(sql`${t.status} NOT IN ('closed', 'movedAway')`),
  ],
);

/** Next case-number sequence per site and year (BA-2024-0042). */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    siteId: uuid('site_id').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.year] })],
);

export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /**
     * the household's site, set by the database (migration 0020: on insert, on a move, on a transfer) so the
     * name search reads the user's sites only; NOT NULL there, optional here because no one writes it
     */
    siteId: uuid('site_id'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    originalScriptName: text('original_script_name'),
    birthDate: date('birth_date', { mode: 'string' }),
    birthYear: integer('birth_year'),
    gender: text('gender').notNull().default('unspecified'),
    nationality: text('nationality'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    residenceStatus: text('residence_status'),
    residenceValidUntil: date('residence_valid_until', { mode: 'string' }),
    residenceRequirement: text('residence_requirement'),
    roleInHousehold: text('role_in_household').notNull().default('other'),
    /** set when the member left the household (they stay on record) */
    leftOn: date('left_on', { mode: 'string' }),
    /** phonetic skeletons of the names, for duplicate search across spellings */
    firstKey: text('first_key').notNull(),
    lastKey: text('last_key').notNull(),
    /** folded spellings of the names, for the list search (Müller/Muller, Al-Saadi/Al Saadi): see name-fold.ts */
    firstFold: text('first_fold').generatedAlwaysAs(sql.raw(nameFoldSql('first_name'))),
    lastFold: text('last_fold').generatedAlwaysAs(sql.raw(nameFoldSql('last_name'))),
    /** the folded words of both names, so that one word of a double name finds it (Schmidt → Koehler-Schmidt) */
    nameWords: text('name_words')
      .array()
      .generatedAlwaysAs(sql.raw(nameWordsSql(`"first_name" || ' ' || "last_name"`))),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('persons_household_idx').on(t.householdId),
    index('persons_last_key_idx').on(t.lastKey, t.birthYear),
    index('persons_first_key_idx').on(t.firstKey, t.birthYear),
    index('persons_site_last_fold_idx').on(t.siteId, t.lastFold.op('text_pattern_ops')),
    index('persons_site_first_fold_idx').on(t.siteId, t.firstFold.op('text_pattern_ops')),
    index('persons_site_last_key_idx').on(t.siteId, t.lastKey),
    index('persons_site_first_key_idx').on(t.siteId, t.firstKey),
    index('persons_name_words_multi_idx')
      .using('gin', t.nameWords)
      .where(sql`cardinality(${t.nameWords}) > 2`),
  ],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    givenByPersonId: uuid('given_by_person_id').references(() => persons.id),
    processing: boolean('processing').notNull().default(true),
    contactByPhone: boolean('contact_by_phone').notNull().default(false),
    sharingOrganisationCodes: text('sharing_organisation_codes').array().notNull().default(sql`'{}'::text[]`),
    noticeLanguage: text('notice_language'),
    noticeVersion: text('notice_version'),
    /** the privacy notice handed out (its language and version are copied to the two fields above) */
    privacyNoticeId: uuid('privacy_notice_id').references(() => privacyNotices.id),
    /** the household agreed that a volunteer (mentor) may contact it: name of the contact person, phone, languages */
    volunteerContact: boolean('volunteer_contact').notNull().default(false),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consents_household_idx').on(t.householdId),
    index('consents_given_by_idx').on(t.givenByPersonId),
  ],
);

export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    fromSiteId: uuid('from_site_id')
      .notNull()
      .references(() => sites.id),
    toSiteId: uuid('to_site_id')
      .notNull()
      .references(() => sites.id),
    transferredOn: date('transferred_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('transfers_household_idx').on(t.householdId)],
);
