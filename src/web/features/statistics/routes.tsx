import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

// the report and its charts load on demand: most roles never open them
const ReportPage = lazy(() => import('./ReportPage').then((m) => ({ default: m.ReportPage })));
const PrintPage = lazy(() => import('./PrintPage').then((m) => ({ default: m.PrintPage })));
const GeoPage = lazy(() => import('./GeoPage').then((m) => ({ default: m.GeoPage })));

/** Report pages, added to the app's router and navigation. */
export const statisticsRoutes: RouteObject[] = [
  {
    path: 'reports',
    element: (
      <RequirePermission permission="statistics.read">
        <ReportPage />
      </RequirePermission>
    ),
  },
  {
    path: 'reports/print',
    element: (
      <RequirePermission permission="statistics.read">
        <PrintPage />
      </RequirePermission>
    ),
  },
  {
    path: 'geo',
    element: (
      <RequirePermission permission="reference.manage">
        <GeoPage />
      </RequirePermission>
    ),
  },
];

export const statisticsNav: NavItem[] = [
  { to: '/reports', labelKey: 'statistics.nav.reports', permission: 'statistics.read' },
  { to: '/geo', labelKey: 'statistics.nav.geo', permission: 'reference.manage' },
];
