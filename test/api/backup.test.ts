import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { generateDemoData } from '../../src/server/demo/index.js';
import { verifyAuditChain } from '../../src/server/platform/audit-chain.js';
import { writeBackup } from '../../src/server/platform/backup/dump.js';
import { BackupError, restoreBackup, verifyBackupFile } from '../../src/server/platform/backup/restore.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { type Database, openPglite, openPostgres } from '../../src/server/platform/db/client.js';
import { rowsOf } from '../../src/server/platform/sql.js';
import { demoPassword, initializeIfEmpty } from '../../src/server/setup/initialize.js';
import { loadProfile } from '../../src/server/setup/profile.js';

const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-backup-'));
const scratch: string[] = [];

/** A scratch PostgreSQL database, dropped in afterAll. */
async function scratchPostgres(): Promise<Database> {
  const name = `quartier_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  scratch.push(name);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  (database.db as unknown as { $client: { on(e: 'error', l: () => void): void } }).$client.on(
    'error',
    () => {},
  );
  return database;
}

const open: Database[] = [];
const track = (d: Database) => {
  open.push(d);
  return d;
};

/** The report as the central coordination sees it, for a few periods and site sets. */
async function statistics(database: Database) {
  const app = await buildApp(database, loadConfig({ QUARTIER_LOGIN_RATE_PER_MINUTE: '100000' }), {
    serveWeb: false,
  });
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zentrale', password: demoPassword },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'quartier_session')!.value;
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, cookies: { quartier_session: cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const sites = (await get('/api/sites')) as { id: string }[];
    const out = [];
    for (const q of [
      '',
      'from=2019-01-01&to=2019-12-31',
      `siteIds=${sites[0].id}`,
      `siteIds=${sites[1].id},${sites[2].id}&to=2021-06-15`,
    ])
      out.push(await get(`/api/statistics/report?${q}`));
    return out;
  } finally {
    await app.close();
  }
}

/** Assessments whose is_latest is not what the latest of their household, person and life area says. */
const wrongLatest = async (db: Database['db']) =>
  Number(
    rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM needs_assessments n
        WHERE n.is_latest IS DISTINCT FROM (n.id = (SELECT x.id FROM needs_assessments x
          WHERE x.household_id = n.household_id AND x.person_id IS NOT DISTINCT FROM n.person_id
            AND x.life_area = n.life_area ORDER BY x.assessed_on DESC, x.created_at DESC, x.id DESC LIMIT 1))`),
    )[0].n,
  );

const count = async (db: Database['db'], table: string) =>
  Number(
    rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]
      .n,
  );

let source: Database;
let file: string;
let expected: unknown[];

beforeAll(async () => {
  source = track(await openPglite());
  await initializeIfEmpty(source.db, loadProfile('dortmund'), { demo: true });
  await generateDemoData(source.db, { scale: 0.03, today: '2023-06-30' });
  expected = await statistics(source); // also leaves a session behind, which the backup must not carry
  file = path.join(dir, 'pglite.qbackup');
}, 300_000);

afterAll(async () => {
  for (const d of open) await d.close().catch(() => {});
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  for (const name of scratch) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a backup that verifies, without sessions', async () => {
    expect(await count(source.db, 'sessions')).toBeGreaterThan(0);
    const manifest = await writeBackup(source.db, source.engine, file);
    expect(manifest.tables.households).toBe(await count(source.db, 'households'));
    expect(manifest.tables.sessions).toBeUndefined();
    const { manifest: read } = await verifyBackupFile(file);
    expect(read).toEqual(manifest);
  }, 120_000);

  it('finds a changed or truncated file', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n');
    const row = lines.findIndex((l) => !l.startsWith('#') && l.includes('"case_number":"'));
    const changed = [...lines];
    changed[row] = changed[row].replace(/"case_number":"([^"]+)"/, '"case_number":"XX-$1"');
    fs.writeFileSync(`${file}.changed`, zlib.gzipSync(changed.join('\n')));
    await expect(verifyBackupFile(`${file}.changed`)).rejects.toThrow(/checksum/);
    fs.writeFileSync(`${file}.short`, zlib.gzipSync(lines.slice(0, lines.length - 50).join('\n')));
    await expect(verifyBackupFile(`${file}.short`)).rejects.toBeInstanceOf(BackupError);
  });

  it('restores into PGlite with identical statistics and a verifying audit chain', async () => {
    const target = track(await openPglite());
    const { chain } = await restoreBackup(target.db, file);
    expect(chain.ok).toBe(true);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
    expect(await count(target.db, 'sessions')).toBe(0);
    expect(await count(target.db, 'persons')).toBe(await count(source.db, 'persons'));
    expect(await statistics(target)).toEqual(expected);
    expect(await wrongLatest(target.db)).toBe(0);
    // a restore goes into an empty database only
    await expect(restoreBackup(target.db, file)).rejects.toThrow(/not empty/);
  }, 300_000);

  it('restores the PGlite backup into PostgreSQL, and a PostgreSQL backup into PostgreSQL', async () => {
    const first = track(await scratchPostgres());
    await restoreBackup(first.db, file);
    expect(await statistics(first)).toEqual(expected);
    const pgFile = path.join(dir, 'postgres.qbackup');
    await writeBackup(first.db, first.engine, pgFile);
    const second = track(await scratchPostgres());
    const { chain } = await restoreBackup(second.db, pgFile);
    expect(chain.ok).toBe(true);
    expect(await count(second.db, 'sessions')).toBe(0);
    expect(await statistics(second)).toEqual(expected);
    expect(await wrongLatest(second.db)).toBe(0);
    // new records get fresh ids after the restored ones (sequences moved on)
    const [max] = rowsOf<{ id: number }>(
      await second.db.execute(sql`SELECT max(id)::int AS id FROM audit_log`),
    );
    await second.db.execute(
      sql`INSERT INTO audit_log (action, entity_type, request_id) VALUES ('audit.read', 'audit', 'test')`,
    );
    const [next] = rowsOf<{ id: number }>(
      await second.db.execute(sql`SELECT max(id)::int AS id FROM audit_log`),
    );
    expect(Number(next.id)).toBeGreaterThan(Number(max.id));
  }, 300_000);
});
