/**
 * Concurrent writers on one rollup cell (performance issue 11): 8 connections create contacts with two
 * reasons each for the same site, day, category and contact type for a few seconds, in two modes:
 *  - deltas: the statistics triggers as migrated (each statement appends its deltas, migration 0026), with
 *    the fold running as the API runs it (every QUARTIER_STAT_FOLD_MS, 1 s; in the SQL part on a connection
 *    of its own, in the API part the app's own timer);
 *  - off: the rollup insert triggers disabled (stat_contacts_ins, stat_reasons_ins; ALTER TABLE … DISABLE
 *    TRIGGER in the benchmark's own database only); the fold keeps running and finds nothing.
 * Prints contacts/s of each and the loss against "off" in %. The modes alternate over several rounds so
 * that load from other processes on the machine falls on all alike.
 *
 *   npm run bench -- --only writers [--writers 8] [--writers-seconds 4] [--writers-rounds 3] [--writers-api false]
 *
 *  - sql: each writer is its own pg connection running the contact create's statements as the API does
 *    (household locked FOR UPDATE, contact, reasons, commit); each writer has its own household (the
 *    household lock would serialise writers on one household whatever the rollups do), all of one
 *    site and category.
 *  - api: the real app on the same database, one caseworker, each writer a fetch loop of
 *    POST /api/households/:id/contacts on its own household (in this process, like the app).
 *
 * The database quartier_bench_writers is created fresh and dropped afterwards.
 */
import { execSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config.js';
import { demoPassword } from '../src/server/setup/initialize.js';
import { benchPostgres, dropPostgres } from './person-search.js';

export interface WritersOptions {
  url: string;
  writers: number;
  seconds: number;
  rounds: number;
  api: boolean;
  log: (line: string) => void;
}

interface ModeResult {
  /** committed contacts over all rounds */
  inserts: number;
  seconds: number;
  errors: number;
}

const modes = ['deltas', 'off'] as const;
type Mode = (typeof modes)[number];
type Modes = Record<Mode, ModeResult>;

export interface WritersResult {
  writers: number;
  seconds: number;
  rounds: number;
  sql: Modes;
  api: Modes | null;
  exact: boolean;
  /** the fold moved everything: no delta left, and the rollup tables alone equal the plain counts */
  folded: boolean;
  buckets: number;
  load: string;
}

const day = '2025-03-14';
const contactType = 'sprechstunde';
const reasons = [
  { lifeArea: 'wohnen', supportKind: 'beratung' },
  { lifeArea: 'arbeit-beruf', supportKind: 'begleitung' },
];
const rollupTriggers = [
  ['contacts', 'stat_contacts_ins'],
  ['contact_reasons', 'stat_reasons_ins'],
] as const;

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `writers` loops of `one(w)` for `seconds`; counts the iterations that resolved. */
async function loops(writers: number, seconds: number, one: (w: number) => Promise<void>) {
  const until = performance.now() + seconds * 1000;
  let inserts = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (performance.now() < until) {
        try {
          await one(w);
          inserts++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { inserts, errors, seconds: (performance.now() - started) / 1000 };
}

export async function benchWriters(o: WritersOptions): Promise<WritersResult> {
  const name = 'quartier_bench_writers';
  const database = await benchPostgres(o.url, name);
  const clients: pg.Client[] = [];
  let folding = true;
  try {
    const db = database.db;
    const [user] = rowsOf<{ id: string; site: string }>(
      await db.execute(sql`SELECT id, site_ids[1] AS site FROM users WHERE username = 'fachkraft.ba'`),
    );
    const households = rowsOf<{ id: string }>(
      await db.execute(sql`INSERT INTO households (case_number, site_id, registered_site_id, category, registered_on)
        SELECT 'W-' || g, ${user.site}::uuid, ${user.site}::uuid, 'refugee', '2025-01-02'::date
        FROM generate_series(1, ${o.writers}) g RETURNING id`),
    ).map((h) => h.id);
    const setMode = async (mode: Mode) => {
      for (const [table, trigger] of rollupTriggers) {
        await db.execute(
          sql.raw(`ALTER TABLE ${table} ${mode === 'off' ? 'DISABLE' : 'ENABLE'} TRIGGER ${trigger}`),
        );
      }
    };

    for (let w = 0; w <= o.writers; w++) {
      const client = new pg.Client({ connectionString: withDatabase(o.url, name) });
      await client.connect();
      clients.push(client);
    }
    // the SQL part's fold, on the last connection, every second as the API's timer
    const folder = clients[o.writers];
    const foldLoop = (async () => {
      while (folding) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (folding) await folder.query('SELECT stat_fold()');
      }
    })();
    const sqlInsert = async (w: number) => {
      const c = clients[w];
      await c.query('BEGIN');
      try {
        await c.query('SELECT id FROM households WHERE id = $1 FOR UPDATE', [households[w]]);
        const {
          rows: [row],
        } = await c.query(
          `INSERT INTO contacts (household_id, site_id, staff_user_id, date, contact_type, category)
           VALUES ($1, $2, $3, $4, $5, 'refugee') RETURNING id`,
          [households[w], user.site, user.id, day, contactType],
        );
        await c.query(
          'INSERT INTO contact_reasons (contact_id, life_area, support_kind) VALUES ($1, $2, $3), ($1, $4, $5)',
          [row.id, reasons[0].lifeArea, reasons[0].supportKind, reasons[1].lifeArea, reasons[1].supportKind],
        );
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      }
    };

    let apiInsert: ((w: number) => Promise<void>) | null = null;
    let closeApp = async () => {};
    if (o.api) {
      const config = loadConfig({
        QUARTIER_LOGIN_RATE_PER_MINUTE: '100000',
        QUARTIER_COOKIE_SECURE: 'false',
      });
      const app = await buildApp(database, config, { serveWeb: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      closeApp = () => app.close();
      const { port } = app.server.address() as { port: number };
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'fachkraft.ba', password: demoPassword }),
      });
      if (!login.ok) throw new Error(`login failed: ${login.status}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const body = JSON.stringify({ date: day, contactType, reasons });
      apiInsert = async (w: number) => {
        const res = await fetch(`${base}/api/households/${households[w]}/contacts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`contact: ${res.status}`);
      };
      // warm-up: the first requests compile schemas and fill caches
      for (let i = 0; i < 20; i++) await apiInsert(i % o.writers);
    }

    const zero = (): ModeResult => ({ inserts: 0, seconds: 0, errors: 0 });
    const none = (): Modes => ({ deltas: zero(), off: zero() });
    const result = { sql: none(), api: apiInsert ? none() : null };
    const add = (into: ModeResult, r: ModeResult) => {
      into.inserts += r.inserts;
      into.seconds += r.seconds;
      into.errors += r.errors;
    };
    await loops(o.writers, 1, sqlInsert); // warm-up
    for (let round = 0; round < o.rounds; round++) {
      // rotate which mode goes first, so drift in the machine's load falls on all alike
      const order = modes.map((_, i) => modes[(i + round) % modes.length]);
      for (const mode of order) {
        await setMode(mode);
        o.log(`  round ${round + 1}/${o.rounds}, ${mode}: sql …`);
        add(result.sql[mode], await loops(o.writers, o.seconds, sqlInsert));
        if (apiInsert && result.api) {
          o.log(`  round ${round + 1}/${o.rounds}, ${mode}: api …`);
          add(result.api[mode], await loops(o.writers, o.seconds, apiInsert));
        }
      }
    }
    await setMode('deltas');
    await closeApp();

    // with the rollups on from the start of a fresh cell, they equal plain counts: check it once more, as the
    // report reads them (rollups and deltas) while the fold runs, and the rollup tables alone after a last fold
    await db.execute(sql`SELECT stat_rebuild()`);
    await loops(o.writers, 1.5, sqlInsert);
    const equal = async (suffix: '_all' | '') => {
      const [row] = rowsOf<{ exact: boolean }>(
        await db.execute(sql`SELECT
          (SELECT coalesce(sum(contacts), 0) FROM ${sql.identifier(`stat_contacts_day${suffix}`)} WHERE day = ${day}::date)
            = (SELECT count(*) FROM contacts WHERE date = ${day}::date)
          AND (SELECT coalesce(sum(reasons), 0) FROM ${sql.identifier(`stat_reasons_day${suffix}`)} WHERE day = ${day}::date)
            = (SELECT count(*) FROM contact_reasons r JOIN contacts c ON c.id = r.contact_id WHERE c.date = ${day}::date)
          AS exact`),
      );
      return row.exact;
    };
    const exact = await equal('_all');
    folding = false;
    await foldLoop;
    await db.execute(sql`SELECT stat_fold(true)`);
    const [left] = rowsOf<{ n: number; buckets: number }>(
      await db.execute(sql`SELECT (SELECT count(*)::int FROM stat_contacts_delta)
          + (SELECT count(*)::int FROM stat_reasons_delta) AS n,
        (SELECT count(*)::int FROM stat_contacts_day WHERE day = ${day}::date) AS buckets`),
    );
    const folded = Number(left.n) === 0 && (await equal(''));
    return {
      writers: o.writers,
      seconds: o.seconds,
      rounds: o.rounds,
      ...result,
      exact,
      folded,
      buckets: left.buckets,
      load: execSync('uptime').toString().trim(),
    };
  } finally {
    folding = false;
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await database.close();
    await dropPostgres(o.url, name);
  }
}

function modeLines(label: string, m: Modes) {
  const rate = (r: ModeResult) => r.inserts / r.seconds;
  const off = rate(m.off);
  const errors = modes.reduce((n, mode) => n + m[mode].errors, 0);
  return [
    `  ${label.padEnd(4)} ` +
      modes
        .map((mode) =>
          mode === 'off'
            ? `rollup triggers off ${off.toFixed(0).padStart(5)}/s`
            : `${mode} ${rate(m[mode]).toFixed(0).padStart(5)}/s (${((1 - rate(m[mode]) / off) * -100).toFixed(1)} %)`,
        )
        .join('   ') +
      (errors ? `   errors ${errors}` : ''),
  ];
}

export function formatWriters(r: WritersResult): string {
  return [
    '',
    `concurrent writers on one rollup cell (PostgreSQL; ${r.writers} writers, one site, day, category and contact ` +
      `type, 2 reasons per contact; ${r.rounds} rounds of ${r.seconds} s per mode; contacts/s, change against ` +
      'the rollup triggers off)',
    ...modeLines('sql', r.sql),
    ...(r.api ? modeLines('api', r.api) : []),
    `  rollups and deltas equal plain counts afterwards: ${r.exact ? 'yes' : 'NO'}; after a last fold no delta ` +
      `is left and the rollups alone equal them: ${r.folded ? 'yes' : 'NO'}; rows of the day's contact cell: ${r.buckets}`,
    `  load: ${r.load}`,
  ].join('\n');
}
