import { buildApp } from './app.js';
import { generateDemoData } from './demo/index.js';
import { scheduleRetention } from './modules/retention/job.js';
import { sealAuditLog } from './platform/audit-chain.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { maintainDatabase, scheduleMaintenance } from './platform/db/maintenance.js';
import { openDatabase } from './platform/db/open.js';
import { initializeIfEmpty } from './setup/initialize.js';
import { loadProfile } from './setup/profile.js';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  let database = await openDatabase(config);
  const init = await initializeIfEmpty(database.db, loadProfile(config.QUARTIER_PROFILE), {
    demo: config.QUARTIER_DEMO,
    adminPassword: config.QUARTIER_ADMIN_PASSWORD,
  });
  if (init.initialized) {
    const demo = config.QUARTIER_DEMO;
    console.log(
      demo ? '\nDEMO accounts (demo data — not for real cases):' : '\nFirst start: administrator account',
    );
    for (const c of init.credentials) {
      if (!demo && !c.generated)
        console.log(`  ${c.username} (${c.role}): password from QUARTIER_ADMIN_PASSWORD`);
      else console.log(`  ${c.username.padEnd(14)} ${c.role.padEnd(22)} password: ${c.password}`);
    }
    if (!demo && init.credentials.some((c) => c.generated))
      console.log('  This password is shown only once.');
    console.log('');
  }
  if (init.initialized && config.QUARTIER_DEMO && config.QUARTIER_DEMO_DATA) {
    process.stdout.write('Generating demo data (the seed table of Dortmund, continued to today) … ');
    const demo = await generateDemoData(database.db, { scale: 1 });
    console.log(
      `${demo.rows.households} households, ${demo.rows.contacts} contacts in ${Math.round(demo.ms / 1000)} s`,
    );
    await maintainDatabase(database);
    if (database.engine === 'pglite') {
      // a WebAssembly heap never shrinks: reopening leaves the bulk load's peak memory behind (~0.3 s)
      await database.close();
      database = await openDatabase(config);
    }
  }
  const app = await buildApp(database, config, { logger: { level: config.LOG_LEVEL } });
  // the audit log's hash chain: new entries are sealed every minute and once more at shutdown
  const seal = () =>
    sealAuditLog(database.db).catch((e) => app.log.error({ err: (e as Error).name }, 'audit seal failed'));
  const sealer = setInterval(seal, 60_000);
  sealer.unref();
  // the daily retention run; a demo installation runs it from the retention page only (its demo households
  // would otherwise be anonymised minutes after the first start)
  const stopRetention = config.QUARTIER_DEMO
    ? () => {}
    : scheduleRetention(database.db, (msg) => app.log.info(msg));
  // the embedded engine has no autovacuum: VACUUM ANALYZE and a CHECKPOINT (bounded WAL) once a day
  const stopMaintenance = scheduleMaintenance(database, (msg) => app.log.info(msg));
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    stopMaintenance();
    clearInterval(sealer);
    stopRetention();
    await app.close();
    await seal();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
  const where = config.DATABASE_URL ? 'PostgreSQL' : `embedded database in ${config.DATA_DIR}`;
  console.log(
    `Quartier is running on http://localhost:${config.PORT} (${where}), ready in ${Date.now() - started} ms`,
  );
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Quartier could not start:', error);
  }
  process.exit(1);
});
