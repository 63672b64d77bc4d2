import path from 'node:path';
import type { Config } from '../config.js';
import { type Database, openPostgres } from './client.js';
import { acquireDataDirLock } from './lock.js';
import { openPgliteDir } from './template.js';

/** PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pglite under a lock file. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  const release = acquireDataDirLock(config.DATA_DIR);
  try {
    const database = await openPgliteDir(path.join(config.DATA_DIR, 'pglite'));
    return {
      ...database,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
