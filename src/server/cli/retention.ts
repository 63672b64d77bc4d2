/**
 * npm run retention -- --dry-run | --apply
 *
 * Lists what is due under the retention rules (--dry-run, the default) or anonymises it (--apply), on the
 * configured database (DATABASE_URL, or DATA_DIR with the server stopped; the server itself runs the same
 * job daily). Audited as the system. Exit 0 on success, 2 when it could not run.
 */

import { systemContext } from '../modules/retention/job.js';
import { applyRetention, previewRetention } from '../modules/retention/service.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { openDatabase } from '../platform/db/open.js';
import { runCli } from './args.js';

async function main() {
  const apply = process.argv.includes('--apply');
  const database = await openDatabase(loadConfig());
  try {
    const started = Date.now();
    const preview = await previewRetention(database.db);
    for (const r of preview.rows)
      console.log(
        `${r.category.padEnd(12)} after ${String(r.months).padStart(3)} / notes ${String(r.notesMonths).padStart(3)} months: ${r.anonymise} households (${r.persons} persons) to anonymise, ${r.clearNotes} to remove notes`,
      );
    if (!apply) {
      console.log(
        `dry run as of ${preview.asOf} in ${Date.now() - started} ms: nothing changed (--apply to run)`,
      );
      return 0;
    }
    const done = await applyRetention(database.db, systemContext('cli-retention'));
    console.log(
      `anonymised ${done.anonymised} households (${done.persons} persons), removed the notes of ${done.notesCleared} in ${done.ms} ms`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

runCli(main, (e) => e instanceof ConfigError || e instanceof DataDirLockedError);
