import { asc } from 'drizzle-orm';
import { todayBerlin } from '../../../shared/dates.js';
import { can, cityWideRoles, type Role } from '../../../shared/permissions.js';
import type {
  StatisticsCategory,
  StatisticsFilters,
  StatisticsQuery,
} from '../../../shared/schemas/statistics.js';
import { sites } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import type { CategoryFilter } from './facts.js';
import type { SitePeriod } from './period.js';

/** Who asks: statistics are aggregates, so the scope is sites, not case files. */
export interface Viewer {
  role: Role;
  siteIds: string[];
}

export interface ReportSite {
  id: string;
  code: string;
  name: string;
  openedOn: string;
}

export interface ResolvedFilters {
  filters: StatisticsFilters;
  sites: ReportSite[];
  /** each selected site's own period (sites without `from` count from their opening) */
  periods: SitePeriod[];
  /** the categories the queries must read */
  categoryFilter: CategoryFilter;
  /** names of the query parameters given (for the audit entry; never their values) */
  given: string[];
}

const maxYears = 30;

/**
 * Applies the defaults and the viewer's scope. A site lead sees their own sites; central coordination
 * and the board all sites. Asking for a site outside one's scope is refused (403) — it is never filtered
 * away silently, since a total that quietly leaves out a site would be wrong.
 */
export async function resolveFilters(db: Db, viewer: Viewer, q: StatisticsQuery): Promise<ResolvedFilters> {
  const all = await db
    .select({ id: sites.id, code: sites.code, name: sites.name, openedOn: sites.openedOn })
    .from(sites)
    .orderBy(asc(sites.sortOrder), asc(sites.name));
  const cityWide = cityWideRoles.includes(viewer.role);
  const visible = cityWide ? all : all.filter((s) => viewer.siteIds.includes(s.id));
  let selected = visible;
  if (q.siteIds !== undefined) {
    const wanted = [...new Set(q.siteIds.split(',').map((id) => id.trim().toLowerCase()))];
    const outside = wanted.filter((id) => !visible.some((s) => s.id === id));
    if (outside.length) {
      if (!cityWide) throw fieldError('notYourSite', 'siteIds', undefined, 'FORBIDDEN');
      throw fieldError('unknownSite', 'siteIds');
    }
    selected = visible.filter((s) => wanted.includes(s.id));
  }
  const to = q.to ?? todayBerlin();
  if (q.from && q.from > to) {
    throw fieldError('beforeFrom', 'to');
  }
  const earliest = q.from ?? [to, ...selected.map((s) => s.openedOn)].sort()[0];
  if (Number(to.slice(0, 4)) - Number(earliest.slice(0, 4)) > maxYears) {
    throw fieldError('periodTooLong', 'from', { years: maxYears });
  }
  const category: StatisticsCategory = q.category ?? 'all';
  const chartCategory: StatisticsCategory = q.category ?? 'refugee';
  return {
    filters: {
      from: q.from ?? null,
      to,
      siteIds: selected.map((s) => s.id),
      category,
      chartCategory,
      protected: !can(viewer.role, 'statistics.exact') || q.publication === 'true',
    },
    sites: selected,
    periods: selected.map((s) => ({ siteId: s.id, from: q.from ?? s.openedOn, to })),
    categoryFilter: category === chartCategory && category !== 'all' ? category : null,
    given: Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k)
      .sort(),
  };
}
