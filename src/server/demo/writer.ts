import { createHash, type Hash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { hashColumn } from './column-hash.js';
import type { CopyRows } from './copy.js';
import { type ColumnType, type DemoTable, demoTables, tableSpecs, type Value } from './tables.js';

export type { DemoTable, Value } from './tables.js';

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
  // JSON sent as text (an array of jsonb would quote it twice), cast in the SELECT
  jsonb: 'text[]',
  numeric: 'numeric[]',
};

/** Columns cast in the SELECT after unnest (arrays travel as text; JSON as text). */
const castInSelect: Partial<Record<ColumnType, string>> = {
  'text[]': 'text[]',
  'uuid[]': 'uuid[]',
  jsonb: 'jsonb',
};

/** INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …): one parameter per column, any number of rows. */
function insertStatement(table: DemoTable, columns: (string | number | boolean | null)[][]): SQL {
  const spec = tableSpecs[table].columns as [string, ColumnType][];
  const names = spec.map(([n]) => `"${n}"`).join(', ');
  const selected = spec
    .map(([n, t]) => (castInSelect[t] ? `u."${n}"::${castInSelect[t]}` : `u."${n}"`))
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
  /** a COPY or INSERT is running in the database */
  private inFlight = false;
  /** rows taken since the event loop last had a turn */
  private sinceYield = 0;

  constructor(
    private readonly db: Db | null,
    private readonly batchSize = 5000,
    /** COPY instead of INSERT where the driver allows it (PostgreSQL) */
    private readonly copy: CopyRows | null = null,
  ) {
    for (const t of demoTables) this.buffers.set(t, new ColumnBuffer(tableSpecs[t].columns.length));
  }

  add(table: DemoTable, row: Value[]): void {
    const spec = tableSpecs[table].columns as [string, ColumnType][];
    const buffer = this.buffers.get(table)!;
    for (let i = 0; i < spec.length; i++) buffer.columns[i].push(wire(row[i], spec[i][1]));
    buffer.size++;
    this.counts[table]++;
    this.sinceYield++;
    if (buffer.size >= this.batchSize) this.full = true;
  }

  flushFull(): Promise<void> | undefined {
    if (this.full) {
      this.full = false;
      this.sinceYield = 0;
      return (async () => {
        for (const t of demoTables) if (this.buffers.get(t)!.size >= this.batchSize) await this.flush(t);
      })();
    }
    // The generator's awaits between batches settle at once (microtasks only), so without this the event
    // loop never ran while a batch was being generated: the COPY's bytes waited in node for the socket's
    // 'drain' and its completion went unread, and the server idled until the next batch was full. A turn
    // every couple of thousand rows keeps the database working on one batch while node builds the next.
    if (this.inFlight && this.sinceYield >= 2000) {
      this.sinceYield = 0;
      return new Promise((resolve) => setImmediate(resolve));
    }
    return undefined;
  }

  private async flush(table: DemoTable): Promise<void> {
    for (const parent of tableSpecs[table].after as DemoTable[]) await this.flush(parent);
    const buffer = this.buffers.get(table)!;
    if (buffer.size === 0) return;
    const columns = buffer.take();
    this.hash.update(table);
    for (const column of columns) hashColumn(this.hash, column);
    if (!this.db) return;
    await this.pending;
    if (this.failure) throw this.failure;
    const started = performance.now();
    this.inFlight = true;
    const written = this.copy
      ? this.copy(table, tableSpecs[table].columns as [string, ColumnType][], columns)
      : this.db.execute(insertStatement(table, columns));
    this.pending = written.then(
      () => {
        this.inFlight = false;
        this.timings[table] += performance.now() - started;
      },
      (e) => {
        this.inFlight = false;
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
