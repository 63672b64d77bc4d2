/**
 * The report page in headless Chromium: time from navigation to all charts drawn (goal < 1.5 s), on
 * PostgreSQL (demo scale 25 by default) or the embedded engine (scale 10), as a signed-in central
 * coordinator. The first visit fetches the assets (compressed, cached); the next visits reuse the cache
 * as a caseworker's browser would. Prints each visit and the median of the warm ones.
 *
 *   npm run bench -- --only reportpage [--engine postgres|pglite] [--report-scale 25] [--visits 6] [--reuse] [--keep]
 *     [--detail] [--report-database name] [--pglite-dir dir]
 *   npx tsx bench/report-page.ts --engine pglite --report-scale 10 [--pglite-dir /tmp/quartier-report-10]
 *
 * Needs the web app built (npm run build:web) and Debian's chromium (/usr/bin/chromium). The PostgreSQL
 * database quartier_bench_throughput is shared with the throughput benchmark (--reuse keeps its data).
 */
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { generateDemoData, hasDemoData } from '../src/server/demo/index.js';
import { loadConfig } from '../src/server/platform/config.js';
import type { Database } from '../src/server/platform/db/client.js';
import { demoPassword } from '../src/server/setup/initialize.js';
import { benchPglite, benchPostgres, defaultUrl, dropPostgres, progressLine } from './person-search.js';
import { arg } from './stats.js';

export interface ReportPageOptions {
  engine: 'postgres' | 'pglite';
  scale: number;
  visits: number;
  url: string;
  reuse: boolean;
  keep: boolean;
  /** PostgreSQL database of the run (the throughput benchmark's by default, so --reuse shares its data) */
  database?: string;
  /** PGlite data directory kept between runs (generated once), instead of a temporary one */
  pgliteDir?: string;
  /** print the last visit's waterfall: requests, long tasks, when each chart drew */
  detail?: boolean;
}

export interface ReportPageResult {
  engine: string;
  scale: number;
  contacts: number;
  /** ms per visit, first (cold cache) included */
  visits: number[];
  warmMedian: number;
  /** warm median of navigation → every chart has its first frame on screen */
  firstFrameMedian: number;
  /** ms of the report API answer itself, as the browser saw it (median) */
  apiMedian: number;
  load: string;
  /** the last visit's timeline (with --detail) */
  detail?: string[];
}

const defaultDatabase = 'quartier_bench_throughput';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function openDatabase(o: ReportPageOptions): Promise<Database> {
  const db =
    o.engine === 'postgres'
      ? await benchPostgres(o.url, o.database ?? defaultDatabase, o.reuse)
      : await benchPglite(o.pgliteDir);
  if (!(await hasDemoData(db.db))) {
    await generateDemoData(db.db, { scale: o.scale, onProgress: progressLine(`${o.engine} report data`) });
  }
  await db.db.execute(sql`VACUUM ANALYZE`);
  return db;
}

export async function benchReportPage(o: ReportPageOptions): Promise<ReportPageResult> {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('build the web app first: npm run build:web');
  const db = await openDatabase(o);
  const config = loadConfig({ QUARTIER_LOGIN_RATE_PER_MINUTE: '100000', QUARTIER_COOKIE_SECURE: 'false' });
  const app = await buildApp(db, config, { serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const [{ n: contacts }] = (
      (await db.db.execute(sql`SELECT count(*)::int AS n FROM contacts`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows ?? [{ n: 0 }];
    const context = await browser.newContext({ baseURL: base, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const login = await context.request.post('/api/auth/login', {
      data: { username: 'zentrale', password: demoPassword },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`);
    // for --detail: long tasks and the moment each chart got its canvas, from the page's own clock
    if (o.detail) await context.addInitScript({ content: watchPage });
    const page = await context.newPage();
    let detail: string[] | undefined;
    const visits: number[] = [];
    const firstFrames: number[] = [];
    const api: number[] = [];
    for (let i = 0; i < o.visits; i++) {
      await page.goto('about:blank');
      let apiStart = 0;
      const onRequest = (r: { url(): string }) => {
        if (r.url().includes('/api/statistics/report')) apiStart = performance.now();
      };
      const onResponse = (r: { url(): string }) => {
        if (r.url().includes('/api/statistics/report') && apiStart) api.push(performance.now() - apiStart);
      };
      page.on('request', onRequest);
      page.on('response', onResponse);
      const t0 = performance.now();
      await page.goto('/reports');
      await page
        .locator('[aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached', timeout: 60_000 })
        .catch(() => {});
      // two moments: every chart has its canvas (its first frame, mid-animation if it animates), and every
      // chart has finished drawing (ECharts' 'finished', marked data-drawn by Chart.tsx): the goal's moment
      const charts = (drawn: boolean) =>
        page
          .waitForFunction(
            (finished) => {
              const cs = [...document.querySelectorAll('main [role="img"].q-chart')];
              return (
                cs.length >= 7 &&
                cs.every((c) =>
                  finished ? c.getAttribute('data-drawn') === 'true' : c.querySelector('canvas, svg'),
                )
              );
            },
            drawn,
            { timeout: 60_000, polling: 'raf' },
          )
          .catch(async (e) => {
            await page.screenshot({ path: 'bench-report-page-failure.png', fullPage: true });
            throw new Error(`the charts did not appear (screenshot bench-report-page-failure.png): ${e}`);
          });
      await charts(false);
      firstFrames.push(Math.round(performance.now() - t0));
      await charts(true);
      visits.push(Math.round(performance.now() - t0));
      if (o.detail && i === o.visits - 1) detail = await timeline(page);
      page.off('request', onRequest);
      page.off('response', onResponse);
    }
    return {
      engine: o.engine,
      scale: o.scale,
      contacts: Number(contacts),
      visits,
      warmMedian: median(visits.slice(1)),
      firstFrameMedian: median(firstFrames.slice(1)),
      apiMedian: Math.round(median(api)),
      load: os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
      detail,
    };
  } finally {
    await browser.close();
    await app.close();
    await db.close();
    if (o.engine === 'postgres' && !o.keep) await dropPostgres(o.url, o.database ?? defaultDatabase);
  }
}

declare global {
  interface Window {
    __bench?: { longTasks: { start: number; ms: number }[]; charts: Record<string, number> };
  }
}

/**
 * Runs in the page before its scripts: records long tasks, when each chart first has a canvas and when it
 * has finished drawing (data-drawn, animations included). A string: tsx would wrap a function's inner
 * functions in a helper the page does not have.
 */
const watchPage = `(() => {
  const w = { longTasks: [], charts: {} };
  window.__bench = w;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const look = () => {
    for (const c of document.querySelectorAll('main [role="img"].q-chart')) {
      const key = c.closest('[data-section]')?.getAttribute('data-section') ?? '?';
      if (!(key in w.charts) && c.querySelector('canvas, svg')) w.charts[key] = performance.now();
      const drawn = key + ' finished';
      if (!(drawn in w.charts) && c.getAttribute('data-drawn') === 'true') w.charts[drawn] = performance.now();
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

/** The visit as lines: navigation, each request (start → end, bytes on the wire), long tasks, charts. */
async function timeline(page: import('@playwright/test').Page): Promise<string[]> {
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      name: new URL(r.name).pathname + new URL(r.name).search.slice(0, 30),
      start: r.startTime,
      end: r.responseEnd,
      wire: r.transferSize,
      body: r.decodedBodySize,
    }));
    const paints = performance.getEntriesByType('paint').map((p) => ({ name: p.name, at: p.startTime }));
    return {
      nav: { response: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd },
      resources,
      paints,
      ...window.__bench,
    };
  });
  const ms = (x: number) => `${Math.round(x)}`.padStart(5);
  const lines = [
    `  navigation: document ${ms(t.nav.response)} ms, DOMContentLoaded ${ms(t.nav.dcl)}, load ${ms(t.nav.load)}`,
    ...t.paints.map((p) => `  ${p.name} ${ms(p.at)}`),
    ...t.resources
      .sort((a, b) => a.start - b.start)
      .map(
        (r) =>
          `  ${ms(r.start)} → ${ms(r.end)} ms  ${String(r.wire).padStart(7)} B wire ${String(r.body).padStart(7)} B  ${r.name}`,
      ),
  ];
  const long = t.longTasks ?? [];
  lines.push(
    `  long tasks: ${long.length}, ${Math.round(long.reduce((s, l) => s + l.ms, 0))} ms: ` +
      long.map((l) => `${Math.round(l.start)}+${Math.round(l.ms)}`).join(' '),
  );
  for (const [key, at] of Object.entries(t.charts ?? {}).sort((a, b) => a[1] - b[1])) {
    lines.push(`  chart ${key} ${ms(at)} ms`);
  }
  return lines;
}

export function formatReportPage(r: ReportPageResult): string {
  return [
    '',
    `report page in Chromium (${r.engine}, demo scale ${r.scale}, ${r.contacts.toLocaleString('en')} contacts), navigation → 7 charts drawn (finished):`,
    `  visits: ${r.visits.map((v) => `${v} ms`).join(', ')} (first with a cold cache)`,
    `  warm median ${r.warmMedian} ms (goal < 1,500 ms; every chart's first frame ${r.firstFrameMedian} ms); report API median ${r.apiMedian} ms; load average ${r.load}`,
    ...(r.detail ? ['  last visit (ms from navigation start):', ...r.detail] : []),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const engine = arg('engine', 'postgres') === 'pglite' ? 'pglite' : 'postgres';
  benchReportPage({
    engine,
    scale: Number(arg('report-scale', engine === 'pglite' ? '10' : '25')),
    visits: Number(arg('visits', '6')),
    url: arg('url', defaultUrl),
    reuse: process.argv.includes('--reuse'),
    keep: process.argv.includes('--keep'),
    database: arg('report-database', defaultDatabase),
    pgliteDir: arg('pglite-dir', '') || undefined,
    detail: process.argv.includes('--detail'),
  })
    .then((r) => {
      console.log(formatReportPage(r));
      process.exit(0);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
