import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

import { ReportRoute } from './ReportRoute';

// the report's pages and charts load on demand (ReportRoute asks for the report's data meanwhile)
const PrintPage = lazyPage(() => import('./PrintPage'), 'PrintPage');
const GeoPage = lazyPage(() => import('./GeoPage'), 'GeoPage');

/** Report pages, added to the app's router and navigation. */
export const statisticsRoutes: RouteObject[] = [
  guarded('reports', 'statistics.read', ReportRoute),
  guarded('reports/print', 'statistics.read', PrintPage),
  guarded('geo', 'reference.manage', GeoPage),
];

export const statisticsNav: NavItem[] = [
  { to: '/reports', labelKey: 'statistics.nav.reports', permission: 'statistics.read' },
  { to: '/geo', labelKey: 'statistics.nav.geo', permission: 'reference.manage' },
];
