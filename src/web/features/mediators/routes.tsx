import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/navigation';

/** Pages of this feature, added to the app's router and navigation (see casework/routes.tsx). */
export const mediatorsRoutes: RouteObject[] = [];

export const mediatorsNav: NavItem[] = [];
