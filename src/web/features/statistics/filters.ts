import { lastDayOfMonth, todayBerlin } from '../../../shared/dates';
import type { StatisticsCategory } from '../../../shared/schemas/statistics';
import { parseDateInput } from '../../ui/format';

/** How the period is chosen. "opening": each site from its opening date (no `from`). */
export const periodPresets = ['opening', 'year', 'quarter', 'month', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

/** The report's filters as the page holds them (and writes them into the URL). */
export interface ReportFilters {
  preset: PeriodPreset;
  year: number;
  quarter: number;
  month: number;
  /** custom period (and the end of "since opening"): ISO dates, '' when empty */
  from: string;
  to: string;
  siteIds: string[];
  /** '' = the default: the table counts all households, the charts refugee households */
  category: '' | StatisticsCategory;
  publication: boolean;
}

/** What the statistics API takes (`siteIds` comma-separated). */
export interface StatisticsApiQuery {
  from?: string;
  to?: string;
  siteIds?: string;
  category?: StatisticsCategory;
  publication?: 'true';
  [key: string]: string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function defaultFilters(today = todayBerlin()): ReportFilters {
  const [y, m] = today.split('-').map(Number);
  return {
    preset: 'opening',
    year: y,
    quarter: Math.floor((m - 1) / 3) + 1,
    month: m,
    from: '',
    to: '',
    siteIds: [],
    category: '',
    publication: false,
  };
}

/** The period a preset stands for: `from` undefined means "since each site's opening". */
export function periodOf(f: ReportFilters): { from?: string; to?: string } {
  switch (f.preset) {
    case 'opening':
      return { to: f.to || undefined };
    case 'year':
      return { from: `${f.year}-01-01`, to: `${f.year}-12-31` };
    case 'quarter': {
      const first = (f.quarter - 1) * 3 + 1;
      return {
        from: `${f.year}-${pad(first)}-01`,
        to: `${f.year}-${pad(first + 2)}-${pad(lastDayOfMonth(f.year, first + 2))}`,
      };
    }
    case 'month':
      return {
        from: `${f.year}-${pad(f.month)}-01`,
        to: `${f.year}-${pad(f.month)}-${pad(lastDayOfMonth(f.year, f.month))}`,
      };
    case 'custom':
      return { from: f.from || undefined, to: f.to || undefined };
  }
}

export function toApiQuery(f: ReportFilters, forceProtection = false): StatisticsApiQuery {
  const q: StatisticsApiQuery = { ...periodOf(f) };
  if (f.siteIds.length) q.siteIds = f.siteIds.join(',');
  if (f.category) q.category = f.category;
  if (f.publication || forceProtection) q.publication = 'true';
  for (const k of Object.keys(q)) if (q[k] === undefined) delete q[k];
  return q;
}

const isIso = (s: string | null): s is string => !!s && parseDateInput(s) === s;
const intIn = (s: string | null, min: number, max: number) => {
  const n = Number(s);
  return s && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** Reads the filters from the URL; anything missing or malformed falls back to the default. */
export function filtersFromParams(params: URLSearchParams, today = todayBerlin()): ReportFilters {
  const d = defaultFilters(today);
  const preset = params.get('period');
  const category = params.get('category');
  return {
    preset: (periodPresets as readonly string[]).includes(preset ?? '') ? (preset as PeriodPreset) : d.preset,
    year: intIn(params.get('year'), 2000, 2100) ?? d.year,
    quarter: intIn(params.get('quarter'), 1, 4) ?? d.quarter,
    month: intIn(params.get('month'), 1, 12) ?? d.month,
    from: isIso(params.get('from')) ? (params.get('from') as string) : '',
    to: isIso(params.get('to')) ? (params.get('to') as string) : '',
    siteIds: (params.get('sites') ?? '').split(',').filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    category: category === 'all' || category === 'refugee' || category === 'other' ? category : '',
    publication: params.get('publication') === '1',
  };
}

/** The filters as URL parameters: only what the preset uses, so links stay short. */
export function filtersToParams(f: ReportFilters): URLSearchParams {
  const p = new URLSearchParams();
  p.set('period', f.preset);
  if (f.preset === 'year' || f.preset === 'quarter' || f.preset === 'month') p.set('year', String(f.year));
  if (f.preset === 'quarter') p.set('quarter', String(f.quarter));
  if (f.preset === 'month') p.set('month', String(f.month));
  if (f.preset === 'custom' && f.from) p.set('from', f.from);
  if ((f.preset === 'custom' || f.preset === 'opening') && f.to) p.set('to', f.to);
  if (f.siteIds.length) p.set('sites', f.siteIds.join(','));
  if (f.category) p.set('category', f.category);
  if (f.publication) p.set('publication', '1');
  return p;
}
