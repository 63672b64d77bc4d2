import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { householdListFacts, households } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { type ListQuery, listWhere, type RestrictedMode } from './list-filters.js';
import type { HouseholdSearch } from './list-search.js';
import { countedTotal, isCounted } from './list-total.js';
import { germanCollation } from './name-key.js';

/** The households' id spelled out, for the joins on a search's matches. */
export const householdIdColumn = sql.raw('"households"."id"');

// members present and last contact, kept per household by migration 0024 (a row for every household)
const memberCount = sql<number>`coalesce(${householdListFacts.memberCount}, 0)`;
const lastContactOn = sql<string | null>`${householdListFacts.lastContactOn}::text`;

function sortColumn(sort: ListQuery['sort']): SQL {
  return {
    caseNumber: sql`${households.caseNumber}`,
    registeredOn: sql`${households.registeredOn}`,
    headName: sql`${households.headName} COLLATE ${sql.raw(germanCollation)}`,
    lastContactOn: sql`${householdListFacts.lastContactOn}`,
    status: sql`${households.status}`,
  }[sort];
}

/** The page query (with its total: a search's window count, or the counted total); not yet run. */
export function pageQuery(
  db: Db,
  q: ListQuery,
  sites: number,
  mode: RestrictedMode,
  search: HouseholdSearch | null,
) {
  const matches = search?.kind === 'names' ? sql`(${search.matches}) AS m` : null;
  const rank = search?.kind === 'names' ? sql`m.rank` : search?.kind === 'caseNumber' ? search.rank : null;
  const counted = search ? null : countedTotal(q, sites);
  const column = sortColumn(q.sort);
  const columns = {
    id: households.id,
    caseNumber: households.caseNumber,
    siteId: households.siteId,
    category: households.category,
    registeredOn: households.registeredOn,
    districtCode: households.districtCode,
    status: households.status,
    headName: households.headName,
    memberCount,
    lastContactOn,
    // a search counts its matches in the same statement that ranks them (it reads them all anyway)
    ...(search ? { matched: sql<number>`count(*) OVER ()` } : {}),
    // otherwise the total comes from household_counts, in the same round trip as the page
    ...(counted ? { matched: counted } : {}),
  };
  const from = db
    .select(columns)
    .from(households)
    .leftJoin(householdListFacts, eq(householdListFacts.householdId, households.id));
  const joined = matches ? from.innerJoin(matches, sql`m.household_id = ${householdIdColumn}`) : from;
  const ordered = joined
    .where(listWhere(q, sites, mode, search))
    .orderBy(
      // the best matches of a search first, then the chosen order among equally good ones
      ...(rank ? [rank] : []),
      q.order === 'desc' ? sql`${column} DESC NULLS LAST` : asc(column),
      desc(households.id),
    )
    .$dynamic();
  if (search || q.page > 1) return ordered.limit(sql.placeholder('limit')).offset(sql.placeholder('offset'));
  // The first page with its size written out: with LIMIT and OFFSET as parameters PostgreSQL costs the
  // statement's generic plan as if a tenth of the site were read and plans it anew on every execution
  // (0.3–0.5 ms, more than running it); with `LIMIT 25` it keeps the generic plan after five executions.
  if (!Number.isInteger(q.pageSize)) throw new Error('pageSize must be an integer');
  return ordered.limit(sql.raw(String(q.pageSize)) as unknown as number);
}

type PreparedPage = ReturnType<ReturnType<typeof pageQuery>['prepare']>;

/** Per database handle (one per process), the prepared page query of each shape. */
const prepared = new WeakMap<Db, Map<string, PreparedPage>>();

/** A list without a search, by its shape: prepared once, named for the server. */
export function preparedPage(db: Db, q: ListQuery, sites: number, mode: RestrictedMode): PreparedPage {
  const shape = [
    sites,
    q.sort,
    q.order,
    q.siteId ? 's' : '',
    q.status ? 't' : '',
    q.category ? 'c' : '',
    q.districtCode ? 'd' : '',
    mode,
    isCounted(q) ? 'n' : '',
    // the first page has its size in the text (pageQuery), the others take size and offset as values
    q.page === 1 ? `p${q.pageSize}` : '',
  ].join('_');
  let byShape = prepared.get(db);
  if (!byShape) {
    byShape = new Map();
    prepared.set(db, byShape);
  }
  let query = byShape.get(shape);
  if (!query) {
    query = pageQuery(db, q, sites, mode, null).prepare(`households_list_${shape}`);
    byShape.set(shape, query);
  }
  return query;
}
