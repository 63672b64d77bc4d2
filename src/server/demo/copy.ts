import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../platform/db/client.js';
import type { ColumnType } from './tables.js';

type Wire = string | number | boolean | null;

const special = /[\\\t\n\r]/;

/** A column value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyText(value: Wire): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return special.test(value)
    ? value.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : value;
}

/**
 * The same for a column whose values the generator writes in a fixed form (ids, dates, times, numbers, flags):
 * they never hold a backslash, tab or line break, so the escape test is skipped (it was a tenth of the
 * COPY text's cost, most columns being ids and dates).
 */
function plainText(value: Wire): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return typeof value === 'string' ? value : String(value);
}

/** Columns whose text comes from the generator's word lists or JSON, and so may need escaping. */
const free: ReadonlySet<ColumnType> = new Set(['text', 'text[]', 'uuid[]', 'jsonb']);

/** Writes rows (column by column, as the sink buffers them) into a table. */
export type CopyRows = (table: string, columns: [string, ColumnType][], values: Wire[][]) => Promise<void>;

/** Lines per piece written to the socket: large enough to keep the calls few, small enough to stay short. */
const linesPerPiece = 1000;

/** The rows from..to (exclusive) as COPY text lines, each ending in a line break. */
function piece(encoders: ((value: Wire) => string)[], values: Wire[][], from: number, to: number): string {
  let text = '';
  const width = values.length;
  for (let i = from; i < to; i++) {
    let line = encoders[0](values[0][i]);
    for (let j = 1; j < width; j++) line += `\t${encoders[j](values[j][i])}`;
    text += `${line}\n`;
  }
  return text;
}

/**
 * COPY … FROM STDIN on the transaction's own PostgreSQL connection. At demo scale 25 the 7.5 M contacts and
 * reasons took 74 s as INSERT … SELECT FROM unnest(arrays): the driver quoted every value into array
 * literals and the server parsed them back, where inserting the same rows costs the server 3 s. COPY sends
 * each row once as a line of text. Only for node-postgres; PGlite keeps the INSERTs.
 */
export function postgresCopy(tx: Db): CopyRows | null {
  const client = (tx as unknown as { session?: { client?: pg.PoolClient } }).session?.client;
  if (!client || typeof client.query !== 'function' || !('release' in client)) return null;
  return async (table, columns, values) => {
    const rows = values[0]?.length ?? 0;
    const encoders = columns.map(([, type]) => (free.has(type) ? copyText : plainText));
    const list = columns.map(([n]) => `"${n}"`).join(', ');
    const stream = client.query(copyFrom(`COPY "${table}" (${list}) FROM STDIN`));
    await pipeline(async function* () {
      // built piece by piece as the socket takes them: no string grows past a piece
      for (let i = 0; i < rows; i += linesPerPiece)
        yield piece(encoders, values, i, Math.min(rows, i + linesPerPiece));
    }, stream);
  };
}
