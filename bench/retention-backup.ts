/**
 * npx tsx bench/retention-backup.ts [scale] — times the retention run and a backup/restore round trip on
 * demo data of the given scale (default 5), on PostgreSQL (DATABASE_URL's server, scratch databases
 * created and dropped) or, with ENGINE=pglite, on in-memory PGlite.
 */

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateDemoData } from '../src/server/demo/index.js';
import { systemContext } from '../src/server/modules/retention/job.js';
import { applyRetention, previewRetention } from '../src/server/modules/retention/service.js';
import { writeBackup } from '../src/server/platform/backup/dump.js';
import { restoreBackup } from '../src/server/platform/backup/restore.js';
import { type Database, openPglite, openPostgres } from '../src/server/platform/db/client.js';
import { initializeIfEmpty } from '../src/server/setup/initialize.js';
import { loadProfile } from '../src/server/setup/profile.js';

const scale = Number(process.argv[2] ?? 5);
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pglite = process.env.ENGINE === 'pglite';
const created: string[] = [];

async function fresh(): Promise<Database> {
  if (pglite) return openPglite();
  const name = `quartier_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return openPostgres(target.toString());
}

const time = async <T>(label: string, fn: () => Promise<T>) => {
  const started = Date.now();
  const result = await fn();
  console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
};

const source = await fresh();
const file = path.join(os.tmpdir(), `quartier-bench-${process.pid}.qbackup`);
try {
  await initializeIfEmpty(source.db, loadProfile('dortmund'), { demo: true });
  const demo = await time(`demo data scale ${scale}`, () => generateDemoData(source.db, { scale }));
  console.log(`  ${demo.rows.households} households, ${demo.rows.contacts} contacts`);
  const preview = await time('retention preview', () => previewRetention(source.db));
  console.log(`  due: ${JSON.stringify(preview.total)}`);
  const done = await time('retention apply', () => applyRetention(source.db, systemContext('bench')));
  console.log(`  ${done.anonymised} households, ${done.persons} persons, notes of ${done.notesCleared}`);
  const manifest = await time('backup', () => writeBackup(source.db, source.engine, file));
  const rows = Object.values(manifest.tables).reduce((a, n) => a + n, 0);
  console.log(`  ${rows} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
  const target = await fresh();
  await time('restore (verify, load, checks)', () => restoreBackup(target.db, file));
  await target.close();
} finally {
  await source.close();
  fs.rmSync(file, { force: true });
  if (created.length) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
