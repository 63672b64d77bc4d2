import { type SQL, sql } from 'drizzle-orm';
import { aggregateFacts, type Facts } from '../src/server/modules/statistics/facts.js';
import type { SitePeriod } from '../src/server/modules/statistics/period.js';
import type { Db } from '../src/server/platform/db/client.js';

/**
 * The fairest plain-SQL contender we can write for the rollups: the same facts as plainFacts, but each
 * period as its own indexed range (`site_id = ANY(…) AND date BETWEEN …`, sites that share a period in one
 * branch) instead of a join to a VALUES list (which the planner runs as a full scan), and persons counted
 * only for the households the period holds (not all persons on every call).
 */
export function bestPlainFacts(db: Db, periods: SitePeriod[]): Promise<Facts> {
  const groups = new Map<string, { from: string; to: string; siteIds: string[] }>();
  for (const p of periods.filter((x) => x.from <= x.to)) {
    const key = `${p.from}|${p.to}`;
    const g = groups.get(key) ?? { from: p.from, to: p.to, siteIds: [] };
    g.siteIds.push(p.siteId);
    groups.set(key, g);
  }
  const branches = (one: (g: { from: string; to: string; ids: SQL }) => SQL, empty: SQL) => {
    const parts = [...groups.values()].map((g) =>
      one({ from: g.from, to: g.to, ids: sql`${sql.param(g.siteIds)}::uuid[]` }),
    );
    return parts.length ? sql.join(parts, sql` UNION ALL `) : empty;
  };
  return aggregateFacts(
    db,
    {
      households: branches(
        (g) => sql`SELECT h.registered_site_id AS site_id,
            date_trunc('month', h.registered_on::timestamp)::date AS month, h.category,
            coalesce(h.district_code, '') AS district_code, 1 AS households,
            (SELECT count(*)::int FROM persons p WHERE p.household_id = h.id) AS persons
          FROM households h
          WHERE h.registered_site_id = ANY(${g.ids}) AND h.registered_on BETWEEN ${g.from}::date AND ${g.to}::date`,
        sql`SELECT NULL::uuid AS site_id, NULL::date AS month, NULL::text AS category, NULL::text AS district_code,
            0 AS households, 0 AS persons WHERE false`,
      ),
      contacts: branches(
        (g) => sql`SELECT c.site_id, c.category, c.contact_type, 1 AS contacts FROM contacts c
          WHERE c.site_id = ANY(${g.ids}) AND c.date BETWEEN ${g.from}::date AND ${g.to}::date`,
        sql`SELECT NULL::uuid AS site_id, NULL::text AS category, NULL::text AS contact_type, 0 AS contacts WHERE false`,
      ),
      reasons: branches(
        (g) => sql`SELECT date_trunc('month', c.date::timestamp)::date AS month, c.category, r.life_area,
            r.support_kind, 1 AS reasons
          FROM contacts c JOIN contact_reasons r ON r.contact_id = c.id
          WHERE c.site_id = ANY(${g.ids}) AND c.date BETWEEN ${g.from}::date AND ${g.to}::date`,
        sql`SELECT NULL::date AS month, NULL::text AS category, NULL::text AS life_area, NULL::text AS support_kind,
            0 AS reasons WHERE false`,
      ),
    },
    null,
  );
}
