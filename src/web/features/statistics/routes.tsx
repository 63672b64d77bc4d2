import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/navigation';

/** Report pages, added to the app's router and navigation. */
export const statisticsRoutes: RouteObject[] = [];
export const statisticsNav: NavItem[] = [];
