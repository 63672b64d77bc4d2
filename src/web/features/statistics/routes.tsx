import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

// the report and its charts load on demand: most roles never open them
const ReportPage = lazy(() => import('./ReportPage').then((m) => ({ default: m.ReportPage })));
const PrintPage = lazy(() => import('./PrintPage').then((m) => ({ default: m.PrintPage })));
const GeoPage = lazy(() => import('./GeoPage').then((m) => ({ default: m.GeoPage })));

type Permission = Parameters<typeof RequirePermission>[0]['permission'];
const guarded = (path: string, permission: Permission, page: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{page}</RequirePermission>,
});

/** Report pages, added to the app's router and navigation. */
export const statisticsRoutes: RouteObject[] = [
  guarded('reports', 'statistics.read', <ReportPage />),
  guarded('reports/print', 'statistics.read', <PrintPage />),
  guarded('geo', 'reference.manage', <GeoPage />),
];

export const statisticsNav: NavItem[] = [
  { to: '/reports', labelKey: 'statistics.nav.reports', permission: 'statistics.read' },
  { to: '/geo', labelKey: 'statistics.nav.geo', permission: 'reference.manage' },
];
