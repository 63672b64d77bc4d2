import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

// case work loads on demand: roles without it never fetch it
const MyDayPage = lazy(() => import('./MyDayPage').then((m) => ({ default: m.MyDayPage })));
const HouseholdsPage = lazy(() => import('./HouseholdsPage').then((m) => ({ default: m.HouseholdsPage })));
const HouseholdCreatePage = lazy(() =>
  import('./HouseholdCreatePage').then((m) => ({ default: m.HouseholdCreatePage })),
);
const HouseholdPage = lazy(() => import('./HouseholdPage').then((m) => ({ default: m.HouseholdPage })));
const ContactPage = lazy(() => import('./ContactPages').then((m) => ({ default: m.ContactPage })));
const AnonymousContactPage = lazy(() =>
  import('./ContactPages').then((m) => ({ default: m.AnonymousContactPage })),
);

/** Case work pages (households, contacts, Mein Tag …), added to the app's router and navigation. */
export const caseworkRoutes: RouteObject[] = [
  {
    path: 'my-day',
    element: (
      <RequirePermission permission="household.read">
        <MyDayPage />
      </RequirePermission>
    ),
  },
  {
    path: 'households',
    element: (
      <RequirePermission permission="household.read">
        <HouseholdsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'households/new',
    element: (
      <RequirePermission permission="household.write">
        <HouseholdCreatePage />
      </RequirePermission>
    ),
  },
  {
    path: 'households/:id',
    element: (
      <RequirePermission permission="household.read">
        <HouseholdPage />
      </RequirePermission>
    ),
  },
  {
    path: 'households/:id/contacts/new',
    element: (
      <RequirePermission permission="household.write">
        <ContactPage />
      </RequirePermission>
    ),
  },
  {
    path: 'contacts/anonymous',
    element: (
      <RequirePermission permission="household.write">
        <AnonymousContactPage />
      </RequirePermission>
    ),
  },
];

export const caseworkNav: NavItem[] = [
  { to: '/my-day', labelKey: 'casework.nav.myDay', permission: 'household.read' },
  { to: '/households', labelKey: 'casework.nav.households', permission: 'household.read' },
  { to: '/contacts/anonymous', labelKey: 'casework.nav.anonymous', permission: 'household.write' },
];
