/**
 * npm run restore -- --in FILE
 *
 * Verifies FILE (checksum, row counts), then loads it into an EMPTY database: a new PostgreSQL database
 * in DATABASE_URL, or a new DATA_DIR for the embedded engine (the server stopped). Sessions are not in the
 * backup: everyone logs in again. Afterwards the row counts and the audit chain are checked.
 * Exit 0 when restored and verified, 1 when the file or the result did not verify, 2 when it could not run.
 */
import { BackupError, restoreBackup, verifyBackupFile } from '../platform/backup/restore.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { openDatabase } from '../platform/db/open.js';
import { argValue, runCli } from './args.js';

async function main() {
  const file = argValue('in');
  if (!file) {
    console.error('usage: npm run restore -- --in FILE   (into an empty database)');
    return 2;
  }
  const started = Date.now();
  try {
    // the file first: a broken backup must not leave a half-made database behind
    await verifyBackupFile(file);
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(`backup file does not verify: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const database = await openDatabase(loadConfig());
  try {
    const { header, manifest, chain } = await restoreBackup(database.db, file);
    const rows = Object.values(manifest.tables).reduce((a, n) => a + n, 0);
    console.log(
      `restored ${rows} rows of ${Object.keys(manifest.tables).length} tables from the backup of ${header.createdAt} (${header.engine}) in ${Date.now() - started} ms; audit chain verified (${chain.sealed} sealed entries). Sessions are not restored: everyone logs in again.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(`restore FAILED: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

runCli(main, (e) => e instanceof ConfigError || e instanceof DataDirLockedError);
