import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FullReport } from '../../../shared/schemas/statistics';
import { ApiError, api, withQuery } from '../../app/api';
import { useUser } from '../../app/session';
import { currentLanguage } from '../../i18n';
import type { StatisticsApiQuery } from './filters';

/** A GeoJSON FeatureCollection of district polygons, each with properties.code (as the geo API stores it). */
export interface DistrictGeoJson {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { code: string; name?: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  }[];
}

export const statisticsKeys = {
  report: (q: StatisticsApiQuery, lang: string) => ['statistics', 'report', lang, q] as const,
  geo: ['geo', 'districts'] as const,
};

/**
 * A report asked for before the page first rendered (ReportRoute, opened directly), for its first view by
 * the same user: bound to the user's id, so that after a logout nobody else is shown it.
 */
let early: { key: string; at: number; answer: Promise<FullReport> } | null = null;
/** an early answer older than this is not taken: the page asks again */
const earlyForMs = 30_000;

/**
 * Asks for the report now, before React has rendered the route (which starts its queries only in an effect,
 * after the app shell): opened directly, the report's answer then arrives while the page's code is still
 * being evaluated. The page's first `useReport` with the same query takes this answer instead of asking
 * again, so a view is still one request and one audit entry.
 */
export function askReportEarly(q: StatisticsApiQuery, userId: string): void {
  const answer = api.get<FullReport>('/api/statistics/report', q);
  answer.catch(() => undefined);
  early = { key: JSON.stringify([userId, q]), at: Date.now(), answer };
}

/** The early answer for `q` and this user, once; null when there is none for them (or it is too old). */
function takeEarly(q: StatisticsApiQuery, userId: string): Promise<FullReport> | null {
  if (!early || early.key !== JSON.stringify([userId, q])) return null;
  const { answer, at } = early;
  early = null;
  return Date.now() - at <= earlyForMs ? answer : null;
}

async function fetchReport(q: StatisticsApiQuery, userId: string): Promise<FullReport> {
  const answer = takeEarly(q, userId);
  if (answer) {
    try {
      return await answer;
    } catch {
      // asked before the session was ready for it (a pending account step): ask again now
    }
  }
  return api.get<FullReport>('/api/statistics/report', q);
}

/** The whole report page in one request (one audit entry per view). */
export function useReport(q: StatisticsApiQuery) {
  const lang = currentLanguage();
  const user = useUser();
  return useQuery({
    queryKey: statisticsKeys.report(q, lang),
    queryFn: () => fetchReport(q, user.id),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useDistrictGeo() {
  return useQuery({
    queryKey: statisticsKeys.geo,
    queryFn: () => api.get<DistrictGeoJson | null>('/api/geo/districts'),
    staleTime: 10 * 60_000,
  });
}

function fileName(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/** Saves a URL (or a data URL) as a file through a temporary link. */
export function saveAs(href: string, name: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Downloads an export with the UI language (sheet names and labels follow it) and the session; a
 * failure becomes an ApiError for the page to show instead of a file with an error text in it.
 */
export async function downloadExport(path: string, q: Record<string, string | undefined>, fallback: string) {
  let response: Response;
  try {
    response = await fetch(withQuery(path, q), {
      credentials: 'same-origin',
      headers: { 'Accept-Language': currentLanguage() },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '', null);
  }
  if (!response.ok) {
    let body: { error?: { code?: string; message?: string; requestId?: string } } | null = null;
    try {
      body = await response.json();
    } catch {
      // not JSON
    }
    // a lost session: let the app's handler take the user to the sign-in page
    if (response.status === 401) void api.get('/api/auth/me').catch(() => undefined);
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'INTERNAL',
      body?.error?.message ?? response.statusText,
      body?.error?.requestId ?? response.headers.get('x-request-id'),
    );
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    saveAs(url, fileName(response, fallback));
  } finally {
    // the click has handed the file to the browser; free the memory a little later
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
