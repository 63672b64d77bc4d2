import { eq, sql } from 'drizzle-orm';
import { householdListFacts, households } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { preparedOnce } from '../../platform/db/prepared.js';
import type { ListQuery, ListValues, RestrictedMode } from './list-filters.js';
import { lastContactOn, memberCount, summaryColumns } from './list-query.js';
import type { HouseholdSearch } from './list-search.js';
import { searchIdsQuery } from './list-search-page.js';
import { cachedIdsPerSearch, type SearchMatches, searchCacheOf } from './search-cache.js';

type Search = Exclude<HouseholdSearch, { kind: 'none' }>;

/** The households of a page by id, with their facts, within the scope's sites (unordered). */
function pageByIds(db: Db, name: string) {
  return db
    .select({ ...summaryColumns, memberCount, lastContactOn })
    .from(households)
    .leftJoin(householdListFacts, eq(householdListFacts.householdId, households.id))
    .where(
      sql`${households.id} = ANY(${sql.placeholder('ids')}::uuid[]) AND ${households.siteId} = ANY(${sql.placeholder('sites')}::uuid[])`,
    )
    .prepare(name);
}

/**
 * A page of a search from the process's search cache (search-cache.ts): the matches' order from the cache,
 * or ranked once by the database and kept, and the page's households read by id. Null when the search is
 * not kept (no cache; sorted by last contact, which changes with every contact; a page past the kept ids):
 * the caller ranks the page in the database.
 */
export async function cachedSearchPage(
  db: Db,
  q: ListQuery,
  scopeSites: string[],
  sites: string[],
  mode: RestrictedMode,
  search: Search,
  values: ListValues,
) {
  const cache = searchCacheOf(db);
  if (!cache || q.sort === 'lastContactOn') return null;
  const offset = (q.page - 1) * q.pageSize;
  if (offset + q.pageSize > cachedIdsPerSearch) return null;
  const key = JSON.stringify([
    scopeSites,
    q.siteId ?? '',
    mode,
    // trimmed by the query's schema
    q.q ?? '',
    q.sort,
    q.order,
    q.status ?? '',
    q.category ?? '',
    q.districtCode ?? '',
  ]);
  let matches: SearchMatches | undefined = cache.get(key);
  if (!matches) {
    const stamp = cache.stamp(sites);
    const rows = await searchIdsQuery(db, q, scopeSites.length, mode, search, cachedIdsPerSearch).execute(
      values,
    );
    matches = { ids: rows.map((r) => r.id), total: rows.length > 0 ? Number(rows[0].matched) : 0 };
    cache.put(key, sites, matches, stamp);
  }
  const ids = matches.ids.slice(offset, offset + q.pageSize);
  if (ids.length === 0) return { rows: [], total: matches.total };
  const query = preparedOnce(db, 'households_by_ids', (name) => pageByIds(db, name));
  const found = await query.execute({ ids, sites: scopeSites });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  return { rows, total: matches.total };
}
