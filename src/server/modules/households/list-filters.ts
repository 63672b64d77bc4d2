import { and, type Column, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { listHouseholdsQuery } from '../../../shared/schemas/households.js';
import { households } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import type { HouseholdSearch } from './list-search.js';

export type ListQuery = z.infer<typeof listHouseholdsQuery>;

/**
 * The household list as one statement whose values are placeholders (`site0`, `site1` …, `siteId`, `status`,
 * `category`, `districtCode`, `limit`, `offset`): the statement's text depends only on the list's shape
 * (sort, order, how many sites, which filters are set, whether restricted households are listed), so each shape is built
 * and prepared once per process and the server plans it once per connection. Without a search that is
 * every list a caseworker pages through; a search brings its own text and runs unnamed.
 */
export type ListValues = Record<string, unknown> & {
  siteId?: string;
  status?: string;
  category?: string;
  districtCode?: string;
  limit: number;
  offset: number;
};

export function listValues(scope: Scope, q: ListQuery): ListValues {
  const values: ListValues = {
    siteId: q.siteId,
    status: q.status,
    category: q.category,
    districtCode: q.districtCode,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
  for (let i = 0; i < scope.siteIds.length; i++) values[`site${i}`] = scope.siteIds[i];
  return values;
}

/**
 * `column IN ($site0, $site1, …)`, one placeholder per site of the scope: PostgreSQL 15 reads a site's
 * households in the list's order from its index only for `site_id = $1` (one site), not for
 * `site_id = ANY($1)`, which sorted all 28,000 households of a site on every page (27 ms against 0.4 ms).
 */
export function siteIn(column: Column, sites: number): SQL {
  return inArray(
    column,
    Array.from({ length: sites }, (_, i) => sql.placeholder(`site${i}`)),
  );
}

/** Which households the list admits as to Art. 18: the unrestricted ones, only the restricted ones, or none. */
export type RestrictedMode = 'unrestricted' | 'restricted' | 'none';

export function restrictedMode(scope: Scope, q: ListQuery): RestrictedMode {
  if (q.restricted !== 'true') return 'unrestricted';
  return scope.seesRestricted ? 'restricted' : 'none';
}

const restrictedWhere: Record<RestrictedMode, SQL> = {
  unrestricted: isNull(households.restrictedAt),
  restricted: isNotNull(households.restrictedAt),
  none: sql`false`,
};

/** The columns the list's counted filters apply to: on households, and on household_counts. */
interface KeyColumns {
  siteId: Column;
  status: Column;
  category: Column;
  districtCode: Column;
}

/** The scope's sites, the chosen site, status, category, district, on `t`'s columns. */
export function keyFilters(t: KeyColumns, q: ListQuery, sites: number): SQL[] {
  const filters: SQL[] = [siteIn(t.siteId, sites)];
  if (q.siteId) filters.push(eq(t.siteId, sql.placeholder('siteId')));
  if (q.status) filters.push(eq(t.status, sql.placeholder('status')));
  if (q.category) filters.push(eq(t.category, sql.placeholder('category')));
  if (q.districtCode) filters.push(eq(t.districtCode, sql.placeholder('districtCode')));
  return filters;
}

/** The households' id spelled out, for the joins on a search's matches. */
export const householdIdColumn = sql.raw('"households"."id"');

/** A name search's matching households with their rank, to join as `m` (null for other searches). */
export function searchMatches(search: HouseholdSearch | null): SQL | null {
  return search?.kind === 'names' ? sql`(${search.matches}) AS m` : null;
}

/** The list's WHERE: filters, the search's case-number condition, Art. 18. */
export function listWhere(q: ListQuery, sites: number, mode: RestrictedMode, search: HouseholdSearch | null) {
  const filters = keyFilters(households, q, sites);
  if (search?.kind === 'caseNumber') filters.push(search.where);
  if (search?.kind === 'none') filters.push(sql`false`);
  filters.push(restrictedWhere[mode]);
  return and(...filters);
}
