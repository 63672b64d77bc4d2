import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { listHouseholdsQuery } from '../../../shared/schemas/households.js';
import { householdCounts, households } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { restrictedCount } from './restriction.js';

type ListQuery = z.infer<typeof listHouseholdsQuery>;

/** Query keys that only shape the page, and the filters household_counts is kept by. */
const pageKeys = new Set(['page', 'pageSize', 'sort', 'order']);
const countedFilters = new Set(['siteId', 'status', 'category', 'districtCode']);

/**
 * The exact number of households the list's filters match. Filters by site, status, category and district
 * add up a few rows of household_counts (kept exact by triggers in the writing transaction, so the total is
 * as current as a count); any other filter (a search) counts the matching households themselves.
 */
export async function householdListTotal(
  db: Db,
  siteIds: string[],
  q: ListQuery,
  where: SQL | undefined,
): Promise<number> {
  // `restricted` is no counted filter: listing only the restricted ones counts them directly
  const counted = Object.entries(q).every(
    ([k, v]) => v === undefined || pageKeys.has(k) || countedFilters.has(k),
  );
  if (!counted) {
    const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(households).where(where);
    return Number(total);
  }
  const filters: SQL[] = [inArray(householdCounts.siteId, siteIds)];
  if (q.siteId) filters.push(eq(householdCounts.siteId, q.siteId));
  if (q.status) filters.push(eq(householdCounts.status, q.status));
  if (q.category) filters.push(eq(householdCounts.category, q.category));
  if (q.districtCode) filters.push(eq(householdCounts.districtCode, q.districtCode));
  const [{ total }] = await db
    .select({ total: sql<number>`coalesce(sum(${householdCounts.n}), 0)::int` })
    .from(householdCounts)
    .where(and(...filters));
  // restricted households (Art. 18) are counted there but never listed: the few are taken off again
  return Number(total) - (await restrictedCount(db, restrictedFilters(siteIds, q)));
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
