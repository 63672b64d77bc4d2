import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, newPglite, openPglite } from './client.js';

/**
 * A fresh embedded data dir costs PGlite an `initdb` inside WebAssembly (~2.5 s of CPU, most of a cold
 * start). So the first fresh start of a checkout builds an empty, migrated cluster once in
 * node_modules/.cache/quartier and every fresh data dir starts as a copy of it (a plain file copy, then
 * PGlite's ordinary reopen). The template holds no accounts and no records: it is made before the
 * first-start setup, in its own directory, and shut down cleanly. It is keyed by the PGlite version and
 * the migration files, so a new migration or a PGlite upgrade makes a new one. Without a writable cache
 * the start is only slower, never different.
 */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'quartier');
const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

function templateKey(): string {
  const hash = createHash('sha256');
  try {
    const pkg = path.join(repoRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json');
    hash.update(JSON.parse(fs.readFileSync(pkg, 'utf8')).version);
  } catch {
    hash.update('unknown-pglite');
  }
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(fs.readFileSync(file));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

/** File by file (copy-on-write where the file system can); faster than fs.cpSync for ~1,200 files. */
function copyDir(from: string, to: string) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(source, target);
    else fs.copyFileSync(source, target, fs.constants.COPYFILE_FICLONE);
  }
}

const isFresh = (dir: string) => !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;

/** Builds the template directory once; false when the cache is not writable or the build failed. */
async function ensureTemplate(template: string): Promise<boolean> {
  if (fs.existsSync(path.join(template, 'PG_VERSION'))) return true;
  const partial = `${template}.${process.pid}.tmp`;
  try {
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(partial), { recursive: true });
    const database = await openPglite(undefined, newPglite(partial));
    await database.close();
    fs.renameSync(partial, template);
    return true;
  } catch {
    fs.rmSync(partial, { recursive: true, force: true });
    // another process may have renamed its template into place first
    return fs.existsSync(path.join(template, 'PG_VERSION'));
  }
}

/** Opens (and migrates) PGlite in `dir`; a fresh dir starts as a copy of the cached empty cluster. */
export async function openPgliteDir(dir: string): Promise<Database> {
  if (!isFresh(dir)) return openPglite(dir);
  const template = path.join(cacheDir, `pglite-${templateKey()}`);
  if (await ensureTemplate(template)) {
    try {
      copyDir(template, dir);
      return await openPglite(dir);
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return openPglite(dir);
}
