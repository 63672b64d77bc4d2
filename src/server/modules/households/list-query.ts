import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { householdListFacts, households } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { preparedOnce } from '../../platform/db/prepared.js';
import { type ListQuery, listWhere, type RestrictedMode } from './list-filters.js';
import { countedTotal, isCounted } from './list-total.js';
import { germanCollation } from './name-key.js';

// members present and last contact, kept per household by migration 0024 (a row for every household)
export const memberCount = sql<number>`coalesce(${householdListFacts.memberCount}, 0)`;
export const lastContactOn = sql<string | null>`${householdListFacts.lastContactOn}::text`;

/** The list's own columns of a household (its facts come from household_list_facts). */
export const summaryColumns = {
  id: households.id,
  caseNumber: households.caseNumber,
  siteId: households.siteId,
  category: households.category,
  registeredOn: households.registeredOn,
  districtCode: households.districtCode,
  status: households.status,
  headName: households.headName,
};

export function sortColumn(sort: ListQuery['sort']): SQL {
  return {
    caseNumber: sql`${households.caseNumber}`,
    registeredOn: sql`${households.registeredOn}`,
    headName: sql`${households.headName} COLLATE ${sql.raw(germanCollation)}`,
    lastContactOn: sql`${householdListFacts.lastContactOn}`,
    status: sql`${households.status}`,
  }[sort];
}

/** The page query of a list without a search, with its counted total; not yet run. */
export function pageQuery(db: Db, q: ListQuery, sites: number, mode: RestrictedMode) {
  const counted = countedTotal(q, sites);
  const column = sortColumn(q.sort);
  const columns = {
    ...summaryColumns,
    memberCount,
    lastContactOn,
    // the total from household_counts, in the same round trip as the page (null: counted on its own)
    ...(counted ? { matched: counted } : {}),
  };
  const ordered = db
    .select(columns)
    .from(households)
    .leftJoin(householdListFacts, eq(householdListFacts.householdId, households.id))
    .where(listWhere(q, sites, mode, null))
    .orderBy(q.order === 'desc' ? sql`${column} DESC NULLS LAST` : asc(column), desc(households.id))
    .$dynamic();
  if (q.page > 1) return ordered.limit(sql.placeholder('limit')).offset(sql.placeholder('offset'));
  // The first page with its size written out: with LIMIT and OFFSET as parameters PostgreSQL costs the
  // statement's generic plan as if a tenth of the site were read and plans it anew on every execution
  // (0.3–0.5 ms, more than running it); with `LIMIT 25` it keeps the generic plan after five executions.
  if (!Number.isInteger(q.pageSize)) throw new Error('pageSize must be an integer');
  return ordered.limit(sql.raw(String(q.pageSize)) as unknown as number);
}

type PreparedPage = ReturnType<ReturnType<typeof pageQuery>['prepare']>;

/** A list without a search, by its shape: prepared once per database handle, named for the server. */
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
  return preparedOnce(db, `households_list_${shape}`, (name) => pageQuery(db, q, sites, mode).prepare(name));
}
