/**
 * npm run audit:verify
 *
 * Seals nothing, changes nothing: recomputes the audit log's hash chain (platform/audit-chain.ts) on the
 * configured database (DATABASE_URL, or the embedded one in DATA_DIR while the server is stopped) and exits
 * 0 when it holds, 1 naming the first changed, missing or inserted entry, 2 when it could not run.
 */
import { verifyAuditChain } from '../platform/audit-chain.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { openDatabase } from '../platform/db/open.js';

const explain = {
  changed: 'was changed after it was sealed',
  missing: 'was deleted (its seal remains)',
  missingBefore: 'follows an entry that was deleted together with its seal',
  inserted: 'was inserted afterwards (an old entry without a seal)',
} as const;

async function main() {
  const database = await openDatabase(loadConfig());
  try {
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      console.log(
        `audit chain verified: ${report.sealed} sealed entries, ${report.unsealed} recent not yet sealed`,
      );
      return 0;
    }
    const p = report.problem;
    if (p)
      console.error(
        `audit chain BROKEN at entry ${p.entryId}: it ${explain[p.kind]} (${report.sealed} entries verified before it)`,
      );
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : error,
    );
    process.exit(2);
  },
);
