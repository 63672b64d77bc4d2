import { inArray } from 'drizzle-orm';
import { monthsBetween } from '../../../shared/dates.js';
import type {
  Breakdown,
  FullReport,
  HouseholdsPerMonth,
  ReasonsMatrix,
  ReasonsPerMonth,
  SitesTable,
  StatisticsCategory,
} from '../../../shared/schemas/statistics.js';
import { noProtection } from '../../../shared/schemas/statistics-protection.js';
import { referenceValues } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Facts } from './facts.js';
import type { ResolvedFilters } from './filters.js';

export interface RefItem {
  code: string;
  label: string;
  active: boolean;
}

export interface Labels {
  districts: RefItem[];
  contactTypes: RefItem[];
  lifeAreas: RefItem[];
  supportKinds: RefItem[];
  eventTypes: RefItem[];
  noDistrict: string;
}

const lists = {
  districts: 'districts',
  contactTypes: 'contact-types',
  lifeAreas: 'life-areas',
  supportKinds: 'support-kinds',
  eventTypes: 'event-types',
} as const;

/** The reference lists the charts are labelled with, in their configured order. */
export async function loadLabels(db: Db, lang: 'de' | 'en'): Promise<Labels> {
  const rows = await db
    .select()
    .from(referenceValues)
    .where(inArray(referenceValues.list, Object.values(lists)));
  rows.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const pick = (list: string) =>
    rows
      .filter((r) => r.list === list)
      .map((r) => ({ code: r.code, label: lang === 'en' ? r.labelEn : r.labelDe, active: r.active }));
  return {
    districts: pick(lists.districts),
    contactTypes: pick(lists.contactTypes),
    lifeAreas: pick(lists.lifeAreas),
    supportKinds: pick(lists.supportKinds),
    eventTypes: pick(lists.eventTypes),
    noDistrict: lang === 'en' ? 'no district' : 'ohne Bezirk',
  };
}

const counts = (category: StatisticsCategory) => (c: string) => category === 'all' || c === category;

function add<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Every active reference value (zero or not), then any other code that has counts, in list order. */
export function breakdownOf(refs: RefItem[], values: Map<string, number>): Breakdown {
  const items = refs
    .filter((r) => r.active || (values.get(r.code) ?? 0) > 0)
    .map((r) => ({ code: r.code, label: r.label, count: values.get(r.code) ?? 0 }));
  const known = new Set(refs.map((r) => r.code));
  for (const [code, count] of [...values].sort(([a], [b]) => a.localeCompare(b))) {
    if (!known.has(code) && count > 0) items.push({ code, label: code, count });
  }
  return { items, total: { count: items.reduce((a, i) => a + (i.count ?? 0), 0) } };
}

function sitesTable(r: ResolvedFilters, facts: Facts): SitesTable {
  const inTable = counts(r.filters.category);
  const rows = r.sites.map((site, i) => {
    const mine = facts.sites.filter((f) => f.siteId === site.id && inTable(f.category));
    return {
      siteId: site.id,
      siteCode: site.code,
      siteName: site.name,
      from: r.periods[i].from,
      to: r.periods[i].to,
      openedOn: site.openedOn,
      households: mine.reduce((a, f) => a + f.households, 0),
      persons: mine.reduce((a, f) => a + f.persons, 0),
      contacts: mine.reduce((a, f) => a + f.contacts, 0),
    };
  });
  const sum = (k: 'households' | 'persons' | 'contacts') => rows.reduce((a, row) => a + row[k], 0);
  return {
    rows,
    total: { households: sum('households'), persons: sum('persons'), contacts: sum('contacts') },
  };
}

/** The months of the report: from the earliest site's start to the end of the period. */
export function reportMonths(r: ResolvedFilters): string[] {
  const starts = r.periods.filter((p) => p.from <= p.to).map((p) => p.from);
  if (!starts.length) return [];
  return monthsBetween(starts.sort()[0], r.filters.to);
}

function householdsPerMonth(r: ResolvedFilters, facts: Facts, months: string[]): HouseholdsPerMonth {
  const inChart = counts(r.filters.chartCategory);
  const byKey = new Map<string, number>();
  for (const f of facts.householdsByMonth)
    if (inChart(f.category)) add(byKey, `${f.siteId}|${f.month}`, f.households);
  return {
    months,
    series: r.sites.map((site, i) => {
      let cumulative = 0;
      const p = r.periods[i];
      return {
        siteId: site.id,
        siteName: site.name,
        points: monthsBetween(p.from, p.to).map((month) => {
          const households = byKey.get(`${site.id}|${month}`) ?? 0;
          cumulative += households;
          return { month, households, cumulative };
        }),
      };
    }),
  };
}

function reasonsMatrix(labels: Labels, facts: Facts, inChart: (c: string) => boolean): ReasonsMatrix {
  const cell = new Map<string, number>();
  const byLifeArea = new Map<string, number>();
  const bySupportKind = new Map<string, number>();
  for (const f of facts.reasons) {
    if (!inChart(f.category)) continue;
    add(cell, `${f.lifeArea}|${f.supportKind}`, f.reasons);
    add(byLifeArea, f.lifeArea, f.reasons);
    add(bySupportKind, f.supportKind, f.reasons);
  }
  const rows = breakdownOf(labels.lifeAreas, byLifeArea);
  const columns = breakdownOf(labels.supportKinds, bySupportKind);
  return {
    lifeAreas: rows.items,
    supportKinds: columns.items,
    cells: rows.items.flatMap((la) =>
      columns.items.map((sk) => ({
        lifeArea: la.code!,
        supportKind: sk.code!,
        count: cell.get(`${la.code}|${sk.code}`) ?? 0,
      })),
    ),
    total: rows.total,
  };
}

function reasonsPerMonth(
  matrix: ReasonsMatrix,
  facts: Facts,
  inChart: (c: string) => boolean,
  months: string[],
): ReasonsPerMonth {
  const byKey = new Map<string, number>();
  for (const f of facts.reasonsByMonth)
    if (inChart(f.category)) add(byKey, `${f.month}|${f.lifeArea}`, f.reasons);
  return {
    months,
    series: matrix.lifeAreas.map((la) => ({
      code: la.code!,
      label: la.label,
      points: months.map((month) => ({ month, count: byKey.get(`${month}|${la.code}`) ?? 0 })),
    })),
  };
}

/** The whole report with exact counts (no protection applied yet). */
export function buildReport(r: ResolvedFilters, facts: Facts, labels: Labels): FullReport {
  const inChart = counts(r.filters.chartCategory);
  const months = reportMonths(r);
  const districts = new Map<string, number>();
  for (const f of facts.householdsByDistrict)
    if (inChart(f.category)) add(districts, f.districtCode, f.households);
  const perDistrict = breakdownOf(labels.districts, districts);
  const none = perDistrict.items.findIndex((i) => i.code === '');
  if (none >= 0)
    perDistrict.items[none] = { code: null, label: labels.noDistrict, count: districts.get('') ?? 0 };
  const contactTypes = new Map<string, number>();
  for (const f of facts.contactsByType) if (inChart(f.category)) add(contactTypes, f.contactType, f.contacts);
  const matrix = reasonsMatrix(labels, facts, inChart);
  return {
    filters: r.filters,
    protection: noProtection,
    sites: sitesTable(r, facts),
    householdsPerMonth: householdsPerMonth(r, facts, months),
    householdsPerDistrict: perDistrict,
    contactTypes: breakdownOf(labels.contactTypes, contactTypes),
    reasonsByLifeArea: { items: matrix.lifeAreas, total: matrix.total },
    reasonsBySupportKind: { items: matrix.supportKinds, total: { ...matrix.total } },
    reasonsMatrix: matrix,
    reasonsPerMonth: reasonsPerMonth(matrix, facts, inChart, months),
  };
}
