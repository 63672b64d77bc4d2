/**
 * npm run backup -- --out FILE
 *
 * A consistent copy of the database (DATABASE_URL, or the embedded one in DATA_DIR — with the server
 * stopped, PGlite cannot be opened by two processes) into FILE, without sessions; then the verify step reads
 * the file back (checksum and row counts). Exit 0 when the backup verified, 1 when not, 2 when it could not run.
 */
import { writeBackup } from '../platform/backup/dump.js';
import { BackupError, verifyBackupFile } from '../platform/backup/restore.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { openDatabase } from '../platform/db/open.js';
import { argValue, runCli } from './args.js';

async function main() {
  const out = argValue('out');
  if (!out) {
    console.error('usage: npm run backup -- --out FILE');
    return 2;
  }
  const started = Date.now();
  const database = await openDatabase(loadConfig());
  try {
    const manifest = await writeBackup(database.db, database.engine, out);
    const written = Date.now();
    await verifyBackupFile(out);
    const rows = Object.values(manifest.tables).reduce((a, n) => a + n, 0);
    console.log(
      `backup written to ${out}: ${Object.keys(manifest.tables).length} tables, ${rows} rows in ${written - started} ms; verified in ${Date.now() - written} ms (sha256 ${manifest.sha256.slice(0, 16)}…)`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupError) {
      console.error(`backup FAILED to verify: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

runCli(main, (e) => e instanceof ConfigError || e instanceof DataDirLockedError);
