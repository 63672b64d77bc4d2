import {
  type FullReport,
  smallCellThreshold,
  type WithheldReason,
} from '../../../shared/schemas/statistics.js';
import { cellKeyV1 } from '../../../shared/schemas/statistics-protection.js';
import type { Db } from '../../platform/db/client.js';
import { cellKey, cellKeySecret, noisyCount } from './cell-key.js';
import type { Facts } from './facts.js';
import type { ResolvedFilters } from './filters.js';
import { buildReport, type Labels } from './report.js';
import { protect, type SumConstraint } from './suppression.js';

/** the one threshold, shared with the web and the exports */
export const threshold = smallCellThreshold;

type Holder = { suppressed?: Record<string, WithheldReason> } & Record<string, unknown>;

/**
 * Published counts linked by sums, gathered from the objects that show them: a cell id may be shown in
 * several places (the same total in two tables); `apply` withholds and marks every place.
 */
export class LinkedCells {
  readonly values = new Map<string, number>();
  readonly holders = new Map<string, [Holder, string][]>();
  readonly constraints: SumConstraint[] = [];

  cell = (id: string, holder: object, field: string) => {
    const value = (holder as Holder)[field];
    if (typeof value === 'number') this.values.set(id, value);
    this.holders.set(id, [...(this.holders.get(id) ?? []), [holder as Holder, field]]);
    return id;
  };

  sum = (parts: string[], total: string) => {
    this.constraints.push({ parts, total });
  };

  /** Small-cell protection over all cells and sums; each withheld place becomes null and is marked. */
  apply(): Map<string, WithheldReason> {
    const withheld = protect(this.values, this.constraints, threshold);
    for (const [id, reason] of withheld) {
      for (const [holder, field] of this.holders.get(id) ?? []) {
        holder[field] = null;
        holder.suppressed = { ...holder.suppressed, [field]: reason };
      }
    }
    return withheld;
  }
}

/**
 * The report as one system of published counts and the sums that link them — across all of its tables,
 * because a count withheld in one chart must not be published in another or be recoverable through it:
 * - sites table: each column sums over the sites to the total row;
 * - households per month: each site's cumulative series (cum[m] = cum[m-1] + month[m]); the sites' last
 *   cumulative values sum to the households-per-district total (same category); when the table counts
 *   the same category as the charts, a site's last cumulative value is its households cell, the
 *   districts' total the table's households total and the contact types' total its contacts total;
 * - reasons: life area × kind of support with row totals (by life area), column totals (by kind of
 *   support) and the grand total; the monthly trend sums per life area to its row total.
 */
export function linkedCounts(report: FullReport) {
  const out = structuredClone(report);
  const cells = new LinkedCells();
  const { cell, sum } = cells;

  // sites table
  for (const m of ['households', 'persons', 'contacts'] as const) {
    const parts = out.sites.rows.map((row) => cell(`t|${row.siteId}|${m}`, row, m));
    sum(parts, cell(`t|total|${m}`, out.sites.total, m));
  }
  const sameCategory = out.filters.category === out.filters.chartCategory;

  // households per month, per district
  const lastCumulative: string[] = [];
  for (const series of out.householdsPerMonth.series) {
    let previous: string | null = null;
    for (const p of series.points) {
      const month = cell(`m|${series.siteId}|${p.month}`, p, 'households');
      const cumulative = cell(`mc|${series.siteId}|${p.month}`, p, 'cumulative');
      sum(previous ? [previous, month] : [month], cumulative);
      previous = cumulative;
    }
    if (previous) {
      lastCumulative.push(previous);
      if (sameCategory) sum([previous], `t|${series.siteId}|households`);
    }
  }
  const districts = out.householdsPerDistrict;
  const districtTotal = cell('d|total', districts.total, 'count');
  sum(
    districts.items.map((i) => cell(`d|${i.code ?? ''}`, i, 'count')),
    districtTotal,
  );
  sum(lastCumulative, districtTotal);
  if (sameCategory) sum([districtTotal], 't|total|households');

  // contact types
  const types = out.contactTypes;
  const typesTotal = cell('ct|total', types.total, 'count');
  sum(
    types.items.map((i) => cell(`ct|${i.code}`, i, 'count')),
    typesTotal,
  );
  if (sameCategory) sum([typesTotal], 't|total|contacts');

  // reasons: the same margins appear in four places
  const matrix = out.reasonsMatrix;
  const grand = cell('r|total', matrix.total, 'count');
  cell('r|total', out.reasonsByLifeArea.total, 'count');
  cell('r|total', out.reasonsBySupportKind.total, 'count');
  const rowIds = matrix.lifeAreas.map((i) => cell(`rl|${i.code}`, i, 'count'));
  for (const i of out.reasonsByLifeArea.items) cell(`rl|${i.code}`, i, 'count');
  const colIds = matrix.supportKinds.map((i) => cell(`rs|${i.code}`, i, 'count'));
  for (const i of out.reasonsBySupportKind.items) cell(`rs|${i.code}`, i, 'count');
  const cellIds = new Map(
    matrix.cells.map((c) => [
      `${c.lifeArea}|${c.supportKind}`,
      cell(`rm|${c.lifeArea}|${c.supportKind}`, c, 'count'),
    ]),
  );
  const at = (la: { code: string | null }, sk: { code: string | null }) =>
    cellIds.get(`${la.code}|${sk.code}`)!;
  matrix.lifeAreas.forEach((la, i) => {
    sum(
      matrix.supportKinds.map((sk) => at(la, sk)),
      rowIds[i],
    );
  });
  matrix.supportKinds.forEach((sk, j) => {
    sum(
      matrix.lifeAreas.map((la) => at(la, sk)),
      colIds[j],
    );
  });
  sum(rowIds, grand);
  sum(colIds, grand);
  for (const series of out.reasonsPerMonth.series) {
    sum(
      series.points.map((p) => cell(`rt|${p.month}|${series.code}`, p, 'count')),
      `rl|${series.code}`,
    );
  }

  return { out, cells, values: cells.values, holders: cells.holders, constraints: cells.constraints };
}

/**
 * The report as the board sees it: every published count, total and margin replaced by its cell-key
 * value (cell-key.ts). `keys` is the same report built from the facts' key sums, so each cell id names
 * the count in `report` and the key sum of its records in `keys`; a cell shown in several places (the
 * reasons' grand total) gets one value everywhere.
 */
export function protectReport(report: FullReport, keys: FullReport, secret: string): FullReport {
  const { out, cells } = linkedCounts(report);
  const keySums = linkedCounts(keys).values;
  for (const [id, value] of cells.values) {
    const published = noisyCount(value, cellKey(secret, keySums.get(id) ?? 0));
    for (const [holder, field] of cells.holders.get(id) ?? []) holder[field] = published;
  }
  return { ...out, protection: cellKeyV1 };
}

/** The report a viewer may see: exact, or — for the board and publications — with cell-key noise. */
export async function publishedReport(
  db: Db,
  resolved: ResolvedFilters,
  facts: Facts,
  labels: Labels,
): Promise<FullReport> {
  const exact = buildReport(resolved, facts, labels);
  if (!resolved.filters.protected) return exact;
  if (!facts.keys) throw new Error('protected report without key sums');
  const keys = buildReport(resolved, { ...facts.keys }, labels);
  return protectReport(exact, keys, await cellKeySecret(db));
}
