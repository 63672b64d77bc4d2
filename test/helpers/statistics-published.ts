import { resolveFilters, type Viewer } from '../../src/server/modules/statistics/filters.js';
import { publishedReport } from '../../src/server/modules/statistics/protect.js';
import { plainFacts } from '../../src/server/modules/statistics/queries.js';
import { loadLabels } from '../../src/server/modules/statistics/report.js';
import type { Db } from '../../src/server/platform/db/client.js';
import type { FullReport } from '../../src/shared/schemas/statistics.js';

const board: Viewer = { role: 'board', siteIds: [] };

/**
 * The report as the board must see it, computed independently of the API: facts and key sums by plain
 * SQL over the case tables (not the rollups), then the cell-key noise of the installation's secret.
 */
export async function expectedPublished(db: Db, query: string, viewer = board): Promise<FullReport> {
  const q = Object.fromEntries(new URLSearchParams(query)) as Record<string, string>;
  const resolved = await resolveFilters(db, viewer, q);
  const [facts, labels] = await Promise.all([
    plainFacts(db, resolved.periods, resolved.categoryFilter),
    loadLabels(db, 'de'),
  ]);
  return publishedReport(db, resolved, facts, labels);
}

type Item = {
  code?: string | null;
  month?: string;
  siteId?: string;
  lifeArea?: string;
  supportKind?: string;
};
const itemKey = (x: unknown) => {
  const i = (x ?? {}) as Item;
  return i.lifeArea ? `${i.lifeArea}|${i.supportKind}` : (i.siteId ?? i.month ?? i.code);
};

/** Every count of a report (tables, charts, totals), by a path that names where it is shown. */
export function countsOf(report: unknown, path = ''): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown, at: string) => {
    if (typeof v === 'number') out.set(at, v);
    else if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, `${at}[${itemKey(x) ?? i}]`);
      });
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v))
        if (k !== 'filters' && k !== 'protection') walk(x, `${at}.${k}`);
  };
  walk(report, path);
  return out;
}
