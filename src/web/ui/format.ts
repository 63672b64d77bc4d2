import { dateTimeFormat } from '../../shared/intl-formats';
import { currentLanguage } from '../i18n';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function separator(): string {
  return currentLanguage() === 'en' ? '/' : '.';
}

/** `YYYY-MM-DD` → `dd.mm.yyyy` (German) or `dd/mm/yyyy` (English); calendar dates have no time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = isoDatePattern.exec(iso.slice(0, 10));
  if (!m) return iso;
  const s = separator();
  return `${m[3]}${s}${m[2]}${s}${m[1]}`;
}

/** An instant, shown in Berlin time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const locale = currentLanguage() === 'en' ? 'en-GB' : 'de-DE';
  return dateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  }).format(date);
}

/** Accepts `dd.mm.yyyy`, `dd/mm/yyyy` and `yyyy-mm-dd`; returns `YYYY-MM-DD`, '' for empty, null if invalid. */
export function parseDateInput(text: string): string | null {
  const value = text.trim();
  if (!value) return '';
  let y: number;
  let mo: number;
  let d: number;
  const iso = isoDatePattern.exec(value);
  const local = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) [d, mo, y] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
