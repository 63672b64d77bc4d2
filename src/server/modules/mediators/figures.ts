import { and, asc, count, gte, inArray, lte, sql } from 'drizzle-orm';
import { todayBerlin } from '../../../shared/dates.js';
import type { FiguresQuery, MediatorFigures } from '../../../shared/schemas/mediators.js';
import { mediatorBookings as b } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { resolveFilters, type Viewer } from '../statistics/filters.js';

const n = (v: unknown) => Number(v ?? 0);

/**
 * Aggregates of the bookings (by the booking's date) of the sites the viewer may see: demand per
 * language and month, bookings not served, hours and cost per site. No names, no households.
 */
export async function mediatorFigures(db: Db, viewer: Viewer, q: FiguresQuery): Promise<MediatorFigures> {
  const { filters } = await resolveFilters(db, viewer, q);
  const { from, to, siteIds } = filters;
  if (siteIds.length === 0) return { from, to, siteIds, demand: [], notServed: [], perSite: [] };
  const where = and(inArray(b.siteId, siteIds), from ? gte(b.date, from) : undefined, lte(b.date, to));
  const month = sql<string>`to_char(${b.date}, 'YYYY-MM')`;
  const today = todayBerlin();
  const [demand, notServed, perSite] = await Promise.all([
    db
      .select({ month, language: b.language, bookings: count() })
      .from(b)
      .where(where)
      .groupBy(month, b.language)
      .orderBy(asc(month), asc(b.language)),
    db
      .select({
        language: b.language,
        cancelled: sql<number>`count(*) filter (where ${b.status} = 'cancelled')`,
        noShow: sql<number>`count(*) filter (where ${b.status} = 'noShow')`,
        neverConfirmed: sql<number>`count(*) filter (where ${b.status} = 'requested' and ${b.date} < ${today}::date)`,
      })
      .from(b)
      .where(where)
      .groupBy(b.language)
      .orderBy(asc(b.language)),
    db
      .select({
        siteId: b.siteId,
        bookings: count(),
        done: sql<number>`count(*) filter (where ${b.status} = 'done')`,
        hours: sql<string>`coalesce(sum(${b.hours}) filter (where ${b.status} = 'done'), 0)`,
        costCents: sql<string>`coalesce(sum(${b.costCents}) filter (where ${b.status} = 'done'), 0)`,
      })
      .from(b)
      .where(where)
      .groupBy(b.siteId),
  ]);
  const bySite = new Map(perSite.map((r) => [r.siteId, r]));
  return {
    from,
    to,
    siteIds,
    demand: demand.map((r) => ({ month: r.month, language: r.language, bookings: n(r.bookings) })),
    notServed: notServed
      .map((r) => ({
        language: r.language,
        cancelled: n(r.cancelled),
        noShow: n(r.noShow),
        neverConfirmed: n(r.neverConfirmed),
      }))
      .filter((r) => r.cancelled + r.noShow + r.neverConfirmed > 0),
    perSite: siteIds.map((siteId) => {
      const r = bySite.get(siteId);
      return {
        siteId,
        bookings: n(r?.bookings),
        done: n(r?.done),
        hours: n(r?.hours),
        costCents: n(r?.costCents),
      };
    }),
  };
}
