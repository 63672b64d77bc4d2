import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

const RetentionPage = lazyPage(() => import('./RetentionPage'), 'RetentionPage');

/** Retention and anonymisation (admin, data protection officer). */
export const retentionRoutes: RouteObject[] = [guarded('retention', 'retention.read', RetentionPage)];

export const retentionNav: NavItem[] = [
  { to: '/retention', labelKey: 'retention.nav', permission: 'retention.read' },
];
