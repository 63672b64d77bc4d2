/**
 * Calendar dates as `YYYY-MM-DD` strings, evaluated in Europe/Berlin (the offices' day, whatever the
 * server's or the device's zone). Used by server, web and demo data alike.
 */

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Europe/Berlin as YYYY-MM-DD. */
export function todayBerlin(now = new Date()): string {
  return berlinDay.format(now);
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in `YYYY-MM-DD` form (no 31.02.). */
export function isCalendarDate(iso: string): boolean {
  const m = isoDatePattern.exec(iso);
  if (!m) return false;
  const d = toDate(iso);
  return !Number.isNaN(d.getTime()) && toIso(d) === iso;
}

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** The same day N months later, clamped to the month's last day (31.01. + 1 → 28./29.02.). */
export function addMonths(iso: string, months: number): string {
  const [y, m, day] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = lastDayOfMonth(first.getUTCFullYear(), first.getUTCMonth() + 1);
  first.setUTCDate(Math.min(day, last));
  return toIso(first);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}

export const monthOf = (iso: string) => iso.slice(0, 7);
export const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;

/** Number of days of a month (month 1–12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthEnd(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${iso.slice(0, 7)}-${String(lastDayOfMonth(y, m)).padStart(2, '0')}`;
}

/** The months `YYYY-MM` from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  if (from > to) return out;
  const d = toDate(monthStart(from));
  const last = monthOf(to);
  for (let m = toIso(d).slice(0, 7); m <= last; m = toIso(d).slice(0, 7)) {
    out.push(m);
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/** True when the period covers whole months (first day of a month to last day of a month). */
export function isWholeMonths(from: string, to: string): boolean {
  return from.endsWith('-01') && monthEnd(to) === to;
}
