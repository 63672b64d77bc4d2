import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../src/server/platform/db/client.js';
import { initializeIfEmpty } from '../src/server/setup/initialize.js';
import { loadProfile } from '../src/server/setup/profile.js';

export const defaultUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, statements: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL database `name` on the server of `url`: fresh (dropped and created) unless `reuse`. */
export async function benchPostgres(url: string, name: string, reuse = false): Promise<Database> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  if (!reuse) await admin(url, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`]);
  else await admin(url, [`CREATE DATABASE ${name}`]).catch(() => {});
  const database = await openPostgres(withDatabase(url, name));
  await initializeIfEmpty(database.db, loadProfile('dortmund'), {
    demo: true,
    adminPassword: 'Bench-Password-2026',
  });
  return database;
}

export async function dropPostgres(url: string, name: string) {
  await admin(url, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}

/** PGlite in a temporary directory (as the embedded server keeps it), removed on close. */
export async function benchPglite(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-bench-'));
  const database = await openPglite(dir);
  await initializeIfEmpty(database.db, loadProfile('dortmund'), {
    demo: true,
    adminPassword: 'Bench-Password-2026',
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A progress line on stderr (overwritten in a terminal). */
export function progressLine(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - last < 500) return;
    last = now;
    const pct = total ? Math.floor((100 * done) / total) : 100;
    const line = `  ${label}: ${pct} % (${done.toLocaleString('en')} / ${total.toLocaleString('en')})`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}   ${done >= total ? '\n' : ''}`);
    else if (done >= total || pct % 25 === 0) process.stderr.write(`${line}\n`);
  };
}
