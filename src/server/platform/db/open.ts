import path from 'node:path';
import type { Config } from '../config.js';
import { type Database, openPostgres } from './client.js';
import { acquireDataDirLock } from './lock.js';
import { attachReadReplica } from './replica.js';
import { openPgliteDir } from './template.js';

/**
 * PostgreSQL when DATABASE_URL is set (with DATABASE_READ_URL: statistics reads on that replica), else
 * PGlite in DATA_DIR/pglite under a lock file.
 */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) {
    const primary = await openPostgres(config.DATABASE_URL);
    return config.DATABASE_READ_URL ? attachReadReplica(primary, config.DATABASE_READ_URL) : primary;
  }
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
