/**
 * HTTP throughput: the real app (PostgreSQL, demo data, a signed-in caseworker, every list read audited)
 * against a bare Fastify 5 server that answers the same body, measured with autocannon in its own process
 * (so the load generator does not share the server's event loop), each run after an uncounted warm-up of
 * 2 s. Prints req/s, p50/p99 and the ratio.
 *
 *   npm run bench -- --only throughput [--throughput-scale 25] [--duration 10] [--reuse] [--keep]
 *
 * The database quartier_bench_throughput is created (demo data generated unless --reuse finds them) and
 * dropped afterwards, unless --keep.
 */
import { execSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.js';
import { generateDemoData, hasDemoData } from '../src/server/demo/index.js';
import { loadConfig } from '../src/server/platform/config.js';
import { demoPassword } from '../src/server/setup/initialize.js';
import { postgresCpuMs, processCpuMs } from './cpu.js';
import { benchPostgres, dropPostgres, progressLine } from './person-search.js';
import { type Latency, latency, latencyLine } from './stats.js';

export interface ThroughputOptions {
  url: string;
  scale: number;
  durationSeconds: number;
  reuse: boolean;
  keep: boolean;
  log: (line: string) => void;
}

interface Run {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface ThroughputRow {
  label: string;
  connections: number;
  app: Run;
  bare: Run | null;
  /** CPU per answered request during the app's run, in ms: the app's process, the local PostgreSQL (null if remote) */
  cpu: { appMs: number; postgresMs: number | null };
}

export interface ThroughputResult {
  scale: number;
  households: number;
  generationMs: number | null;
  rows: ThroughputRow[];
  audited: { requests: number; entries: number };
  /** searches asked once each (a name, sort and order not asked before: ranked by the database) */
  firstSearches: Latency;
  load: string;
}

/** Each measured run follows an uncounted one of this length, for the app and for the bare server alike. */
const warmupSeconds = 2;

const autocannonBin = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));

/** autocannon in a child process; its JSON summary on stdout. */
function autocannon(url: string, connections: number, seconds: number, cookie?: string): Promise<Run> {
  const args = [autocannonBin, '--json', '-c', String(connections), '-d', String(seconds)];
  if (cookie) args.push('-H', `cookie=${cookie}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      resolve({
        requests: r.requests.total,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
      });
    });
  });
}

/** A bare Fastify 5 server answering `body` as JSON on every GET: the ceiling for this machine. */
async function bareServer(body: string) {
  const app = Fastify({ logger: false });
  app.get('/*', (_request, reply) => {
    reply.type('application/json; charset=utf-8').send(body);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}` };
}

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

export async function benchThroughput(o: ThroughputOptions): Promise<ThroughputResult> {
  const name = 'quartier_bench_throughput';
  const database = await benchPostgres(o.url, name, o.reuse);
  try {
    let generationMs: number | null = null;
    if (!(await hasDemoData(database.db))) {
      const r = await generateDemoData(database.db, {
        scale: o.scale,
        onProgress: progressLine('throughput data'),
      });
      generationMs = r.ms;
    }
    // as after `npm run demo`: fresh statistics and visibility maps
    await database.db.execute(sql`VACUUM ANALYZE`);
    const [{ n: households }] = rowsOf<{ n: number }>(
      await database.db.execute(sql`SELECT count(*)::int AS n FROM households`),
    );

    const config = loadConfig({ QUARTIER_LOGIN_RATE_PER_MINUTE: '100000', QUARTIER_COOKIE_SECURE: 'false' });
    const app = await buildApp(database, config, { serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    try {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'fachkraft.ba', password: demoPassword }),
      });
      if (!login.ok) throw new Error(`login failed: ${login.status}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const { user } = (await login.json()) as { user: { id: string } };
      const countAudit = async () =>
        rowsOf<{ n: number }>(
          await database.db.execute(
            sql`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = ${user.id} AND action = 'record.searched'`,
          ),
        )[0].n;

      const cases: { label: string; path: string; connections: number[] }[] = [
        {
          label: 'household list, page 1',
          path: '/api/households?page=1&pageSize=25',
          connections: [10, 50],
        },
        { label: 'household list, page 3', path: '/api/households?page=3&pageSize=25', connections: [10] },
        {
          label: 'household list, status filter',
          path: '/api/households?page=1&pageSize=25&status=active',
          connections: [10],
        },
        {
          label: 'household list, by name',
          path: '/api/households?page=1&pageSize=25&sort=headName&order=asc',
          connections: [10],
        },
        {
          label: 'household list, search',
          path: '/api/households?page=1&pageSize=25&q=ahmad',
          connections: [10],
        },
        { label: 'GET /api/auth/me', path: '/api/auth/me', connections: [10] },
      ];
      const rows: ThroughputRow[] = [];
      let listRequests = 0;
      const auditBefore = await countAudit();
      const firstSearches = await timeFirstSearches(base, cookie);
      listRequests += firstSearches.queries;
      for (const c of cases) {
        const res = await fetch(`${base}${c.path}`, { headers: { cookie } });
        if (!res.ok) throw new Error(`${c.path}: ${res.status}`);
        const body = await res.text();
        if (c.path.startsWith('/api/households')) listRequests++;
        const bare = await bareServer(body);
        try {
          for (const connections of c.connections) {
            o.log(`  ${c.label}, ${connections} connections …`);
            // a warm-up run first, not counted (JIT, the server's plan caches, the pools' connections)
            const warm = await autocannon(`${base}${c.path}`, connections, warmupSeconds, cookie);
            const cpuBefore = { app: processCpuMs(), postgres: postgresCpuMs() };
            const appRun = await autocannon(`${base}${c.path}`, connections, o.durationSeconds, cookie);
            const postgresAfter = postgresCpuMs();
            const cpu = {
              appMs: (processCpuMs() - cpuBefore.app) / Math.max(1, appRun.requests),
              postgresMs:
                postgresAfter === null || cpuBefore.postgres === null
                  ? null
                  : (postgresAfter - cpuBefore.postgres) / Math.max(1, appRun.requests),
            };
            if (c.path.startsWith('/api/households')) listRequests += warm.requests + appRun.requests;
            await autocannon(`${bare.base}${c.path}`, connections, warmupSeconds);
            const bareRun = await autocannon(`${bare.base}${c.path}`, connections, o.durationSeconds);
            rows.push({ label: c.label, connections, app: appRun, bare: bareRun, cpu });
          }
        } finally {
          await bare.app.close();
        }
      }
      const audited = { requests: listRequests, entries: (await countAudit()) - auditBefore };
      return {
        scale: o.scale,
        households,
        generationMs,
        rows,
        audited,
        firstSearches,
        load: execSync('uptime').toString().trim(),
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    if (!o.keep) await dropPostgres(o.url, name);
  }
}

/** Common names of the demo data, each with many namesakes at a site. */
const firstSearchNames = ['hassan', 'ali', 'hussein', 'mohammadi', 'ibrahim', 'mustafa', 'karimi', 'nasser'];

/**
 * One request at a time, each search asked once (name × sort × order): what a search costs before the
 * process keeps its matches (households/search-cache.ts), as the first time a caseworker types a name.
 */
async function timeFirstSearches(base: string, cookie: string) {
  const times: number[] = [];
  for (const name of firstSearchNames) {
    for (const sort of ['registeredOn', 'headName', 'caseNumber']) {
      for (const order of ['asc', 'desc']) {
        const t0 = performance.now();
        const res = await fetch(
          `${base}/api/households?page=1&pageSize=25&q=${name}&sort=${sort}&order=${order}`,
          {
            headers: { cookie },
          },
        );
        await res.text();
        if (!res.ok) throw new Error(`search ${name}: ${res.status}`);
        times.push(performance.now() - t0);
      }
    }
  }
  return latency(times);
}

const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(7);

export function formatThroughput(r: ThroughputResult): string {
  const lines = [
    '',
    `HTTP throughput (PostgreSQL, demo scale ${r.scale}: ${r.households.toLocaleString('en')} households; ` +
      'caseworker of one site; autocannon in its own process)',
    `  ${'what'.padEnd(32)} conns   app req/s   p50     p99   | bare req/s   p99   | ratio  errors | CPU ms/request: app  PostgreSQL`,
  ];
  for (const row of r.rows) {
    const bare = row.bare;
    lines.push(
      `  ${row.label.padEnd(32)} ${String(row.connections).padStart(5)} ${row.app.rps.toFixed(0).padStart(11)} ` +
        `${ms(row.app.p50)} ${ms(row.app.p99)} | ${(bare?.rps ?? 0).toFixed(0).padStart(10)} ${ms(bare?.p99 ?? 0)} | ` +
        `${bare ? (row.app.rps / bare.rps).toFixed(3) : '-'}  ${String(row.app.errors + row.app.non2xx).padEnd(6)} | ` +
        `${row.cpu.appMs.toFixed(2).padStart(19)} ${row.cpu.postgresMs === null ? '         -' : row.cpu.postgresMs.toFixed(2).padStart(11)}`,
    );
  }
  lines.push(
    latencyLine(
      'first searches (each name, sort and order asked once, one at a time)',
      r.firstSearches,
      'none; what a search costs before it is kept',
    ),
  );
  lines.push(
    `  audit: ${r.audited.requests.toLocaleString('en')} list requests answered during the runs, ` +
      `${r.audited.entries.toLocaleString('en')} record.searched entries written ` +
      `(${r.audited.entries >= r.audited.requests ? 'every answered request audited' : 'ENTRIES MISSING'}; ` +
      'requests still in flight when a run ends are answered and audited after it)',
  );
  if (r.generationMs !== null) lines.push(`  demo data generated in ${(r.generationMs / 1000).toFixed(0)} s`);
  lines.push(`  load: ${r.load}`);
  return lines.join('\n');
}
