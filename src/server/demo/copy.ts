import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../platform/db/client.js';
import type { ColumnType } from './tables.js';

type Wire = string | number | boolean | null;

const special = /[\\\t\n\r]/;

/** A free-text value in COPY's text format: backslash escapes for the separators. */
function escaped(value: string): string {
  return special.test(value)
    ? value.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : value;
}

/**
 * Columns whose text comes from the generator's word lists or JSON and so may need escaping; the others
 * (ids, dates, times, numbers, flags) are written in a fixed form without backslashes, tabs or line breaks.
 */
const free: ReadonlySet<ColumnType> = new Set(['text', 'text[]', 'uuid[]', 'jsonb']);

/** Writes rows (column by column, as the sink buffers them) into a table. */
export type CopyRows = (table: string, columns: [string, ColumnType][], values: Wire[][]) => Promise<void>;

/** Rows per piece written to the socket: large enough to keep the calls few, small enough to stay short. */
const rowsPerPiece = 1000;

const tab = 9;
const newline = 10;
const backslash = 92;

/**
 * The rows from..to (exclusive) as COPY text lines (\N for null, t/f for booleans), written straight into
 * bytes: built as strings, a piece became a two-byte string as soon as one name held a letter beyond
 * Latin-1, and its conversion to UTF-8 for the socket (after flattening the concatenations) was the
 * largest single cost of the load in node.
 */
function piece(escapes: boolean[], values: Wire[][], from: number, to: number): Buffer {
  const width = values.length;
  let bytes = Buffer.allocUnsafe(32 * width * (to - from));
  let at = 0;
  for (let i = from; i < to; i++) {
    for (let j = 0; j < width; j++) {
      if (j > 0) bytes[at++] = tab;
      const value = values[j][i];
      if (value === null) {
        bytes[at++] = backslash;
        bytes[at++] = 78; // N
        continue;
      }
      if (typeof value === 'boolean') {
        bytes[at++] = value ? 116 : 102; // t, f
        continue;
      }
      const text = typeof value === 'string' ? (escapes[j] ? escaped(value) : value) : String(value);
      // UTF-8 takes at most 3 bytes per UTF-16 unit; the 2 for the separator and line break
      if (at + 3 * text.length + 2 > bytes.length) {
        const larger = Buffer.allocUnsafe(2 * bytes.length + 3 * text.length);
        bytes.copy(larger, 0, 0, at);
        bytes = larger;
      }
      at += bytes.write(text, at);
    }
    bytes[at++] = newline;
  }
  return bytes.subarray(0, at);
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
    const escapes = columns.map(([, type]) => free.has(type));
    const list = columns.map(([n]) => `"${n}"`).join(', ');
    const stream = client.query(copyFrom(`COPY "${table}" (${list}) FROM STDIN`));
    await pipeline(async function* () {
      // built piece by piece as the socket takes them
      for (let i = 0; i < rows; i += rowsPerPiece)
        yield piece(escapes, values, i, Math.min(rows, i + rowsPerPiece));
    }, stream);
  };
}
