import { numberFormat } from './intl-formats.js';
import { dayLabel, type LabelLanguage, monthLabel, periodLabel } from './period-label.js';
import {
  type Breakdown,
  type FullReport,
  type ReportTableKey,
  type StatisticsTable,
  smallCellThreshold,
  statisticsTables,
  type WithheldReason,
} from './schemas/statistics.js';

/**
 * The report's tables, described once for the report page (and its print view), the XLSX sheets and the
 * CSV. Texts are i18n keys of `src/web/i18n/<lang>.statistics.json`; each medium renders the cells with
 * `cellValue`. Where the page and a file differ, the difference is written here: a file adds the period's
 * first and last day to the sites table and lays the households per month out long (site, month, new,
 * cumulative) instead of one column per site.
 */
export type TableMedium = 'page' | 'file';

export type TableCell =
  /** a count; withheld by small-cell protection when `withheld` is set */
  | { kind: 'count'; value: number | null; withheld?: WithheldReason }
  /** hours (up to two decimals), withheld with the count they belong to */
  | { kind: 'hours'; value: number | null; withheld?: WithheldReason }
  /** a name from the data (site, reference label) */
  | { kind: 'name'; text: string }
  /** a text of the i18n files */
  | { kind: 'text'; key: string }
  | { kind: 'month'; month: string }
  | { kind: 'period'; from: string; to: string }
  | { kind: 'date'; date: string }
  | { kind: 'empty' };

export interface TableRow {
  /** stable per row: a site code, reference code, month or "total" (the long CSV's row column) */
  key: string;
  cells: TableCell[];
  total?: boolean;
}

export interface ReportTable {
  key: ReportTableKey;
  /** i18n key of the heading on the page */
  title: string;
  /** i18n key of the XLSX sheet's name (at most 31 characters) */
  sheet: string;
  columns: TableCell[];
  rows: TableRow[];
  /** how many leading columns name the row (the rest are counts) */
  labelColumns: number;
}

/** Values for the protection texts ("< {{threshold}}", "1 bis {{max}}"). */
export const protectionValues = { threshold: smallCellThreshold, max: smallCellThreshold - 1 };

export type Holder = { suppressed?: Partial<Record<string, WithheldReason>> };

export const text = (key: string): TableCell => ({ kind: 'text', key });
export const column = (name: string) => text(`statistics.columns.${name}`);
export const name = (t: string): TableCell => ({ kind: 'name', text: t });
const month = (m: string): TableCell => ({ kind: 'month', month: m });
const empty: TableCell = { kind: 'empty' };
export const total = text('statistics.total');

/** A count cell of `holder[field]`; `fallback` when there is no holder (a matrix cell with no reasons). */
export function count(
  holder: Holder | undefined,
  field: string,
  fallback: number | null = null,
  kind: 'count' | 'hours' = 'count',
): TableCell {
  const withheld = holder?.suppressed?.[field];
  const value = (holder as Record<string, unknown> | undefined)?.[field];
  return {
    kind,
    value: typeof value === 'number' ? value : holder ? null : fallback,
    ...(withheld ? { withheld } : {}),
  };
}

export const titles = (key: ReportTableKey) => ({
  key,
  title: `statistics.sections.${key}`,
  sheet: `statistics.sheets.${key}`,
});

function sitesTable(report: FullReport, medium: TableMedium): ReportTable {
  const file = medium === 'file';
  const { rows, total: sum } = report.sites;
  const counts = (h: FullReport['sites']['total']) =>
    (['households', 'persons', 'contacts'] as const).map((m) => count(h, m));
  return {
    ...titles('sites'),
    columns: [
      column('site'),
      column('period'),
      ...(file ? [column('from'), column('to')] : []),
      column('households'),
      column('persons'),
      column('contacts'),
    ],
    rows: [
      ...rows.map((r) => ({
        key: r.siteCode,
        cells: [
          name(r.siteName),
          { kind: 'period', from: r.from, to: r.to } as TableCell,
          ...(file
            ? [{ kind: 'date', date: r.from } as TableCell, { kind: 'date', date: r.to } as TableCell]
            : []),
          ...counts(r),
        ],
      })),
      { key: 'total', total: true, cells: [total, empty, ...(file ? [empty, empty] : []), ...counts(sum)] },
    ],
    labelColumns: file ? 4 : 2,
  };
}

function householdsPerMonthTable(report: FullReport, medium: TableMedium): ReportTable {
  const data = report.householdsPerMonth;
  if (medium === 'file')
    return {
      ...titles('households-per-month'),
      columns: [column('site'), column('month'), column('newHouseholds'), column('cumulative')],
      rows: data.series.flatMap((s) =>
        s.points.map((p) => ({
          key: `${s.siteId}|${p.month}`,
          cells: [name(s.siteName), month(p.month), count(p, 'households'), count(p, 'cumulative')],
        })),
      ),
      labelColumns: 2,
    };
  return {
    ...titles('households-per-month'),
    columns: [column('month'), ...data.series.map((s) => name(s.siteName))],
    rows: data.months.map((m) => ({
      key: m,
      cells: [
        month(m),
        ...data.series.map((s) => {
          const p = s.points.find((x) => x.month === m);
          return p ? count(p, 'cumulative') : empty;
        }),
      ],
    })),
    labelColumns: 1,
  };
}

function breakdownTable(key: StatisticsTable, what: string, unit: string, b: Breakdown): ReportTable {
  return {
    ...titles(key),
    columns: [column(what), column(unit)],
    rows: [
      ...b.items.map((i) => ({
        key: i.code ?? '',
        // only households without a district have no code
        cells: [i.code === null ? text('statistics.noDistrict') : name(i.label), count(i, 'count')],
      })),
      { key: 'total', total: true, cells: [total, count(b.total, 'count')] },
    ],
    labelColumns: 1,
  };
}

function reasonsMatrixTable(report: FullReport): ReportTable {
  const matrix = report.reasonsMatrix;
  const cells = new Map(matrix.cells.map((c) => [`${c.lifeArea}|${c.supportKind}`, c]));
  return {
    ...titles('reasons-matrix'),
    columns: [column('lifeArea'), ...matrix.supportKinds.map((s) => name(s.label)), total],
    rows: [
      ...matrix.lifeAreas.map((la) => ({
        key: la.code ?? '',
        cells: [
          name(la.label),
          ...matrix.supportKinds.map((sk) => count(cells.get(`${la.code}|${sk.code}`), 'count', 0)),
          count(la, 'count'),
        ],
      })),
      {
        key: 'total',
        total: true,
        cells: [total, ...matrix.supportKinds.map((sk) => count(sk, 'count')), count(matrix.total, 'count')],
      },
    ],
    labelColumns: 1,
  };
}

function reasonsPerMonthTable(report: FullReport): ReportTable {
  const data = report.reasonsPerMonth;
  return {
    ...titles('reasons-per-month'),
    columns: [column('month'), ...data.series.map((s) => name(s.label))],
    rows: data.months.map((m, i) => ({
      key: m,
      cells: [month(m), ...data.series.map((s) => count(s.points[i], 'count'))],
    })),
    labelColumns: 1,
  };
}

/** Every table of the report, in the order of `statisticsTables` (the page's and the workbook's). */
export function reportTables(report: FullReport, medium: TableMedium): ReportTable[] {
  const tables: Record<StatisticsTable, () => ReportTable> = {
    sites: () => sitesTable(report, medium),
    'households-per-month': () => householdsPerMonthTable(report, medium),
    'households-per-district': () =>
      breakdownTable('households-per-district', 'district', 'households', report.householdsPerDistrict),
    'contact-types': () => breakdownTable('contact-types', 'contactType', 'contacts', report.contactTypes),
    'reasons-by-life-area': () =>
      breakdownTable('reasons-by-life-area', 'lifeArea', 'reasons', report.reasonsByLifeArea),
    'reasons-by-support-kind': () =>
      breakdownTable('reasons-by-support-kind', 'supportKind', 'reasons', report.reasonsBySupportKind),
    'reasons-matrix': () => reasonsMatrixTable(report),
    'reasons-per-month': () => reasonsPerMonthTable(report),
  };
  return statisticsTables.map((key) => tables[key]());
}

/** Looks up an i18n key with its values (i18next's `t` on the page, the JSON files on the server). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A cell as the medium shows it. On the page: counts with digit grouping, months and days written out.
 * In a file: counts as numbers (summable in a spreadsheet), months and days as ISO dates.
 */
export function cellValue(
  cell: TableCell,
  t: Translate,
  lang: LabelLanguage,
  medium: TableMedium,
): string | number {
  const page = medium === 'page';
  switch (cell.kind) {
    case 'count':
    case 'hours':
      if (cell.withheld) return t(`statistics.suppressed.${cell.withheld}`, protectionValues);
      if (cell.value === null) return page ? '–' : '';
      return page ? formatCount(cell.value, lang, cell.kind === 'hours' ? 2 : 0) : cell.value;
    case 'name':
      return cell.text;
    case 'text':
      return t(cell.key, protectionValues);
    case 'month':
      return page ? monthLabel(cell.month, lang) : cell.month;
    case 'period':
      return periodLabel(cell.from, cell.to, lang, (from, to) => t('statistics.periodRange', { from, to }));
    case 'date':
      return page ? dayLabel(cell.date, lang) : cell.date;
    case 'empty':
      return '';
  }
}

/** A count with the language's digit grouping ("10.178" in German); hours with up to two decimals. */
export function formatCount(n: number, lang: LabelLanguage, decimals = 0): string {
  return numberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: decimals }).format(n);
}
