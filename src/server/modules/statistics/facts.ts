import { type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';

/**
 * The raw figures of a report, per category, before labels and protection. Computed either from the
 * rollups (rollups.ts, what the API uses) or by plain SQL over the case tables (queries.ts, for tests
 * and the benchmark); both must give identical facts.
 */
export interface Facts {
  /** per site and category (the sites table); sites without data are absent */
  sites: { siteId: string; category: string; households: number; persons: number; contacts: number }[];
  householdsByMonth: { siteId: string; month: string; category: string; households: number }[];
  /** districtCode '' for households without a district */
  householdsByDistrict: { districtCode: string; category: string; households: number }[];
  contactsByType: { contactType: string; category: string; contacts: number }[];
  reasons: { lifeArea: string; supportKind: string; category: string; reasons: number }[];
  reasonsByMonth: { month: string; lifeArea: string; category: string; reasons: number }[];
  /**
   * The same figures with each count replaced by the sum of its records' keys modulo 2^32 (cell-key.ts):
   * `keys.sites[i].households` is the key sum of the households counted in `sites[i].households`.
   */
  keys?: Omit<Facts, 'keys'>;
}

/** Which categories to read: one when table and charts count the same single category, else both. */
export type CategoryFilter = 'refugee' | 'other' | null;

export interface FactSources {
  /**
   * rows (site_id uuid, month date, category, district_code, households int, persons int,
   * household_key_sum bigint, person_key_sum bigint)
   */
  households: SQL;
  /** rows (site_id uuid, category, contact_type, contacts int, key_sum bigint) */
  contacts: SQL;
  /** rows (month date, category, life_area, support_kind, reasons int, key_sum bigint) */
  reasons: SQL;
}

type Row = Record<string, unknown>;

/** Rows of a raw query, on PGlite and node-postgres alike. */
export async function rows(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] } | Row[];
  return Array.isArray(result) ? result : result.rows;
}

const n = (v: unknown) => Number(v ?? 0);
const s = (v: unknown) => String(v);
/** a key sum modulo 2^32, summed exactly in SQL (numeric) */
const keySum = (column: string) => sql.raw(`(sum(x.${column}) % 4294967296)::bigint`);

/** The facts with each count read from its key sum column instead (`k_` + the count's name). */
function keysOf(h: Row[], c: Row[], r: Row[], read: (h: Row[], c: Row[], r: Row[]) => Facts) {
  const swap = (list: Row[]) =>
    list.map((row) => {
      const out: Row = { ...row };
      for (const k of Object.keys(row)) if (k.startsWith('k_')) out[k.slice(2)] = row[k];
      return out;
    });
  return read(swap(h), swap(c), swap(r));
}

/** Which of the three fact families a report part needs. */
export type FactFamily = keyof FactSources;
export const allFamilies: readonly FactFamily[] = ['households', 'contacts', 'reasons'];

/**
 * What `GROUPING(a, b, …)` answers for each grouping set: a bit per argument, set when that column is
 * summed over (not in the set); the first argument is the highest bit.
 */
/** GROUPING(site_id, month, district_code) */
const householdSets = {
  /** (site_id, category): month and district summed over */
  perSite: 0b011,
  /** (site_id, month, category): district summed over */
  perSiteMonth: 0b001,
  /** (category, district_code): site and month summed over */
  perDistrict: 0b110,
} as const;
/** GROUPING(site_id, contact_type) */
const contactSets = {
  /** (site_id, category) */
  perSite: 0b01,
  /** (category, contact_type) */
  perType: 0b10,
} as const;
/** GROUPING(month, support_kind) */
const reasonSets = {
  /** (category, life_area, support_kind): month summed over */
  perLifeAreaSupport: 0b10,
  /** (month, category, life_area): support kind summed over */
  perMonthLifeArea: 0b01,
} as const;

/** Aggregates the sources with one grouping-sets query each (run side by side on PostgreSQL). */
export async function aggregateFacts(
  db: Db,
  src: FactSources,
  category: CategoryFilter,
  need: readonly FactFamily[] = allFamilies,
): Promise<Facts> {
  const where = category ? sql`WHERE x.category = ${category}` : sql``;
  // a transaction has one connection: its queries run one after another anyway
  const serial = (db as unknown) instanceof PgTransaction;
  let last: Promise<unknown> = Promise.resolve();
  const when = (family: FactFamily, query: SQL): Promise<Row[]> | Row[] => {
    if (!need.includes(family)) return [];
    const run = serial ? last.then(() => rows(db, query)) : rows(db, query);
    last = run;
    return run;
  };
  const [h, c, r] = await Promise.all([
    when(
      'households',
      sql`SELECT x.site_id::text AS site_id, to_char(x.month, 'YYYY-MM') AS month, x.category,
            x.district_code, sum(x.households)::int AS households, sum(x.persons)::int AS persons,
            ${keySum('household_key_sum')} AS k_households, ${keySum('person_key_sum')} AS k_persons,
            GROUPING(x.site_id, x.month, x.district_code) AS g
          FROM (${src.households}) x ${where}
          GROUP BY GROUPING SETS ((x.site_id, x.category), (x.site_id, x.month, x.category),
            (x.category, x.district_code))`,
    ),
    when(
      'contacts',
      sql`SELECT x.site_id::text AS site_id, x.category, x.contact_type, sum(x.contacts)::int AS contacts,
            ${keySum('key_sum')} AS k_contacts, GROUPING(x.site_id, x.contact_type) AS g
          FROM (${src.contacts}) x ${where}
          GROUP BY GROUPING SETS ((x.site_id, x.category), (x.category, x.contact_type))`,
    ),
    when(
      'reasons',
      sql`SELECT to_char(x.month, 'YYYY-MM') AS month, x.category, x.life_area, x.support_kind,
            sum(x.reasons)::int AS reasons, ${keySum('key_sum')} AS k_reasons, GROUPING(x.month, x.support_kind) AS g
          FROM (${src.reasons}) x ${where}
          GROUP BY GROUPING SETS ((x.category, x.life_area, x.support_kind), (x.month, x.category, x.life_area))`,
    ),
  ]);
  return { ...readFacts(h, c, r), keys: keysOf(h, c, r, readFacts) };
}

/** The facts from the rows of the three grouping-sets queries. */
function readFacts(h: Row[], c: Row[], r: Row[]): Facts {
  const sites = new Map<string, Facts['sites'][number]>();
  const site = (siteId: string, category: string) => {
    const key = `${siteId}|${category}`;
    let row = sites.get(key);
    if (!row) {
      row = { siteId, category, households: 0, persons: 0, contacts: 0 };
      sites.set(key, row);
    }
    return row;
  };
  const facts: Facts = {
    sites: [],
    householdsByMonth: [],
    householdsByDistrict: [],
    contactsByType: [],
    reasons: [],
    reasonsByMonth: [],
  };
  for (const row of h) {
    const g = n(row.g);
    if (g === householdSets.perSite) {
      const target = site(s(row.site_id), s(row.category));
      target.households = n(row.households);
      target.persons = n(row.persons);
    } else if (g === householdSets.perSiteMonth) {
      facts.householdsByMonth.push({
        siteId: s(row.site_id),
        month: s(row.month),
        category: s(row.category),
        households: n(row.households),
      });
    } else if (g === householdSets.perDistrict) {
      facts.householdsByDistrict.push({
        districtCode: s(row.district_code),
        category: s(row.category),
        households: n(row.households),
      });
    }
  }
  for (const row of c) {
    if (n(row.g) === contactSets.perSite) site(s(row.site_id), s(row.category)).contacts = n(row.contacts);
    else if (n(row.g) === contactSets.perType)
      facts.contactsByType.push({
        contactType: s(row.contact_type),
        category: s(row.category),
        contacts: n(row.contacts),
      });
  }
  for (const row of r) {
    if (n(row.g) === reasonSets.perLifeAreaSupport)
      facts.reasons.push({
        lifeArea: s(row.life_area),
        supportKind: s(row.support_kind),
        category: s(row.category),
        reasons: n(row.reasons),
      });
    else if (n(row.g) === reasonSets.perMonthLifeArea)
      facts.reasonsByMonth.push({
        month: s(row.month),
        lifeArea: s(row.life_area),
        category: s(row.category),
        reasons: n(row.reasons),
      });
  }
  facts.sites = [...sites.values()];
  return facts;
}

/** A VALUES list as SQL; an empty list becomes a relation with no rows. */
export function valuesList(items: SQL[], empty: SQL): SQL {
  return items.length ? sql`(VALUES ${sql.join(items, sql`, `)})` : empty;
}
