import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FullReport, ReportTableKey } from '../../../shared/schemas/statistics.js';
import type { NetworkReport } from '../../../shared/schemas/statistics-network.js';
import { networkTables } from '../../../shared/statistics-network-tables.js';
import { cellValue, reportTables } from '../../../shared/statistics-tables.js';
import { aboutRows } from './about.js';
import { translator } from './texts.js';

type Value = string | number;

/** One table of the export: an XLSX sheet, or a CSV. */
export interface ExportTable {
  key: ReportTableKey;
  sheet: string;
  header: string[];
  /** a stable key per row (codes, not labels) for the long CSV */
  rowKeys: string[];
  rows: Value[][];
  /** how many leading columns name the row (the rest are counts) */
  labelColumns: number;
}

/**
 * Every table of the report as the files lay it out (shared/statistics-tables.ts, medium "file"), then
 * the network tables (shared/statistics-network-tables.ts) when given.
 */
export function exportTables(report: FullReport, lang: 'de' | 'en', network?: NetworkReport): ExportTable[] {
  const t = translator(lang);
  const tables = [...reportTables(report, 'file'), ...(network ? networkTables(network) : [])];
  return tables.map((table) => ({
    key: table.key,
    sheet: t(table.sheet),
    header: table.columns.map((c) => String(cellValue(c, t, lang, 'file'))),
    rowKeys: table.rows.map((r) => r.key),
    rows: table.rows.map((r) => r.cells.map((c) => cellValue(c, t, lang, 'file'))),
    labelColumns: table.labelColumns,
  }));
}

export async function toXlsx(
  report: FullReport,
  lang: 'de' | 'en',
  network?: NetworkReport,
  now = new Date(),
): Promise<Buffer> {
  const t = translator(lang);
  const book = new ExcelJS.Workbook();
  book.created = now;
  book.creator = 'Quartier';
  const about = book.addWorksheet(t('statistics.sheets.about'));
  about.addRows(aboutRows(report, t, now));
  about.getRow(1).font = { bold: true };
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 100;
  for (const table of exportTables(report, lang, network)) {
    const sheet = book.addWorksheet(table.sheet);
    sheet.addRow(table.header).font = { bold: true };
    sheet.addRows(table.rows);
    sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: table.labelColumns }];
    table.header.forEach((_, i) => {
      sheet.getColumn(i + 1).width = i < table.labelColumns ? 24 : 14;
      if (i >= table.labelColumns) sheet.getColumn(i + 1).alignment = { horizontal: 'right' };
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * CSV (UTF-8 with BOM, comma-separated). With `table`: that table as in its XLSX sheet. Without: every
 * table in one long CSV — columns table, row (a stable key: site code, reference code, month or
 * "total"), label, column (the count's header) and value (a number, "< 3" or "x").
 */
export function toCsv(
  report: FullReport,
  lang: 'de' | 'en',
  table?: ReportTableKey,
  network?: NetworkReport,
): string {
  const tables = exportTables(report, lang, network);
  if (table) {
    const one = tables.find((x) => x.key === table)!;
    return stringify([one.header, ...one.rows], { bom: true });
  }
  const rows: Value[][] = [['table', 'row', 'label', 'column', 'value']];
  for (const x of tables) {
    x.rows.forEach((row, i) => {
      const label = row
        .slice(0, x.labelColumns)
        .filter((c) => c !== '')
        .join(' / ');
      for (let c = x.labelColumns; c < row.length; c++)
        rows.push([x.key, x.rowKeys[i], label, x.header[c], row[c]]);
    });
  }
  return stringify(rows, { bom: true });
}
