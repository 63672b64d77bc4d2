import { asc, type SQL, sql } from 'drizzle-orm';
import type { GapItem, SurveyDistrict, SurveyQuery } from '../../../shared/schemas/network.js';
import { sites } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';

export interface SurveyViewer {
  siteIds: string[];
  cityWide: boolean;
  /** statistics.exact: without it open needs of 1 or 2 households are shown as a band */
  exact: boolean;
}

type Row = Record<string, unknown>;
async function rows(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] } | Row[];
  return Array.isArray(result) ? result : result.rows;
}

/**
 * The districts the survey covers: those of the chosen sites (default: the viewer's own sites; central
 * coordination all). A site outside one's own is refused (403), never silently dropped.
 */
export async function surveyDistricts(db: Db, viewer: SurveyViewer, q: SurveyQuery): Promise<string[]> {
  const all = await db
    .select({ id: sites.id, districtCodes: sites.districtCodes })
    .from(sites)
    .orderBy(asc(sites.sortOrder));
  const visible = viewer.cityWide ? all : all.filter((s) => viewer.siteIds.includes(s.id));
  let selected = visible;
  if (q.siteIds !== undefined) {
    const wanted = [...new Set(q.siteIds.split(',').map((id) => id.trim().toLowerCase()))];
    if (wanted.some((id) => !visible.some((s) => s.id === id))) {
      if (!viewer.cityWide) throw fieldError('notYourSite', 'siteIds', undefined, 'FORBIDDEN');
      throw fieldError('unknownSite', 'siteIds');
    }
    selected = visible.filter((s) => wanted.includes(s.id));
  }
  return [...new Set(selected.flatMap((s) => s.districtCodes))];
}

/**
 * Households per district and life area with an open need: the latest assessment of each household,
 * person and life area has level ≥ 2, and the household is neither closed nor moved away.
 * Aggregates across all sites' case files (no names leave this query) — hence "unsafe".
 */
export async function unsafeOpenNeeds(db: Db, districts: string[]) {
  // is_latest marks the latest assessment of each household, person and life area (kept by triggers,
  // migration 0021); the partial index holds just those with level ≥ 2, in (household, life area) order,
  // so the distinct pairs come without a sort and each household counts once per life area
  const result = await rows(
    db,
    sql`SELECT h.district_code, o.life_area, count(*)::int AS n
    FROM (SELECT DISTINCT n.household_id, n.life_area FROM needs_assessments n WHERE n.is_latest AND n.level >= 2) o
    JOIN households h ON h.id = o.household_id
    WHERE h.district_code = ANY(${sql.param(districts)}::text[]) AND h.status NOT IN ('closed', 'movedAway')
    GROUP BY h.district_code, o.life_area`,
  );
  return result.map((r) => ({
    districtCode: String(r.district_code),
    lifeArea: String(r.life_area),
    n: Number(r.n),
  }));
}

/** Active offers per district and life area. */
async function activeOffers(db: Db, districts: string[]) {
  const result = await rows(
    db,
    sql`SELECT o.district_code, la AS life_area, count(*)::int AS n
    FROM offers o, unnest(o.life_areas) AS la
    WHERE o.status = 'active' AND o.district_code = ANY(${sql.param(districts)}::text[])
    GROUP BY o.district_code, la`,
  );
  return result.map((r) => ({
    districtCode: String(r.district_code),
    lifeArea: String(r.life_area),
    n: Number(r.n),
  }));
}

/**
 * Every district × life area with open needs or active offers; a gap is open needs without an active
 * offer. Without statistics.exact, 1–2 households are withheld: `openNeeds: null, openNeedsBand: '1-2'`.
 */
export async function networkGaps(db: Db, viewer: SurveyViewer, q: SurveyQuery): Promise<GapItem[]> {
  const districts = await surveyDistricts(db, viewer, q);
  if (districts.length === 0) return [];
  const [needs, supply] = await Promise.all([unsafeOpenNeeds(db, districts), activeOffers(db, districts)]);
  const cells = new Map<string, { districtCode: string; lifeArea: string; needs: number; offers: number }>();
  const cell = (d: string, l: string) => {
    const key = `${d}|${l}`;
    let c = cells.get(key);
    if (!c) {
      c = { districtCode: d, lifeArea: l, needs: 0, offers: 0 };
      cells.set(key, c);
    }
    return c;
  };
  for (const r of needs) cell(r.districtCode, r.lifeArea).needs = r.n;
  for (const r of supply) cell(r.districtCode, r.lifeArea).offers = r.n;
  return [...cells.values()]
    .sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.lifeArea.localeCompare(b.lifeArea))
    .map((c) => {
      const small = !viewer.exact && c.needs > 0 && c.needs < 3;
      return {
        districtCode: c.districtCode,
        lifeArea: c.lifeArea,
        openNeeds: small ? null : c.needs,
        ...(small ? { openNeedsBand: '1-2' as const } : {}),
        activeOffers: c.offers,
        gap: c.needs > 0 && c.offers === 0,
      };
    });
}

/** Per district: partners serving it by kind, active offers by life area (counts only). */
export async function networkSurvey(db: Db, viewer: SurveyViewer, q: SurveyQuery): Promise<SurveyDistrict[]> {
  const districts = await surveyDistricts(db, viewer, q);
  if (districts.length === 0) return [];
  const param = sql`${sql.param(districts)}::text[]`;
  const [byKind, byArea, offerTotals] = await Promise.all([
    rows(
      db,
      sql`SELECT d AS district_code, p.kind, count(*)::int AS n
      FROM partners p, unnest(p.district_codes) AS d
      WHERE d = ANY(${param}) GROUP BY d, p.kind`,
    ),
    activeOffers(db, districts),
    rows(
      db,
      sql`SELECT district_code, count(*)::int AS n FROM offers
      WHERE status = 'active' AND district_code = ANY(${param}) GROUP BY district_code`,
    ),
  ]);
  return districts.map((code) => {
    const partnersByKind: Record<string, number> = {};
    for (const r of byKind) if (r.district_code === code) partnersByKind[String(r.kind)] = Number(r.n);
    const offersByLifeArea: Record<string, number> = {};
    for (const r of byArea) if (r.districtCode === code) offersByLifeArea[r.lifeArea] = r.n;
    return {
      districtCode: code,
      partners: Object.values(partnersByKind).reduce((a, b) => a + b, 0),
      partnersByKind,
      activeOffers: Number(offerTotals.find((r) => r.district_code === code)?.n ?? 0),
      offersByLifeArea,
    };
  });
}
