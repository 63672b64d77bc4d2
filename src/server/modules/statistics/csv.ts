import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { CsvDialect, FullReport, ReportTableKey } from '../../../shared/schemas/statistics.js';
import type { NetworkReport } from '../../../shared/schemas/statistics-network.js';
import { aboutRows } from './about.js';
import { type ExportTable, exportTables, typedRows } from './export.js';
import { tableFileName } from './file-names.js';
import { csvValue, type FileValue } from './file-values.js';
import { translator } from './texts.js';

/**
 * CSV in two dialects. `excel` (default) opens in German Excel as columns: semicolons, UTF-8 with BOM,
 * a decimal comma (hours), dates as 15.03.2024, CRLF. `plain` is for machines: commas, no BOM, a decimal
 * point, ISO dates, LF — and without `table` the long layout `table,row,label,column,value`.
 */
type Cell = string | number;

/**
 * A text Excel would run as a formula (CSV injection: a partner's or an offer's name "=HYPERLINK(…)") gets
 * a leading apostrophe, which Excel shows as text and hides; a number written as text ("-3", "1,5") and a
 * lone dash stay as they are. `plain` is for machines and keeps every value exactly.
 */
const formulaStart = /^[=+\-@\t\r]/;
const numberText = /^-?\d+(,\d+)?$/;

export function neutralizeFormula(cell: Cell): Cell {
  if (typeof cell !== 'string' || !formulaStart.test(cell)) return cell;
  if (cell === '-' || numberText.test(cell)) return cell;
  return `'${cell}`;
}

function render(rows: Cell[][], dialect: CsvDialect): string {
  if (dialect === 'plain') return stringify(rows);
  return stringify(
    rows.map((row) => row.map(neutralizeFormula)),
    { bom: true, delimiter: ';', record_delimiter: 'windows' },
  );
}

/** The cells of a table's rows for the dialect (the header first). */
function tableRows(table: ExportTable, lang: 'de' | 'en', dialect: CsvDialect): Cell[][] {
  const plain = dialect === 'plain';
  const rows = typedRows(table).map((row) =>
    row.map((v) => {
      const cell = csvValue(v, lang, plain);
      // only hours have decimals; counts are whole numbers
      return !plain && typeof cell === 'number' && !Number.isInteger(cell)
        ? String(cell).replace('.', ',')
        : cell;
    }),
  );
  return [table.header, ...rows];
}

/** The long layout for machines: one line per count. */
function longRows(tables: ExportTable[]): Cell[][] {
  const rows: Cell[][] = [['table', 'row', 'label', 'column', 'value']];
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
  return rows;
}

/**
 * With `table`: that table as in its XLSX sheet. Without: every table — `excel` one block per table
 * (a title line, the header row, the rows; an empty line between tables), `plain` the long layout.
 */
export function toCsv(
  report: FullReport,
  lang: 'de' | 'en',
  options: { table?: ReportTableKey; dialect?: CsvDialect },
  network?: NetworkReport,
): string {
  const dialect = options.dialect ?? 'excel';
  const tables = exportTables(report, lang, network);
  if (options.table) {
    const one = tables.find((x) => x.key === options.table)!;
    return render(tableRows(one, lang, dialect), dialect);
  }
  if (dialect === 'plain') return render(longRows(tables), dialect);
  const rows: Cell[][] = [];
  tables.forEach((table, i) => {
    if (i > 0) rows.push([]);
    rows.push([table.title], ...tableRows(table, lang, dialect));
  });
  return render(rows, dialect);
}

/** The whole report as a ZIP: the filters and definitions, then one Excel CSV per table. */
export function toCsvZip(
  report: FullReport,
  lang: 'de' | 'en',
  network?: NetworkReport,
  now = new Date(),
): Uint8Array {
  const t = translator(lang);
  const files: Record<string, Uint8Array> = {};
  const about = aboutRows(report, t, now).map((row) => row.map((v: FileValue) => csvValue(v, lang, false)));
  files[tableFileName(report.filters, lang, t('statistics.sheets.about'))] = strToU8(render(about, 'excel'));
  for (const table of exportTables(report, lang, network)) {
    files[tableFileName(report.filters, lang, table.sheet)] = strToU8(
      render(tableRows(table, lang, 'excel'), 'excel'),
    );
  }
  return zipSync(files, { level: 6, mtime: now });
}
