import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { aggregateFacts, type CategoryFilter, type FactFamily, type Facts, valuesList } from './facts.js';
import { type SitePeriod, segmentsOf } from './period.js';

/**
 * The report's facts from the rollups (kept exact by the triggers of migration 0004_statistics_triggers, the
 * key sums of 0017_statistics_cell_keys), read through the views stat_*_all of 0026_rollup_deltas: the
 * rollup rows and the deltas not yet folded, summed — so a figure is exact whether the fold has run or not.
 * Whole months from the monthly views, edge days from the daily ones.
 */
export function rollupFacts(
  db: Db,
  periods: SitePeriod[],
  category: CategoryFilter,
  need?: readonly FactFamily[],
): Promise<Facts> {
  const segments = periods.flatMap(segmentsOf);
  const seg = valuesList(
    segments.map((s) => sql`(${s.siteId}::uuid, ${s.lo}::date, ${s.hi}::date, ${s.grain})`),
    sql`(SELECT NULL::uuid, NULL::date, NULL::date, NULL::text WHERE false)`,
  );
  const month = sql`date_trunc('month', r.day::timestamp)::date`;
  const from = (table: string, grain: 'month' | 'day') =>
    sql`${seg} AS seg(site_id, lo, hi, grain)
        JOIN ${sql.identifier(`${table}_all`)} r ON r.site_id = seg.site_id AND r.${sql.identifier(grain)} BETWEEN seg.lo AND seg.hi
        WHERE seg.grain = ${grain}`;
  return aggregateFacts(
    db,
    {
      households: sql`SELECT r.site_id, r.month, r.category, r.district_code, r.households, r.persons,
            r.household_key_sum, r.person_key_sum
          FROM ${from('stat_households_month', 'month')}
        UNION ALL
        SELECT r.site_id, ${month}, r.category, r.district_code, r.households, r.persons,
            r.household_key_sum, r.person_key_sum
          FROM ${from('stat_households_day', 'day')}`,
      contacts: sql`SELECT r.site_id, r.category, r.contact_type, r.contacts, r.key_sum
          FROM ${from('stat_contacts_month', 'month')}
        UNION ALL
        SELECT r.site_id, r.category, r.contact_type, r.contacts, r.key_sum
          FROM ${from('stat_contacts_day', 'day')}`,
      reasons: sql`SELECT r.month, r.category, r.life_area, r.support_kind, r.reasons, r.key_sum
          FROM ${from('stat_reasons_month', 'month')}
        UNION ALL
        SELECT ${month}, r.category, r.life_area, r.support_kind, r.reasons, r.key_sum
          FROM ${from('stat_reasons_day', 'day')}`,
    },
    category,
    need,
  );
}
