import { lastDayOfMonth } from './dates.js';
import { dateTimeFormat } from './intl-formats.js';

/**
 * Period labels as the seed's table writes them, the same on the report page and in the exports:
 * "Oktober 2017 bis Okt. 2021" for whole months, "15.03.2024 bis 20.04.2024" for days, "Oktober 2021"
 * for one whole month; an edge that is not a month's first or last day is written as a date
 * ("Oktober 2016 bis 25.11.2026").
 */
export type LabelLanguage = 'de' | 'en';

const locale = (lang: LabelLanguage) => (lang === 'en' ? 'en-GB' : 'de-DE');
const monthDate = (iso: string) => new Date(`${iso.slice(0, 7)}-01T12:00:00Z`);

/** "Oktober 2017" (long) or "Okt. 2017" (short) for a `YYYY-MM` or `YYYY-MM-DD`. */
export function monthLabel(iso: string, lang: LabelLanguage, width: 'long' | 'short' = 'long'): string {
  return dateTimeFormat(locale(lang), { month: width, year: 'numeric', timeZone: 'UTC' }).format(
    monthDate(iso),
  );
}

/** `YYYY-MM-DD` → "15.03.2024" (German) or "15/03/2024" (English). */
export function dayLabel(iso: string, lang: LabelLanguage): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  const s = lang === 'en' ? '/' : '.';
  return `${d}${s}${m}${s}${y}`;
}

const isFirstOfMonth = (iso: string) => iso.slice(8, 10) === '01';
const isLastOfMonth = (iso: string) =>
  Number(iso.slice(8, 10)) === lastDayOfMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));

/**
 * The label of the period [from, to]; `range` joins the two ends in the language
 * (`statistics.periodRange`: "{{from}} bis {{to}}").
 */
export function periodLabel(
  from: string,
  to: string,
  lang: LabelLanguage,
  range: (from: string, to: string) => string,
): string {
  if (from.slice(0, 7) === to.slice(0, 7) && isFirstOfMonth(from) && isLastOfMonth(to))
    return monthLabel(from, lang);
  const start = isFirstOfMonth(from) ? monthLabel(from, lang) : dayLabel(from, lang);
  const end = isLastOfMonth(to) ? monthLabel(to, lang, 'short') : dayLabel(to, lang);
  return range(start, end);
}
