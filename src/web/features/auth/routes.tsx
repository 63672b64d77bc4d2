import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/navigation';
import { AccountPage } from './AccountPage';

export const accountRoutes: RouteObject[] = [{ path: 'account', element: <AccountPage /> }];

export const accountNav: NavItem[] = [{ to: '/account', labelKey: 'nav.account', permission: 'self' }];
