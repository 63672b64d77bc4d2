import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { sealAuditLog, verifyAuditChain } from '../audit-chain.js';
import type { Db } from '../db/client.js';
import { rowsOf } from '../sql.js';
import { type BackupHeader, backupFormat, type Manifest } from './dump.js';

export class BackupError extends Error {}
/** An error of the database while loading (not of the file): passed on as it is. */
class LoadError extends Error {
  constructor(readonly dbError: unknown) {
    super('load failed');
  }
}

type Line =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; json: string };

/** Reads the file line by line, checks the hash and the row counts against its manifest. */
async function readBackup(file: string, onLine?: (line: Line) => Promise<void>) {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const hash = createHash('sha256');
  const counted: Record<string, number> = {};
  let header: BackupHeader | undefined;
  let manifest: Manifest | undefined;
  let table = '';
  try {
    for await (const text of lines) {
      if (manifest) throw new BackupError('data after the manifest');
      if (text.startsWith('#M ')) {
        manifest = JSON.parse(text.slice(3)) as Manifest;
        continue;
      }
      hash.update(text).update('\n');
      let line: Line;
      if (text.startsWith('#H ')) {
        header = JSON.parse(text.slice(3)) as BackupHeader;
        if (header.format !== backupFormat || header.version !== 1)
          throw new BackupError('not a Quartier backup');
        line = { kind: 'header', header };
      } else if (text.startsWith('#T ')) {
        const t = JSON.parse(text.slice(3)) as { table: string; columns: string[] };
        table = t.table;
        counted[table] = 0;
        line = { kind: 'table', ...t };
      } else {
        if (!table) throw new BackupError('a row before its table');
        counted[table]++;
        line = { kind: 'row', json: text };
      }
      try {
        await onLine?.(line);
      } catch (e) {
        throw new LoadError(e);
      }
    }
  } catch (e) {
    if (e instanceof LoadError) throw e.dbError;
    if (e instanceof BackupError) throw e;
    throw new BackupError(`the file cannot be read (${(e as Error).message})`);
  }
  if (!header) throw new BackupError('not a Quartier backup');
  if (!manifest) throw new BackupError('the file is incomplete (no manifest)');
  if (manifest.sha256 !== hash.digest('hex')) throw new BackupError('the file was changed (checksum)');
  for (const [name, n] of Object.entries(manifest.tables))
    if (counted[name] !== n)
      throw new BackupError(`table ${name}: ${counted[name] ?? 0} rows, manifest says ${n}`);
  return { header, manifest };
}

/** The verify step: the whole file read back, checksum and row counts compared; changes nothing. */
export function verifyBackupFile(file: string) {
  return readBackup(file);
}

async function assertEmpty(db: Db) {
  const [row] = rowsOf<{ users: number; audit: number }>(
    await db.execute(
      sql`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM audit_log)::int AS audit`,
    ),
  );
  if (Number(row.users) > 0 || Number(row.audit) > 0)
    throw new BackupError(
      'the target database is not empty: restore into a new database (or an empty DATA_DIR)',
    );
}

/**
 * Loads a verified backup into an empty, migrated database in one transaction: tables in the file's
 * (foreign-key) order, rows in batches through json_populate_recordset, with the rollup triggers on (they
 * rebuild the statistics); then the sequences, the audit seals of the backup's last moments, and checks.
 */
export async function restoreBackup(db: Db, file: string) {
  const { header, manifest } = await verifyBackupFile(file);
  await assertEmpty(db);
  await db.transaction(async (tx) => {
    // rows the migrations seed (e.g. reference values) make way for the backup's own
    for (const name of Object.keys(manifest.tables).reverse())
      await tx.execute(sql`DELETE FROM ${sql.identifier(name)}`);
    let table = '';
    let columns: string[] = [];
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const cols = sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      );
      await tx.execute(sql`INSERT INTO ${sql.identifier(table)} (${cols})
        SELECT ${cols} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::json)`);
      batch = [];
    };
    await readBackup(file, async (line) => {
      if (line.kind === 'table') {
        await flush();
        table = line.table;
        columns = line.columns;
      } else if (line.kind === 'row') {
        batch.push(line.json);
        if (batch.length >= 2000) await flush();
      }
    });
    await flush();
    const serials = rowsOf<{ table_name: string; column_name: string }>(
      await tx.execute(sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`),
    );
    for (const s of serials) {
      const t = sql.identifier(s.table_name);
      const c = sql.identifier(s.column_name);
      await tx.execute(sql`SELECT setval(pg_get_serial_sequence(${s.table_name}, ${s.column_name}),
        coalesce((SELECT max(${c}) FROM ${t}), 0) + 1, false)`);
    }
  });
  for (const [name, n] of Object.entries(manifest.tables)) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`),
    );
    if (Number(row.n) !== n)
      throw new BackupError(`table ${name}: ${row.n} rows restored, the backup has ${n}`);
  }
  // entries that were still within the sealing window when the backup was taken are sealed now
  const age = Math.ceil((Date.now() - Date.parse(header.createdAt)) / 60_000);
  await sealAuditLog(db, { maxUnsealedMinutes: age + 60, batch: 1_000_000 });
  const chain = await verifyAuditChain(db, { graceMinutes: age + 60 });
  if (!chain.ok)
    throw new BackupError(`the restored audit chain does not verify (entry ${chain.problem?.entryId})`);
  return { header, manifest, chain };
}
