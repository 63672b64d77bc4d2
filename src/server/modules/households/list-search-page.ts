import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { householdListFacts, households } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import {
  householdIdColumn,
  type ListQuery,
  listWhere,
  type RestrictedMode,
  searchMatches,
} from './list-filters.js';
import { lastContactOn, memberCount, sortColumn, summaryColumns } from './list-query.js';
import type { HouseholdSearch } from './list-search.js';

type Search = Exclude<HouseholdSearch, { kind: 'none' }>;

/** The search's joins, filter and order (rank, sort column, id) on a select from households; not yet cut. */
function ranked<T extends PgSelect>(
  from: T,
  q: ListQuery,
  sites: number,
  mode: RestrictedMode,
  search: Search,
) {
  const matches = searchMatches(search);
  const withFacts =
    q.sort === 'lastContactOn'
      ? from.leftJoin(householdListFacts, eq(householdListFacts.householdId, households.id))
      : from;
  const joined = matches
    ? withFacts.innerJoin(matches, sql`m.household_id = ${householdIdColumn}`)
    : withFacts;
  return joined
    .where(listWhere(q, sites, mode, search))
    .orderBy(rankOf(search), direction(q, sortColumn(q.sort)), desc(households.id));
}

const rankOf = (search: Search): SQL => (search.kind === 'names' ? sql`m.rank` : search.rank);
const direction = (q: ListQuery, key: SQL) => (q.order === 'desc' ? sql`${key} DESC NULLS LAST` : asc(key));

/**
 * The ids of the first `limit` matches in the list's order and how many match, for the search cache
 * (search-cache.ts); the same order as `searchPageQuery`.
 */
export function searchIdsQuery(
  db: Db,
  q: ListQuery,
  sites: number,
  mode: RestrictedMode,
  search: Search,
  limit: number,
) {
  const from = db
    .select({ id: households.id, matched: sql<number>`count(*) OVER ()`.as('matched') })
    .from(households)
    .$dynamic();
  return ranked(from, q, sites, mode, search).limit(limit);
}

/**
 * A page of a search: the matches ranked, counted and cut to the page first, and only then the page's
 * 25 households joined to their facts — a common name matches thousands of households, and reading the
 * facts of all of them before the cut cost a third of the search (15 of 55 ms for "ahmad" at scale 25).
 * Sorting by last contact needs the facts before the cut.
 */
export function searchPageQuery(db: Db, q: ListQuery, sites: number, mode: RestrictedMode, search: Search) {
  const from = db
    .select({
      ...summaryColumns,
      rank: sql<number>`${rankOf(search)}`.as('rank'),
      sortKey: sql`${sortColumn(q.sort)}`.as('sort_key'),
      matched: sql<number>`count(*) OVER ()`.as('matched'),
    })
    .from(households)
    .$dynamic();
  const page = ranked(from, q, sites, mode, search)
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .as('page');
  return db
    .select({
      id: page.id,
      caseNumber: page.caseNumber,
      siteId: page.siteId,
      category: page.category,
      registeredOn: page.registeredOn,
      districtCode: page.districtCode,
      status: page.status,
      headName: page.headName,
      memberCount,
      lastContactOn,
      matched: page.matched,
    })
    .from(page)
    .leftJoin(householdListFacts, eq(householdListFacts.householdId, page.id))
    .orderBy(page.rank, direction(q, sql`${page.sortKey}`), desc(page.id));
}
