/**
 * npm run demo [-- --scale N] [--seed S] [--reset]
 *
 * Generates deterministic demo data into the configured database (DATA_DIR or DATABASE_URL, as the
 * server): at scale 1 the seed's table (Oct 2016 – Oct 2021) comes out exactly, data continue up to today.
 * Refuses when demo data exist, unless --reset (which deletes the previous demo data first).
 */
import { parseArgs } from 'node:util';
import { defaultDemoSeed, deleteDemoData, generateDemoData, hasDemoData } from '../demo/index.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { maintainDatabase } from '../platform/db/maintenance.js';
import { openDatabase } from '../platform/db/open.js';
import { initializeIfEmpty } from '../setup/initialize.js';
import { loadProfile } from '../setup/profile.js';

const usage = `Usage: npm run demo -- [--scale N] [--seed S] [--reset]
  --scale N   volume factor (default 1: exactly the seed's table; 25 ≈ 1 million contacts)
  --seed S    random seed (default ${defaultDemoSeed}); the same seed gives the same data
  --reset     delete existing demo data first`;

function formatMs(ms: number) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  // whole seconds first: 119.6 s is 2 min 0 s, not 1 min 60 s
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function progressBar(started: number) {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return (done: number, total: number) => {
    const share = total > 0 ? done / total : 1;
    const elapsed = formatMs(performance.now() - started);
    if (tty) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)} %  ` +
          `${done.toLocaleString('de-DE')} / ${total.toLocaleString('de-DE')} Datensätze  ${elapsed}   `,
      );
      if (done >= total) process.stderr.write('\n');
    } else {
      const decile = Math.floor(share * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        process.stderr.write(
          `  ${decile * 10} % (${done.toLocaleString('de-DE')} / ${total.toLocaleString('de-DE')}) ${elapsed}\n`,
        );
      }
    }
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const scale = Number(values.scale);
  const seed = values.seed === undefined ? defaultDemoSeed : Number(values.seed);
  if (!Number.isFinite(scale) || scale <= 0 || !Number.isSafeInteger(seed)) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }

  const started = performance.now();
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const init = await initializeIfEmpty(database.db, loadProfile(config.QUARTIER_PROFILE), {
      demo: config.QUARTIER_DEMO,
      adminPassword: config.QUARTIER_ADMIN_PASSWORD,
    });
    if (init.initialized) {
      console.log('Empty database: initialized with the profile.');
      for (const c of init.credentials) {
        if (!config.QUARTIER_DEMO && !c.generated)
          console.log(`  ${c.username} (${c.role}): password from QUARTIER_ADMIN_PASSWORD`);
        else console.log(`  ${c.username.padEnd(14)} ${c.role.padEnd(22)} password: ${c.password}`);
      }
      if (init.credentials.some((c) => c.generated)) console.log('  This password is shown only once.');
    }
    if (await hasDemoData(database.db)) {
      if (!values.reset) {
        console.error('Demo data exist already. Run `npm run demo -- --reset` to replace them.');
        process.exitCode = 1;
        return;
      }
      const t = performance.now();
      process.stderr.write('Deleting the previous demo data …\n');
      const deleted = await deleteDemoData(database.db);
      console.log(
        `Deleted ${deleted.households.toLocaleString('de-DE')} demo households and ` +
          `${deleted.contacts.toLocaleString('de-DE')} contacts in ${formatMs(performance.now() - t)}.`,
      );
    }
    const where = config.DATABASE_URL ? 'PostgreSQL' : `the embedded database in ${config.DATA_DIR}`;
    process.stderr.write(`Generating demo data (scale ${scale}, seed ${seed}) into ${where} …\n`);
    const result = await generateDemoData(database.db, {
      scale,
      seed,
      onProgress: progressBar(performance.now()),
    });

    const n = (x: number) => x.toLocaleString('de-DE');
    console.log(`\nSeed window (opening – ${'31.10.2021'}): households / persons / contacts per site`);
    for (const s of result.seedWindow) {
      console.log(
        `  ${s.code.padEnd(5)} ${n(s.households).padStart(9)} ${n(s.persons).padStart(10)} ${n(s.contacts).padStart(11)}`,
      );
    }
    const sum = result.seedWindow.reduce(
      (t, s) => ({ h: t.h + s.households, p: t.p + s.persons, c: t.c + s.contacts }),
      { h: 0, p: 0, c: 0 },
    );
    console.log(
      `  ${'total'.padEnd(5)} ${n(sum.h).padStart(9)} ${n(sum.p).padStart(10)} ${n(sum.c).padStart(11)}`,
    );
    const r = result.rows;
    console.log(
      `\nWritten up to ${result.today}: ${n(r.households)} households, ${n(r.persons)} persons, ` +
        `${n(r.contacts)} contacts with ${n(r.contact_reasons)} reasons, ${n(r.consents)} consents, ` +
        `${n(r.needs_assessments)} needs assessments, ${n(r.referrals)} referrals, ${n(r.follow_ups)} follow-ups, ` +
        `${n(r.appointments)} appointments, ${n(r.transfers)} transfers.`,
    );
    console.log(
      `Network: ${n(r.partners)} partners, ${n(r.offers)} offers, ${n(r.events)} events, ` +
        `${n(r.volunteers)} volunteers, ${n(r.mediators)} mediators with ${n(r.mediator_bookings)} bookings.`,
    );
    // fresh planner statistics for the new rows (the rollups above all) and, embedded, a bounded WAL
    const maintenance = await maintainDatabase(database);
    console.log(
      `VACUUM ANALYZE${database.engine === 'pglite' ? ', CHECKPOINT' : ''}: ${formatMs(maintenance.ms)}.`,
    );
    console.log(`Generation: ${formatMs(result.ms)}; total time ${formatMs(performance.now() - started)}.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
  else console.error('Demo data could not be generated:', error);
  process.exit(1);
});
