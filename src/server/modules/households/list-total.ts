import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { listHouseholdsQuery } from '../../../shared/schemas/households.js';
import { householdCounts, households } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';

type ListQuery = z.infer<typeof listHouseholdsQuery>;

/** Query keys that only shape the page, and the filters household_counts is kept by. */
const pageKeys = new Set(['page', 'pageSize', 'sort', 'order']);
const countedFilters = new Set(['siteId', 'status', 'category', 'districtCode']);

/** Whether household_counts holds the list's filters (site, status, category, district; no search). */
function isCounted(q: ListQuery): boolean {
  // `restricted` is no counted filter: listing only the restricted ones counts them directly
  return Object.entries(q).every(([k, v]) => v === undefined || pageKeys.has(k) || countedFilters.has(k));
}

/**
 * The list's total as an expression the page query selects, so a page and its total take one round trip:
 * a few rows of household_counts (kept exact by triggers in the writing transaction, so the total is as
 * current as a count) less the restricted households (Art. 18) among them, which are counted there but never
 * listed. Null when a filter is not counted (a search, `restricted`).
 */
export function countedTotal(siteIds: string[], q: ListQuery): SQL<number> | null {
  if (!isCounted(q)) return null;
  const filters: SQL[] = [inArray(householdCounts.siteId, siteIds)];
  if (q.siteId) filters.push(eq(householdCounts.siteId, q.siteId));
  if (q.status) filters.push(eq(householdCounts.status, q.status));
  if (q.category) filters.push(eq(householdCounts.category, q.category));
  if (q.districtCode) filters.push(eq(householdCounts.districtCode, q.districtCode));
  const restricted = and(isNotNull(households.restrictedAt), ...restrictedFilters(siteIds, q));
  return sql<number>`((SELECT coalesce(sum(${householdCounts.n}), 0) FROM ${householdCounts} WHERE ${and(...filters)})
    - (SELECT count(*) FROM ${households} WHERE ${restricted}))::int`;
}

/** The exact number of households the list's filters match, on its own (a page behind the last one). */
export async function householdListTotal(
  db: Db,
  siteIds: string[],
  q: ListQuery,
  where: SQL | undefined,
): Promise<number> {
  const counted = countedTotal(siteIds, q);
  const [{ total }] = counted
    ? await db.select({ total: counted }).from(sql`(SELECT 1) AS one`)
    : await db.select({ total: sql<number>`count(*)::int` }).from(households).where(where);
  return Number(total);
}

/** The counted filters on the households table itself (restricted_at is not a key of household_counts). */
function restrictedFilters(siteIds: string[], q: ListQuery): SQL[] {
  const filters: SQL[] = [inArray(households.siteId, siteIds)];
  if (q.siteId) filters.push(eq(households.siteId, q.siteId));
  if (q.status) filters.push(eq(households.status, q.status));
  if (q.category) filters.push(eq(households.category, q.category));
  if (q.districtCode) filters.push(eq(households.districtCode, q.districtCode));
  return filters;
}
