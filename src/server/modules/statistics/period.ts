import { addDays, monthEnd, monthStart } from '../../../shared/dates.js';

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
