import { networkTableSpecs } from './network-tables.js';

export type ColumnType =
  | 'uuid'
  | 'text'
  | 'date'
  | 'int'
  | 'bool'
  | 'timestamptz'
  | 'time'
  | 'text[]'
  | 'uuid[]'
  | 'jsonb'
  | 'numeric';
export type Value = string | number | boolean | string[] | null;

export interface TableSpec {
  columns: [string, ColumnType][];
  /** tables whose rows must be written first (foreign keys) */
  after: string[];
}

/** The tables the generator fills, their columns in row order, and their foreign-key order. */
export const tableSpecs = {
  households: {
    after: [],
    columns: [
      ['id', 'uuid'],
      ['case_number', 'text'],
      ['site_id', 'uuid'],
      ['registered_site_id', 'uuid'],
      ['category', 'text'],
      ['registered_on', 'date'],
      ['street', 'text'],
      ['postcode', 'text'],
      ['city', 'text'],
      ['district_code', 'text'],
      ['subdistrict_code', 'text'],
      ['moved_in_on', 'date'],
      ['languages', 'text[]'],
      ['status', 'text'],
      // the contact person's name as household_head_name() gives it (checked by the rebuild afterwards)
      ['head_name', 'text'],
      ['is_demo', 'bool'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  },
  persons: {
    after: ['households'],
    columns: [
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      // the household's site, as the members' site trigger (off during the load) would set it
      ['site_id', 'uuid'],
      ['first_name', 'text'],
      ['last_name', 'text'],
      ['original_script_name', 'text'],
      ['birth_date', 'date'],
      ['birth_year', 'int'],
      ['gender', 'text'],
      ['nationality', 'text'],
      ['languages', 'text[]'],
      ['residence_status', 'text'],
      ['residence_valid_until', 'date'],
      ['residence_requirement', 'text'],
      ['role_in_household', 'text'],
      ['first_key', 'text'],
      ['last_key', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  contacts: {
    after: ['households', 'mediators'],
    columns: [
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      ['site_id', 'uuid'],
      ['staff_user_id', 'uuid'],
      ['date', 'date'],
      ['contact_type', 'text'],
      ['duration_minutes', 'int'],
      ['member_ids', 'uuid[]'],
      ['mediation_language', 'text'],
      ['mediator_name', 'text'],
      ['note', 'text'],
      ['category', 'text'],
      ['created_at', 'timestamptz'],
      ['mediator_id', 'uuid'],
    ],
  },
  contact_reasons: {
    after: ['contacts'],
    columns: [
      ['contact_id', 'uuid'],
      ['life_area', 'text'],
      ['support_kind', 'text'],
    ],
  },
  consents: {
    after: ['persons'],
    columns: [
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      ['given_on', 'date'],
      ['given_by_person_id', 'uuid'],
      ['processing', 'bool'],
      ['contact_by_phone', 'bool'],
      ['sharing_organisation_codes', 'text[]'],
      ['notice_language', 'text'],
      ['notice_version', 'text'],
      ['withdrawn_on', 'date'],
      ['created_at', 'timestamptz'],
      ['volunteer_contact', 'bool'],
    ],
  },
  transfers: {
    after: ['households'],
    columns: [
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      ['from_site_id', 'uuid'],
      ['to_site_id', 'uuid'],
      ['transferred_on', 'date'],
      ['note', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  follow_ups: {
    after: ['households'],
    columns: [
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      ['site_id', 'uuid'],
      ['assignee_id', 'uuid'],
      ['due_on', 'date'],
      ['text', 'text'],
      ['kind', 'text'],
      ['done_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
  },
  needs_assessments: {
    after: ['persons'],
    columns: [
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      ['person_id', 'uuid'],
      ['assessed_on', 'date'],
      ['life_area', 'text'],
      ['level', 'int'],
      ['obstacles', 'text[]'],
      ['goals', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  referrals: {
    after: ['persons'],
    columns: [
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      ['person_id', 'uuid'],
      ['date', 'date'],
      ['organisation', 'text'],
      ['life_area', 'text'],
      ['status', 'text'],
      ['shares_data', 'bool'],
      ['outcome', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  },
  appointments: {
    after: ['households'],
    columns: [
      ['id', 'uuid'],
      ['site_id', 'uuid'],
      ['staff_user_id', 'uuid'],
      ['household_id', 'uuid'],
      ['date', 'date'],
      ['start_time', 'time'],
      ['duration_minutes', 'int'],
      ['language_needed', 'text'],
      ['note', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  ...networkTableSpecs,
} satisfies Record<string, TableSpec>;

export type DemoTable = keyof typeof tableSpecs;
export const demoTables = Object.keys(tableSpecs) as DemoTable[];
