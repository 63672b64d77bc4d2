import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { sealAuditLog } from '../audit-chain.js';
import type { Db } from '../db/client.js';
import { rowsOf } from '../sql.js';
import { backupTables } from './tables.js';

/**
 * The backup file: gzip'd lines. `#H {header}`, then per table `#T {"table", "columns"}` followed by one
 * JSON object per row, and last `#M {"tables": {name: rows}, "sha256"}` — the hash over every line before
 * it, so a verify finds a truncated or changed file. The same format for PGlite and PostgreSQL (a backup
 * of one restores into the other).
 */
export const backupFormat = 'quartier-backup';

export interface Manifest {
  tables: Record<string, number>;
  sha256: string;
}

export interface BackupHeader {
  format: typeof backupFormat;
  version: 1;
  createdAt: string;
  engine: string;
  migrations: number;
}

export async function writeBackup(db: Db, engine: string, file: string): Promise<Manifest> {
  // seal the audit entries first, so the copy carries its chain up to this moment
  await sealAuditLog(db, { batch: 1_000_000 });
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const hash = createHash('sha256');
  const write = async (line: string) => {
    hash.update(line).update('\n');
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const tables: Record<string, number> = {};
  // one snapshot for every table: a consistent copy while the server keeps writing (PostgreSQL)
  await db.transaction(
    async (tx) => {
      const [{ n }] = rowsOf<{ n: number }>(
        await tx.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`),
      );
      const header: BackupHeader = {
        format: backupFormat,
        version: 1,
        createdAt: new Date().toISOString(),
        engine,
        migrations: Number(n),
      };
      await write(`#H ${JSON.stringify(header)}`);
      for (const t of await backupTables(tx)) {
        await write(`#T ${JSON.stringify({ table: t.name, columns: t.columns })}`);
        const cols = sql.join(
          t.columns.map((c) => sql.identifier(c)),
          sql`, `,
        );
        await tx.execute(
          sql`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM (SELECT ${cols} FROM ${sql.identifier(t.name)}) x`,
        );
        let count = 0;
        for (;;) {
          const rows = rowsOf<{ j: string }>(await tx.execute(sql`FETCH 5000 FROM backup_rows`));
          for (const r of rows) await write(r.j);
          count += rows.length;
          if (rows.length < 5000) break;
        }
        await tx.execute(sql`CLOSE backup_rows`);
        tables[t.name] = count;
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const manifest: Manifest = { tables, sha256: hash.digest('hex') };
  gzip.end(`#M ${JSON.stringify(manifest)}\n`);
  await once(out, 'close');
  return manifest;
}
