import { addDays, addMonths } from '../../../shared/dates.js';
import type { StatisticsFilters } from '../../../shared/schemas/statistics.js';

/**
 * File names of the exports in the file's language: `statistik-2021.xlsx`, `statistik-2021-standorte.csv`
 * (German), `statistics-2021-q3-sites.csv` (English). The period part is the year, quarter or month when
 * the report covers exactly that, else its first and last day.
 */
const stems = { de: 'statistik', en: 'statistics' } as const;

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function periodToken(filters: Pick<StatisticsFilters, 'from' | 'to'>): string {
  const { from, to } = filters;
  if (!from) return to;
  const endAfter = (months: number) => addDays(addMonths(from, months), -1);
  if (from.endsWith('-01')) {
    const month = Number(from.slice(5, 7));
    if (month === 1 && to === endAfter(12)) return from.slice(0, 4);
    if (month % 3 === 1 && to === endAfter(3)) return `${from.slice(0, 4)}-q${(month + 2) / 3}`;
    if (to === endAfter(1)) return from.slice(0, 7);
  }
  return `${from}_${to}`;
}

export function reportFileName(
  filters: Pick<StatisticsFilters, 'from' | 'to'>,
  lang: 'de' | 'en',
  ext: string,
) {
  return `${stems[lang]}-${periodToken(filters)}.${ext}`;
}

export function tableFileName(
  filters: Pick<StatisticsFilters, 'from' | 'to'>,
  lang: 'de' | 'en',
  sheet: string,
  ext = 'csv',
) {
  return `${stems[lang]}-${periodToken(filters)}-${slug(sheet)}.${ext}`;
}
