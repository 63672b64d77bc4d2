import type { TFunction } from 'i18next';
import { todayBerlin } from '../../../shared/dates';
import { formatDate, parseDateInput } from '../../ui/format';

/** Today as the date field shows it (dd.mm.yyyy in German). */
export function todayInput(): string {
  return formatDate(todayBerlin());
}

export function requiredDate(t: TFunction) {
  return (value: string) => {
    const parsed = parseDateInput(value);
    if (parsed === '') return t('validation.required');
    return parsed === null ? t('validation.date') : null;
  };
}

export function optionalDate(t: TFunction) {
  return (value: string) => (parseDateInput(value) === null ? t('validation.date') : null);
}

export function required(t: TFunction) {
  return (value: unknown) =>
    value === null || value === undefined || (typeof value === 'string' && !value.trim())
      ? t('validation.required')
      : null;
}

/** `YYYY-MM-DD` from a checked date field, or null when empty. */
export function dateOrNull(value: string): string | null {
  return parseDateInput(value) || null;
}

export function textOrNull(value: string): string | null {
  return value.trim() ? value.trim() : null;
}

/** A birth typed as `dd.mm.yyyy` or only the year `yyyy`. */
export function parseBirth(value: string): { birthDate: string | null; birthYear: number | null } | null {
  const text = value.trim();
  if (!text) return { birthDate: null, birthYear: null };
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    const max = new Date().getFullYear() + 1;
    return year >= 1900 && year <= max ? { birthDate: null, birthYear: year } : null;
  }
  const date = parseDateInput(text);
  if (!date) return null;
  const year = Number(date.slice(0, 4));
  if (year < 1900 || date > `${new Date().getFullYear() + 1}-12-31`) return null;
  return { birthDate: date, birthYear: null };
}

export function formatBirth(p: { birthDate: string | null; birthYear: number | null }): string {
  return p.birthDate ? formatDate(p.birthDate) : p.birthYear ? String(p.birthYear) : '';
}
