/** Calendar arithmetic on `YYYY-MM-DD` strings (no time zones involved: these are calendar dates). */

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

export const monthOf = (iso: string) => iso.slice(0, 7);
export const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;

export function monthEnd(iso: string): string {
  const d = toDate(monthStart(iso));
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return toIso(d);
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

/** Today's date in Europe/Berlin, where the periods are evaluated. */
export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface SitePeriod {
  siteId: string;
  from: string;
  to: string;
}

/** A piece of a site's period: whole months (read from the monthly rollups) or single days. */
export interface Segment {
  siteId: string;
  grain: 'month' | 'day';
  /** first and last day (grain day) or first day of the first and of the last month (grain month) */
  lo: string;
  hi: string;
}

/**
 * Splits [from, to] into the whole months inside it and the days at its edges, so a report reads few
 * monthly rows and only the edge days from the daily rollups — exact for any period.
 */
export function segmentsOf(p: SitePeriod): Segment[] {
  if (p.from > p.to) return [];
  const firstFull = p.from === monthStart(p.from) ? p.from : addDays(monthEnd(p.from), 1);
  const lastFullEnd = p.to === monthEnd(p.to) ? p.to : addDays(monthStart(p.to), -1);
  if (firstFull > lastFullEnd) return [{ siteId: p.siteId, grain: 'day', lo: p.from, hi: p.to }];
  const out: Segment[] = [{ siteId: p.siteId, grain: 'month', lo: firstFull, hi: monthStart(lastFullEnd) }];
  if (p.from < firstFull)
    out.push({ siteId: p.siteId, grain: 'day', lo: p.from, hi: addDays(firstFull, -1) });
  if (lastFullEnd < p.to) out.push({ siteId: p.siteId, grain: 'day', lo: addDays(lastFullEnd, 1), hi: p.to });
  return out;
}
