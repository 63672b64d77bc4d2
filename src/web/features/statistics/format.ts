import type { TFunction } from 'i18next';
import { monthLabel, periodLabel } from '../../../shared/period-label';
import type { WithheldReason } from '../../../shared/schemas/statistics';
import { formatCount, protectionValues } from '../../../shared/statistics-tables';
import { currentLanguage } from '../../i18n';

/** A count with the language's digit grouping ("10.178" in German). */
export function formatNumber(n: number): string {
  return formatCount(n, currentLanguage());
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
  if (reason) return t(`statistics.suppressed.${reason}`, protectionValues);
  if (value === null || value === undefined) return '–';
  return formatNumber(value);
}

/** "Oktober 2017" */
export function monthLong(iso: string): string {
  return monthLabel(iso, currentLanguage());
}

/** "Okt. 2021" */
export function monthShort(iso: string): string {
  return monthLabel(iso, currentLanguage(), 'short');
}

/**
 * A site's period as the seed's table writes it: "Oktober 2017 bis Okt. 2021" when it covers whole
 * months; a day that is not a month's edge is written as a date ("Oktober 2016 bis 25.11.2026").
 * The rule lives in shared/period-label.ts, so the exports write the same.
 */
export function periodText(t: TFunction, from: string, to: string): string {
  return periodLabel(from, to, currentLanguage(), (a, b) => t('statistics.periodRange', { from: a, to: b }));
}
