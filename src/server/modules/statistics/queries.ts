import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { aggregateFacts, type CategoryFilter, type FactFamily, type Facts, valuesList } from './facts.js';
import type { SitePeriod } from './period.js';

/**
 * The same facts as rollupFacts, by plain SQL over households, persons, contacts and contact_reasons.
 * The definition the rollups must match; used by the tests and the benchmark, not by the API.
 */
export function plainFacts(
  db: Db,
  periods: SitePeriod[],
  category: CategoryFilter,
  need?: readonly FactFamily[],
  /** false: key sums 0 (the benchmark times plain SQL as the report's counts alone need it) */
  keys = true,
): Promise<Facts> {
  const key = (expr: SQL) => (keys ? expr : sql`0::bigint`);
  const seg = valuesList(
    periods
      .filter((p) => p.from <= p.to)
      .map((p) => sql`(${p.siteId}::uuid, ${p.from}::date, ${p.to}::date)`),
    sql`(SELECT NULL::uuid, NULL::date, NULL::date WHERE false)`,
  );
  return aggregateFacts(
    db,
    {
      households: sql`SELECT h.registered_site_id AS site_id,
            date_trunc('month', h.registered_on::timestamp)::date AS month, h.category,
            coalesce(h.district_code, '') AS district_code, 1 AS households, coalesce(m.n, 0) AS persons,
            ${key(sql`stat_key(h.id::text)`)} AS household_key_sum, ${key(sql`coalesce(m.keys, 0)`)} AS person_key_sum
          FROM ${seg} AS seg(site_id, lo, hi)
          JOIN households h ON h.registered_site_id = seg.site_id AND h.registered_on BETWEEN seg.lo AND seg.hi
          LEFT JOIN (SELECT household_id, count(*)::int AS n, ${key(sql`sum(stat_key(id::text))`)} AS keys
            FROM persons GROUP BY household_id) m
            ON m.household_id = h.id`,
      contacts: sql`SELECT c.site_id, c.category, c.contact_type, 1 AS contacts,
            ${key(sql`stat_key(c.id::text)`)} AS key_sum
          FROM ${seg} AS seg(site_id, lo, hi)
          JOIN contacts c ON c.site_id = seg.site_id AND c.date BETWEEN seg.lo AND seg.hi`,
      reasons: sql`SELECT date_trunc('month', c.date::timestamp)::date AS month, c.category, r.life_area,
            r.support_kind, 1 AS reasons,
            ${key(sql`stat_reason_key(r.contact_id, r.life_area, r.support_kind)`)} AS key_sum
          FROM ${seg} AS seg(site_id, lo, hi)
          JOIN contacts c ON c.site_id = seg.site_id AND c.date BETWEEN seg.lo AND seg.hi
          JOIN contact_reasons r ON r.contact_id = c.id`,
    },
    category,
    need,
  );
}
