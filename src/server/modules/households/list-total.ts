import { and, isNotNull, type SQL, sql } from 'drizzle-orm';
import { householdCounts, households } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { householdIdColumn, keyFilters, type ListQuery, type ListValues } from './list-filters.js';

/** Query keys that only shape the page, and the filters household_counts is kept by. */
export const pageKeys = new Set(['page', 'pageSize', 'sort', 'order']);
const countedFilters = new Set(['siteId', 'status', 'category', 'districtCode']);

/** Whether household_counts holds the list's filters (site, status, category, district; no search). */
export function isCounted(q: ListQuery): boolean {
  // `restricted` is no counted filter: listing only the restricted ones counts them directly
  return Object.entries(q).every(([k, v]) => v === undefined || pageKeys.has(k) || countedFilters.has(k));
}

/**
 * The list's total as an expression the page query selects, so a page and its total take one round trip:
 * a few rows of household_counts (kept exact by triggers in the writing transaction, so the total is as
 * current as a count) less the restricted households (Art. 18) among them, which are counted there but never
 * listed. Null when a filter is not counted (a search, `restricted`).
 */
export function countedTotal(q: ListQuery, sites: number): SQL<number> | null {
  if (!isCounted(q)) return null;
  const restricted = and(isNotNull(households.restrictedAt), ...keyFilters(households, q, sites));
  return sql<number>`((SELECT coalesce(sum(${householdCounts.n}), 0) FROM ${householdCounts}
      WHERE ${and(...keyFilters(householdCounts, q, sites))})
    - (SELECT count(*) FROM ${households} WHERE ${restricted}))::int`;
}

/** The exact number of households the list matches, on its own (a page behind the last, or an uncounted filter). */
export async function householdListTotal(
  db: Db,
  values: ListValues,
  from: { where: SQL | undefined; matches: SQL | null },
): Promise<number> {
  const count = db.select({ n: sql<number>`count(*)::int` }).from(households);
  const joined = from.matches
    ? count.innerJoin(from.matches, sql`m.household_id = ${householdIdColumn}`)
    : count;
  const [{ n }] = await joined.where(from.where).execute(values);
  return Number(n);
}
