import { createHash, type Hash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';

type ColumnType = 'uuid' | 'text' | 'date' | 'int' | 'bool' | 'timestamptz' | 'time' | 'text[]' | 'uuid[]';
export type Value = string | number | boolean | string[] | null;

interface TableSpec {
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
    after: ['households'],
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
} satisfies Record<string, TableSpec>;

export type DemoTable = keyof typeof tableSpecs;
export const demoTables = Object.keys(tableSpecs) as DemoTable[];

/** Receives the generated rows, table by table; `flushFull()` writes the batches that are full. */
export interface DemoSink {
  add(table: DemoTable, row: Value[]): void;
  /** writes full batches (parents first); undefined when there is nothing to write yet */
  flushFull(): Promise<void> | undefined;
  finish(): Promise<void>;
  /** rows taken per table */
  readonly counts: Record<DemoTable, number>;
  /** sha-256 over every row, in order */
  readonly checksum: string;
}

function arrayLiteral(items: string[]): string {
  return `{${items.map((s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** The value as sent to the database (and hashed): strings, numbers, booleans or null. */
function wire(value: Value, type: ColumnType): string | number | boolean | null {
  if (value === null) return null;
  if (type === 'text[]' || type === 'uuid[]') return arrayLiteral(value as string[]);
  return value as string | number | boolean;
}

const paramType: Record<ColumnType, string> = {
  uuid: 'uuid[]',
  text: 'text[]',
  date: 'date[]',
  int: 'int4[]',
  bool: 'bool[]',
  timestamptz: 'timestamptz[]',
  time: 'time[]',
  'text[]': 'text[]',
  'uuid[]': 'text[]',
};

/** INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …): one parameter per column, any number of rows. */
function insertStatement(table: DemoTable, columns: (string | number | boolean | null)[][]): SQL {
  const spec = tableSpecs[table].columns as [string, ColumnType][];
  const names = spec.map(([n]) => `"${n}"`).join(', ');
  const selected = spec
    .map(([n, t]) => (t === 'text[]' || t === 'uuid[]' ? `u."${n}"::${t}` : `u."${n}"`))
    .join(', ');
  const params = spec.map(([, t], i) => sql`${sql.param(columns[i])}::${sql.raw(paramType[t])}`);
  return sql`INSERT INTO ${sql.raw(`"${table}"`)} (${sql.raw(names)}) SELECT ${sql.raw(selected)} FROM unnest(${sql.join(params, sql`, `)}) AS u(${sql.raw(names)})`;
}

class ColumnBuffer {
  columns: (string | number | boolean | null)[][];
  size = 0;
  constructor(readonly width: number) {
    this.columns = Array.from({ length: width }, () => []);
  }
  take() {
    const out = this.columns;
    this.columns = Array.from({ length: this.width }, () => []);
    this.size = 0;
    return out;
  }
}

/**
 * Writes rows in batches of about `batchSize` as multi-row INSERTs, parents before children; while one
 * batch runs in the database the next is being generated (one statement in flight). Without a database
 * it only computes the checksum.
 */
export class DatabaseSink implements DemoSink {
  private readonly buffers = new Map<DemoTable, ColumnBuffer>();
  private readonly hash: Hash = createHash('sha256');
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  readonly counts = Object.fromEntries(demoTables.map((t) => [t, 0])) as Record<DemoTable, number>;
  /** milliseconds the database spent on each table's INSERTs */
  readonly timings = Object.fromEntries(demoTables.map((t) => [t, 0])) as Record<DemoTable, number>;
  private digest: string | null = null;
  private full = false;

  constructor(
    private readonly db: Db | null,
    private readonly batchSize = 5000,
  ) {
    for (const t of demoTables) this.buffers.set(t, new ColumnBuffer(tableSpecs[t].columns.length));
  }

  add(table: DemoTable, row: Value[]): void {
    const spec = tableSpecs[table].columns as [string, ColumnType][];
    const buffer = this.buffers.get(table)!;
    for (let i = 0; i < spec.length; i++) buffer.columns[i].push(wire(row[i], spec[i][1]));
    buffer.size++;
    this.counts[table]++;
    if (buffer.size >= this.batchSize) this.full = true;
  }

  flushFull(): Promise<void> | undefined {
    if (!this.full) return undefined;
    this.full = false;
    return (async () => {
      for (const t of demoTables) if (this.buffers.get(t)!.size >= this.batchSize) await this.flush(t);
    })();
  }

  private async flush(table: DemoTable): Promise<void> {
    for (const parent of tableSpecs[table].after as DemoTable[]) await this.flush(parent);
    const buffer = this.buffers.get(table)!;
    if (buffer.size === 0) return;
    const columns = buffer.take();
    this.hash.update(table);
    for (const column of columns) this.hash.update(column.join('\u0001'));
    if (!this.db) return;
    await this.pending;
    if (this.failure) throw this.failure;
    const statement = insertStatement(table, columns);
    const started = performance.now();
    this.pending = this.db.execute(statement).then(
      () => {
        this.timings[table] += performance.now() - started;
      },
      (e) => {
        this.failure = e;
      },
    );
  }

  async finish() {
    for (const t of demoTables) await this.flush(t);
    await this.pending;
    if (this.failure) throw this.failure;
  }

  get checksum() {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }
}
