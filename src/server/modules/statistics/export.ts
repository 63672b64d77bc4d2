import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type {
  Breakdown,
  FullReport,
  StatisticsTable,
  WithheldReason,
} from '../../../shared/schemas/statistics.js';
import { statisticsTables } from '../../../shared/schemas/statistics.js';
import { threshold } from './protect.js';

type Value = string | number;

/** One table of the export: an XLSX sheet, or a CSV. */
export interface ExportTable {
  key: StatisticsTable;
  sheet: string;
  header: string[];
  /** a stable key per row (codes, not labels) for the long CSV */
  rowKeys: string[];
  rows: Value[][];
  /** how many leading columns name the row (the rest are counts) */
  labelColumns: number;
}

export const marks: Record<WithheldReason, string> = { small: `< ${threshold}`, secondary: 'x' };

const texts = {
  de: {
    sheets: {
      about: 'Filter und Definitionen',
      sites: 'Standorte',
      'households-per-month': 'Haushalte je Monat',
      'households-per-district': 'Haushalte je Bezirk',
      'contact-types': 'Kontaktarten',
      'reasons-by-life-area': 'Lebensbereiche',
      'reasons-by-support-kind': 'Unterstützungsbedarf',
      'reasons-matrix': 'Lebensbereich x Bedarf',
      'reasons-per-month': 'Anlässe je Monat',
    },
    site: 'Standort',
    period: 'Zeitraum',
    from: 'von',
    to: 'bis',
    households: 'Haushalte',
    persons: 'Personen',
    contacts: 'Kontakte',
    month: 'Monat',
    newHouseholds: 'neu erfasste Haushalte',
    cumulative: 'Haushalte kumuliert',
    district: 'Bezirk',
    contactType: 'Kontaktart',
    lifeArea: 'Lebensbereich',
    supportKind: 'Unterstützungsbedarf',
    reasons: 'Beratungsanlässe',
    total: 'Gesamt',
    periodText: (from: string, to: string) => `${from} bis ${to}`,
    about: 'Angabe',
    value: 'Wert',
    created: 'erstellt am',
    sinceOpening: 'seit Eröffnung des jeweiligen Standorts',
    sites: 'Standorte',
    tableCategory: 'Kategorie der Tabelle',
    chartCategory: 'Kategorie der Grafiken',
    categories: { all: 'alle Haushalte', refugee: 'Geflüchtete', other: 'sonstige Ratsuchende' },
    protection: 'Schutz kleiner Fallzahlen',
    yes: 'ja',
    no: 'nein',
    definitions: [
      [
        'Haushalte',
        'vom Standort erstmals erfasste Haushalte mit Erfassungsdatum im Zeitraum (eine spätere Übergabe an einen anderen Standort ändert das nicht)',
      ],
      ['Personen', 'alle Mitglieder dieser Haushalte'],
      [
        'Kontakte',
        'Kontakte des Standorts mit Datum im Zeitraum, einschließlich anonymer Kurzkontakte (zählen als sonstige Ratsuchende)',
      ],
      [
        'Beratungsanlässe',
        'Lebensbereich und Unterstützungsbedarf je Kontakt; ein Kontakt kann mehrere haben',
      ],
      ['Gesamt', 'Summe über die gewählten Standorte'],
      [`< ${threshold}`, `Anzahl von 1 bis ${threshold - 1}, zum Schutz der Betroffenen nicht ausgewiesen`],
      ['x', `gesperrt, damit sich kein Wert „< ${threshold}“ aus Summen errechnen lässt`],
    ],
  },
  en: {
    sheets: {
      about: 'Filters and definitions',
      sites: 'Sites',
      'households-per-month': 'Households per month',
      'households-per-district': 'Households per district',
      'contact-types': 'Contact types',
      'reasons-by-life-area': 'Life areas',
      'reasons-by-support-kind': 'Kinds of support',
      'reasons-matrix': 'Life area x support',
      'reasons-per-month': 'Reasons per month',
    },
    site: 'Site',
    period: 'Period',
    from: 'from',
    to: 'to',
    households: 'Households',
    persons: 'Persons',
    contacts: 'Contacts',
    month: 'Month',
    newHouseholds: 'households registered',
    cumulative: 'households cumulative',
    district: 'District',
    contactType: 'Contact type',
    lifeArea: 'Life area',
    supportKind: 'Kind of support',
    reasons: 'Counselling reasons',
    total: 'Total',
    periodText: (from: string, to: string) => `${from} to ${to}`,
    about: 'Item',
    value: 'Value',
    created: 'created',
    sinceOpening: 'since each site’s opening',
    sites: 'Sites',
    tableCategory: 'Category of the table',
    chartCategory: 'Category of the charts',
    categories: { all: 'all households', refugee: 'refugees', other: 'other advice seekers' },
    protection: 'Small-cell protection',
    yes: 'yes',
    no: 'no',
    definitions: [
      [
        'Households',
        'households first registered by the site with a registration date in the period (a later transfer to another site does not change that)',
      ],
      ['Persons', 'all members of these households'],
      [
        'Contacts',
        'contacts of the site dated in the period, anonymous short contacts included (counted as other advice seekers)',
      ],
      ['Counselling reasons', 'life area and kind of support per contact; a contact may have several'],
      ['Total', 'sum over the selected sites'],
      [`< ${threshold}`, `a count from 1 to ${threshold - 1}, withheld to protect the people concerned`],
      ['x', `withheld so that no "< ${threshold}" can be worked out from sums`],
    ],
  },
};

type Holder = { suppressed?: Partial<Record<string, WithheldReason>> } & object;
function v(holder: Holder, field: string): Value {
  const reason = holder.suppressed?.[field];
  if (reason) return marks[reason];
  return (holder as Record<string, unknown>)[field] as number;
}

const monthName = (iso: string, lang: 'de' | 'en') =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));

const dayText = (iso: string, lang: 'de' | 'en') =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

const isMonthEnd = (iso: string) => {
  const next = new Date(`${iso}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

/** "Oktober 2017 bis Oktober 2021" for whole months, else the days: "15.03.2021 bis 20.04.2021". */
function periodLabel(from: string, to: string, lang: 'de' | 'en', text: (a: string, b: string) => string) {
  return from.endsWith('-01') && isMonthEnd(to)
    ? text(monthName(from, lang), monthName(to, lang))
    : text(dayText(from, lang), dayText(to, lang));
}

function breakdownTable(
  key: StatisticsTable,
  sheet: string,
  what: string,
  unit: string,
  total: string,
  b: Breakdown,
): ExportTable {
  return {
    key,
    sheet,
    header: [what, unit],
    rowKeys: [...b.items.map((i) => i.code ?? ''), 'total'],
    rows: [...b.items.map((i) => [i.label, v(i, 'count')]), [total, v(b.total, 'count')]],
    labelColumns: 1,
  };
}

/** Every table of the report, laid out as in the XLSX sheets. */
export function exportTables(report: FullReport, lang: 'de' | 'en'): ExportTable[] {
  const t = texts[lang];
  const sites = report.sites;
  const matrix = report.reasonsMatrix;
  const cell = new Map(matrix.cells.map((c) => [`${c.lifeArea}|${c.supportKind}`, c]));
  const tables: ExportTable[] = [
    {
      key: 'sites',
      sheet: t.sheets.sites,
      header: [t.site, t.period, t.from, t.to, t.households, t.persons, t.contacts],
      rowKeys: [...sites.rows.map((r) => r.siteCode), 'total'],
      rows: [
        ...sites.rows.map((r) => [
          r.siteName,
          periodLabel(r.from, r.to, lang, t.periodText),
          r.from,
          r.to,
          v(r, 'households'),
          v(r, 'persons'),
          v(r, 'contacts'),
        ]),
        [
          t.total,
          '',
          '',
          '',
          v(sites.total, 'households'),
          v(sites.total, 'persons'),
          v(sites.total, 'contacts'),
        ],
      ],
      labelColumns: 4,
    },
    {
      key: 'households-per-month',
      sheet: t.sheets['households-per-month'],
      header: [t.site, t.month, t.newHouseholds, t.cumulative],
      rowKeys: report.householdsPerMonth.series.flatMap((s) => s.points.map((p) => `${s.siteId}|${p.month}`)),
      rows: report.householdsPerMonth.series.flatMap((s) =>
        s.points.map((p) => [s.siteName, p.month, v(p, 'households'), v(p, 'cumulative')]),
      ),
      labelColumns: 2,
    },
    breakdownTable(
      'households-per-district',
      t.sheets['households-per-district'],
      t.district,
      t.households,
      t.total,
      report.householdsPerDistrict,
    ),
    breakdownTable(
      'contact-types',
      t.sheets['contact-types'],
      t.contactType,
      t.contacts,
      t.total,
      report.contactTypes,
    ),
    breakdownTable(
      'reasons-by-life-area',
      t.sheets['reasons-by-life-area'],
      t.lifeArea,
      t.reasons,
      t.total,
      report.reasonsByLifeArea,
    ),
    breakdownTable(
      'reasons-by-support-kind',
      t.sheets['reasons-by-support-kind'],
      t.supportKind,
      t.reasons,
      t.total,
      report.reasonsBySupportKind,
    ),
    {
      key: 'reasons-matrix',
      sheet: t.sheets['reasons-matrix'],
      header: [t.lifeArea, ...matrix.supportKinds.map((s) => s.label), t.total],
      rowKeys: [...matrix.lifeAreas.map((l) => l.code ?? ''), 'total'],
      rows: [
        ...matrix.lifeAreas.map((la) => [
          la.label,
          ...matrix.supportKinds.map((sk) => v(cell.get(`${la.code}|${sk.code}`)!, 'count')),
          v(la, 'count'),
        ]),
        [t.total, ...matrix.supportKinds.map((sk) => v(sk, 'count')), v(matrix.total, 'count')],
      ],
      labelColumns: 1,
    },
    {
      key: 'reasons-per-month',
      sheet: t.sheets['reasons-per-month'],
      header: [t.month, ...report.reasonsPerMonth.series.map((s) => s.label)],
      rowKeys: report.reasonsPerMonth.months,
      rows: report.reasonsPerMonth.months.map((month, i) => [
        month,
        ...report.reasonsPerMonth.series.map((s) => v(s.points[i], 'count')),
      ]),
      labelColumns: 1,
    },
  ];
  return statisticsTables.map((key) => tables.find((x) => x.key === key)!);
}

function aboutRows(report: FullReport, lang: 'de' | 'en', now: Date): Value[][] {
  const t = texts[lang];
  const f = report.filters;
  return [
    [t.about, t.value],
    [t.created, now.toISOString()],
    [t.from, f.from ?? t.sinceOpening],
    [t.to, f.to],
    [t.sites, report.sites.rows.map((r) => r.siteName).join(', ')],
    [t.tableCategory, t.categories[f.category]],
    [t.chartCategory, t.categories[f.chartCategory]],
    [t.protection, f.protected ? t.yes : t.no],
    [],
    ...t.definitions,
  ];
}

export async function toXlsx(report: FullReport, lang: 'de' | 'en', now = new Date()): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = now;
  book.creator = 'Quartier';
  const about = book.addWorksheet(texts[lang].sheets.about);
  about.addRows(aboutRows(report, lang, now));
  about.getRow(1).font = { bold: true };
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 100;
  for (const table of exportTables(report, lang)) {
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
export function toCsv(report: FullReport, lang: 'de' | 'en', table?: StatisticsTable): string {
  const tables = exportTables(report, lang);
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
