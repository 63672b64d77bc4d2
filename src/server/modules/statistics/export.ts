import ExcelJS from 'exceljs';
import type { FullReport, ReportTableKey } from '../../../shared/schemas/statistics.js';
import type { NetworkReport } from '../../../shared/schemas/statistics-network.js';
import { networkTables } from '../../../shared/statistics-network-tables.js';
import { cellValue, reportTables, type TableCell } from '../../../shared/statistics-tables.js';
import { aboutRows } from './about.js';
import { berlinWallClock, type FileValue } from './file-values.js';
import { translator } from './texts.js';

type Value = string | number;

/** One table of the export: an XLSX sheet, or a CSV. */
export interface ExportTable {
  key: ReportTableKey;
  /** the heading on the page (the title line of a table in the tidy CSV) */
  title: string;
  sheet: string;
  header: string[];
  /** a stable key per row (codes, not labels) for the long CSV */
  rowKeys: string[];
  rows: Value[][];
  /** the kind of each cell of `rows` (dates become date cells, hours take a decimal comma) */
  kinds: TableCell['kind'][][];
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
    title: t(table.title),
    sheet: t(table.sheet),
    header: table.columns.map((c) => String(cellValue(c, t, lang, 'file'))),
    rowKeys: table.rows.map((r) => r.key),
    rows: table.rows.map((r) => r.cells.map((c) => cellValue(c, t, lang, 'file'))),
    kinds: table.rows.map((r) => r.cells.map((c) => c.kind)),
    labelColumns: table.labelColumns,
  }));
}

export const xlsxDateFormat = 'dd.mm.yyyy';
const xlsxDateTimeFormat = 'dd.mm.yyyy hh:mm';

/** A calendar date `YYYY-MM-DD` as the Date Excel stores (midnight UTC: Excel cells have no zone). */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A cell's value and number format: calendar dates and Berlin times become real date cells. */
function xlsxCell(v: FileValue): [string | number | Date, string | undefined] {
  if (typeof v !== 'object') return [v, undefined];
  if ('date' in v) return [excelDate(v.date), xlsxDateFormat];
  const wall = berlinWallClock(v.time);
  return [new Date(`${wall.date}T${wall.time}:00Z`), xlsxDateTimeFormat];
}

function addRow(sheet: ExcelJS.Worksheet, values: FileValue[]) {
  const cells = values.map(xlsxCell);
  const row = sheet.addRow(cells.map(([v]) => v));
  cells.forEach(([, format], i) => {
    if (format) row.getCell(i + 1).numFmt = format;
  });
  return row;
}

/** The table's rows with their dates as `{ date }` (the files render them each their own way). */
export function typedRows(table: ExportTable): FileValue[][] {
  return table.rows.map((values, r) =>
    values.map((v, i) => (table.kinds[r][i] === 'date' && typeof v === 'string' && v ? { date: v } : v)),
  );
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
  for (const values of aboutRows(report, t, now)) addRow(about, values);
  about.getRow(1).font = { bold: true };
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { horizontal: 'left' };
  for (const table of exportTables(report, lang, network)) {
    const sheet = book.addWorksheet(table.sheet);
    sheet.addRow(table.header).font = { bold: true };
    for (const values of typedRows(table)) addRow(sheet, values);
    sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: table.labelColumns }];
    table.header.forEach((_, i) => {
      sheet.getColumn(i + 1).width = i < table.labelColumns ? 24 : 14;
      if (i >= table.labelColumns) sheet.getColumn(i + 1).alignment = { horizontal: 'right' };
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
