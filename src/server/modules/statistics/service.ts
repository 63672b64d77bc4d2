import {
  type CsvDialect,
  type FullReport,
  networkStatisticsTables,
  type ReportTableKey,
  type StatisticsQuery,
  type StatisticsTable,
} from '../../../shared/schemas/statistics.js';
import { type ActorContext, auditAccess } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { readReplicaOf } from '../../platform/db/replica.js';
import { toCsv, toCsvZip } from './csv.js';
import { toXlsx } from './export.js';
import { allFamilies, type FactFamily } from './facts.js';
import { reportFileName, tableFileName } from './file-names.js';
import { type ResolvedFilters, resolveFilters, type Viewer } from './filters.js';
import { networkReportFor } from './network-service.js';
import { publishedReport } from './protect.js';
import { loadLabels } from './report.js';
import { rollupFacts } from './rollups.js';
import { translator } from './texts.js';

/** A part of the report page, by its URL name; 'report' is all of them. */
export type ReportPart = StatisticsTable | 'report';

const families: Record<ReportPart, readonly FactFamily[]> = {
  report: allFamilies,
  sites: ['households', 'contacts'],
  'households-per-month': ['households'],
  'households-per-district': ['households'],
  'contact-types': ['contacts'],
  'reasons-by-life-area': ['reasons'],
  'reasons-by-support-kind': ['reasons'],
  'reasons-matrix': ['reasons'],
  'reasons-per-month': ['reasons'],
};

/**
 * Computes the report from the rollups. Protected figures carry cell-key noise (protect.ts): each cell's
 * value depends on its own records only, so a part is protected alike whether asked alone or whole.
 */
export async function computeReport(
  db: Db,
  viewer: Viewer,
  q: StatisticsQuery,
  lang: 'de' | 'en',
  part: ReportPart = 'report',
): Promise<{ resolved: ResolvedFilters; report: FullReport }> {
  const resolved = await resolveFilters(db, viewer, q);
  const [facts, labels] = await Promise.all([
    rollupFacts(readReplicaOf(db), resolved.periods, resolved.categoryFilter, families[part]),
    loadLabels(db, lang),
  ]);
  return { resolved, report: await publishedReport(db, resolved, facts, labels) };
}

export function projectPart(report: FullReport, part: StatisticsTable) {
  const { filters, protection } = report;
  return { ...tableOf(report, part), filters, protection };
}

function tableOf(report: FullReport, part: StatisticsTable) {
  switch (part) {
    case 'sites':
      return report.sites;
    case 'households-per-month':
      return report.householdsPerMonth;
    case 'households-per-district':
      return report.householdsPerDistrict;
    case 'contact-types':
      return report.contactTypes;
    case 'reasons-by-life-area':
      return report.reasonsByLifeArea;
    case 'reasons-by-support-kind':
      return report.reasonsBySupportKind;
    case 'reasons-matrix':
      return report.reasonsMatrix;
    case 'reasons-per-month':
      return report.reasonsPerMonth;
  }
}

/** A report view: computes it and records who looked at which figures with which filters. */
export async function viewReport(
  db: Db,
  ctx: ActorContext,
  viewer: Viewer,
  q: StatisticsQuery,
  lang: 'de' | 'en',
  part: ReportPart,
) {
  const { resolved, report } = await computeReport(db, viewer, q, lang, part);
  await auditAccess(db, ctx, {
    action: 'statistics.viewed',
    entityType: 'statistics',
    entityId: part,
    fields: resolved.given,
  });
  return report;
}

/** A file of the report for download, with its name. */
export interface ReportFile<T> {
  body: T;
  filename: string;
}

/** Records an export with the filter names that were given (never their values). */
function auditExport(
  db: Db,
  ctx: ActorContext,
  resolved: ResolvedFilters,
  entityId: string,
  extra: string[] = [],
) {
  return auditAccess(db, ctx, {
    action: 'statistics.exported',
    entityType: 'statistics',
    entityId,
    fields: [...resolved.given, ...extra].sort(),
  });
}

/** The XLSX workbook, named in the file's language (`statistik-2021.xlsx`). */
export async function exportXlsx(
  db: Db,
  ctx: ActorContext,
  viewer: Viewer,
  q: StatisticsQuery,
  lang: 'de' | 'en',
): Promise<ReportFile<Buffer>> {
  const { resolved, report } = await computeReport(db, viewer, q, lang);
  const body = await toXlsx(report, lang, await networkReportFor(db, resolved, lang));
  await auditExport(db, ctx, resolved, 'xlsx');
  return { body, filename: reportFileName(report.filters, lang, 'xlsx') };
}

/** One table or all tables as CSV in a dialect (csv.ts); the export is recorded like the XLSX one. */
export async function exportCsv(
  db: Db,
  ctx: ActorContext,
  viewer: Viewer,
  q: StatisticsQuery,
  lang: 'de' | 'en',
  options: { table?: ReportTableKey; dialect?: CsvDialect } = {},
): Promise<ReportFile<string>> {
  const { table } = options;
  const { resolved, report } = await computeReport(db, viewer, q, lang);
  // a single table of the report needs no network figures
  const withNetwork = !table || (networkStatisticsTables as readonly string[]).includes(table);
  const network = withNetwork ? await networkReportFor(db, resolved, lang) : undefined;
  const body = toCsv(report, lang, options, network);
  await auditExport(db, ctx, resolved, table ? `csv:${table}` : 'csv', table ? ['table'] : []);
  const t = translator(lang);
  const filename = table
    ? tableFileName(report.filters, lang, t(`statistics.sheets.${table}`))
    : reportFileName(report.filters, lang, 'csv');
  return { body, filename };
}

/** The whole report as a ZIP of Excel CSVs, one per table (`statistik-2021-standorte.csv` …). */
export async function exportCsvZip(
  db: Db,
  ctx: ActorContext,
  viewer: Viewer,
  q: StatisticsQuery,
  lang: 'de' | 'en',
): Promise<ReportFile<Buffer>> {
  const { resolved, report } = await computeReport(db, viewer, q, lang);
  const body = Buffer.from(toCsvZip(report, lang, await networkReportFor(db, resolved, lang)));
  await auditExport(db, ctx, resolved, 'zip');
  return { body, filename: reportFileName(report.filters, lang, 'zip') };
}
