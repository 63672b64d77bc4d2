import type { TFunction } from 'i18next';
import { todayBerlin } from '../../../shared/dates';
import { ApiError } from '../../app/api';
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

interface IssueForm {
  values: object;
  setFieldError(path: string, error: string): void;
}

function valueAt(values: unknown, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Puts the server's field issues on the form fields they name, also nested ones (`members.0.firstName`,
 * `address.postcode`, `reasons.1.lifeArea`). An index into a multi-value field (`languages.2`) lands on
 * the field; `aliases` rename server fields to form fields (`birthYear` → `birth`). `messages` gives
 * the UI's wording by the field's own name (the server's messages are technical English).
 * Returns true if any issue landed on a field.
 */
export function applyIssues(
  form: IssueForm,
  error: unknown,
  fallback: string,
  messages: Record<string, string> = {},
  aliases: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return false;
  const found = new Map<string, string[]>();
  for (const issue of error.fieldIssues) {
    let parts = issue.path.split('.');
    const last = parts[parts.length - 1] ?? '';
    if (aliases[last]) parts = [...parts.slice(0, -1), aliases[last]];
    // drop trailing indexes until the path names a field of the form
    while (parts.length > 0 && valueAt(form.values, parts.join('.')) === undefined)
      parts = parts.slice(0, -1);
    while (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1] ?? '')) parts = parts.slice(0, -1);
    if (parts.length === 0) continue;
    const path = parts.join('.');
    const name = parts[parts.length - 1] ?? '';
    const list = found.get(path) ?? [];
    list.push(messages[name] ?? fallback);
    found.set(path, list);
  }
  for (const [path, list] of found) form.setFieldError(path, [...new Set(list)].join(' '));
  return found.size > 0;
}

/** After errors are shown (the next frames), focus the first field that has one (inside `root`). */
export function focusFirstError(root: HTMLElement | null): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }),
  );
}
