import type { TFunction } from 'i18next';
import { todayBerlin } from '../../../shared/dates';
import { formatDate, parseDateInput } from '../../ui/format';
import type { FormQuestion } from '../../ui/forms/useFormMutation';

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

/** A checked date field that must not lie after today: the message, or null. */
export function notInFuture(value: string, message: string): string | null {
  const date = parseDateInput(value);
  return date && date > todayBerlin() ? message : null;
}

/** True for a checked date field before today (a follow-up or appointment in the past asks first). */
export function isBeforeToday(value: string): boolean {
  const date = parseDateInput(value);
  return !!date && date < todayBerlin();
}

/** What a default needs of a Mantine form. */
interface DefaultsForm {
  isDirty(): boolean;
  resetDirty(): void;
  setFieldValue(path: string, value: string): void;
}

/** Sets a default that arrives with a list; an untouched form stays "unchanged" (no leave question). */
export function setDefault(form: DefaultsForm, path: string, value: string): void {
  const untouched = !form.isDirty();
  form.setFieldValue(path, value);
  if (untouched) form.resetDirty();
}

/** "The date lies in the past — save anyway?" for a follow-up or appointment dated before today. */
export function pastDateQuestion(t: TFunction, value: string): FormQuestion | null {
  return isBeforeToday(value)
    ? {
        title: t('forms.pastDate.title'),
        message: t('forms.pastDate.message', { date: value.trim() }),
        confirmLabel: t('forms.pastDate.confirm'),
      }
    : null;
}

/** A registration date: required, a real date, from 01.01.2000 up to today (as the API takes it). */
export function registrationRule(t: TFunction) {
  return (value: string) => {
    const missing = requiredDate(t)(value);
    if (missing) return missing;
    const date = parseDateInput(value) as string;
    return date < '2000-01-01' || date > todayBerlin() ? t('casework.validation.registeredRange') : null;
  };
}
