import { type SQL, sql } from 'drizzle-orm';
import { todayBerlin } from '../../../shared/dates.js';
import type { Db } from '../../platform/db/client.js';
import { rows, valuesList } from './facts.js';
import type { SitePeriod } from './period.js';

/** The raw figures of the network tables (issue 9 §6), before labels and protection. */
export interface NetworkFacts {
  /** per event type and district ('' for none) */
  events: {
    type: string;
    districtCode: string;
    events: number;
    neighbours: number;
    refugees: number;
    volunteers: number;
    partners: number;
    others: number;
  }[];
  volunteers: { siteId: string; active: number; new: number; hours: number }[];
  bookings: { language: string; bookings: number; served: number; notServed: number; hours: number }[];
  referrals: { lifeArea: string; count: number }[];
}

const n = (v: unknown) => Number(v ?? 0);
const s = (v: unknown) => String(v ?? '');
/** hours to two decimals (sums of numeric(5,2) arrive as text) */
const hours = (v: unknown) => Math.round(n(v) * 100) / 100;

/** each site's period as rows (site_id, lo, hi) */
function periodRows(periods: SitePeriod[]): SQL {
  return valuesList(
    periods
      .filter((p) => p.from <= p.to)
      .map((p) => sql`(${p.siteId}::uuid, ${p.from}::date, ${p.to}::date)`),
    sql`(SELECT NULL::uuid, NULL::date, NULL::date WHERE false)`,
  );
}

/** The figures by plain SQL over events, volunteers, hours, bookings and referrals; the site's period each. */
export async function networkFacts(
  db: Db,
  periods: SitePeriod[],
  today = todayBerlin(),
): Promise<NetworkFacts> {
  const p = sql`${periodRows(periods)} AS p(site_id, lo, hi)`;
  const [events, volunteers, bookings, referrals] = await Promise.all([
    rows(
      db,
      sql`SELECT e.type, coalesce(e.district_code, '') AS district_code, count(*)::int AS events,
          sum(e.neighbours)::int AS neighbours, sum(e.refugees)::int AS refugees,
          sum(e.volunteers)::int AS volunteers, sum(e.partner_count)::int AS partners,
          sum(e.others)::int AS others
        FROM ${p} JOIN events e ON e.site_id = p.site_id AND e.date BETWEEN p.lo AND p.hi
        GROUP BY e.type, coalesce(e.district_code, '')`,
    ),
    rows(
      db,
      sql`SELECT v.site_id,
          count(*) FILTER (WHERE (v.status = 'active' AND p.hi >= ${today}::date)
            OR EXISTS (SELECT 1 FROM volunteer_assignments a WHERE a.volunteer_id = v.id
              AND a.status <> 'proposed' AND a.starts_on <= p.hi AND (a.ends_on IS NULL OR a.ends_on >= p.lo))
            OR EXISTS (SELECT 1 FROM volunteer_hours h WHERE h.volunteer_id = v.id
              AND h.date BETWEEN p.lo AND p.hi))::int AS active,
          count(*) FILTER (WHERE (v.created_at AT TIME ZONE 'Europe/Berlin')::date BETWEEN p.lo AND p.hi)::int AS new,
          coalesce(sum((SELECT sum(h.hours) FROM volunteer_hours h WHERE h.volunteer_id = v.id
            AND h.date BETWEEN p.lo AND p.hi)), 0) AS hours
        FROM ${p} JOIN volunteers v ON v.site_id = p.site_id
        GROUP BY v.site_id`,
    ),
    rows(
      db,
      sql`SELECT b.language, count(*)::int AS bookings,
          count(*) FILTER (WHERE b.status = 'done')::int AS served,
          count(*) FILTER (WHERE b.status IN ('cancelled', 'noShow')
            OR (b.status = 'requested' AND b.date < ${today}::date))::int AS not_served,
          coalesce(sum(b.hours) FILTER (WHERE b.status = 'done'), 0) AS hours
        FROM ${p} JOIN mediator_bookings b ON b.site_id = p.site_id AND b.date BETWEEN p.lo AND p.hi
        GROUP BY b.language`,
    ),
    rows(
      db,
      sql`SELECT r.life_area, count(*)::int AS n
        FROM ${p} JOIN households h ON h.site_id = p.site_id
        JOIN referrals r ON r.household_id = h.id AND r.date BETWEEN p.lo AND p.hi
        WHERE r.offer_id IS NOT NULL
        GROUP BY r.life_area`,
    ),
  ]);
  return {
    events: events.map((r) => ({
      type: s(r.type),
      districtCode: s(r.district_code),
      events: n(r.events),
      neighbours: n(r.neighbours),
      refugees: n(r.refugees),
      volunteers: n(r.volunteers),
      partners: n(r.partners),
      others: n(r.others),
    })),
    volunteers: volunteers.map((r) => ({
      siteId: s(r.site_id),
      active: n(r.active),
      new: n(r.new),
      hours: hours(r.hours),
    })),
    bookings: bookings.map((r) => ({
      language: s(r.language),
      bookings: n(r.bookings),
      served: n(r.served),
      notServed: n(r.not_served),
      hours: hours(r.hours),
    })),
    referrals: referrals.map((r) => ({ lifeArea: s(r.life_area), count: n(r.n) })),
  };
}
