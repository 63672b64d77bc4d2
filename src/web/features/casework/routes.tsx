import type { RouteObject } from 'react-router';
import type { NavItem } from '../../app/navigation';

/** Case work pages (households, contacts, Mein Tag …), added to the app's router and navigation. */
export const caseworkRoutes: RouteObject[] = [];
export const caseworkNav: NavItem[] = [];
