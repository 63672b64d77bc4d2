import type { TFunction } from 'i18next';
import { lastDayOfMonth } from '../../../shared/dates';
import type { WithheldReason } from '../../../shared/schemas/statistics';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../ui/format';

const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'de-DE');

/** A count with the language's digit grouping ("10.178" in German). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(n);
}

/** Something that may carry withheld counts, as the statistics API answers. */
export interface Protected {
  suppressed?: Partial<Record<string, WithheldReason>>;
}

/** Why a field is withheld, if it is. */
export function withheld(holder: Protected | undefined, field: string): WithheldReason | undefined {
  return holder?.suppressed?.[field];
}

/** A count for display: the number, or "< 3" / "x" when small-cell protection withholds it. */
export function displayCount(
  t: TFunction,
  holder: Protected | undefined,
  field: string,
  value: number | null | undefined,
): string {
  const reason = withheld(holder, field);
  if (reason) return t(`statistics.suppressed.${reason}`);
  if (value === null || value === undefined) return '–';
  return formatNumber(value);
}

function monthDate(isoMonth: string) {
  return new Date(`${isoMonth.slice(0, 7)}-01T12:00:00Z`);
}

/** "Oktober 2017" */
export function monthLong(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    monthDate(iso),
  );
}

/** "Okt. 2021" */
export function monthShort(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    monthDate(iso),
  );
}

const isFirstOfMonth = (iso: string) => iso.slice(8, 10) === '01';
const isLastOfMonth = (iso: string) =>
  Number(iso.slice(8, 10)) === lastDayOfMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));

/**
 * A site's period as the seed's table writes it: "Oktober 2017 bis Okt. 2021" when it covers whole
 * months; a day that is not a month's edge is written as a date ("Oktober 2016 bis 25.11.2026").
 */
export function periodText(t: TFunction, from: string, to: string): string {
  if (from.slice(0, 7) === to.slice(0, 7) && isFirstOfMonth(from) && isLastOfMonth(to))
    return monthLong(from);
  const start = isFirstOfMonth(from) ? monthLong(from) : formatDate(from);
  const end = isLastOfMonth(to) ? monthShort(to) : formatDate(to);
  return t('statistics.periodRange', { from: start, to: end });
}
