import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

// case work loads on demand: roles without it never fetch it
const MyDayPage = lazyPage(() => import('./MyDayPage'), 'MyDayPage');
const HouseholdsPage = lazyPage(() => import('./HouseholdsPage'), 'HouseholdsPage');
const HouseholdCreatePage = lazyPage(() => import('./HouseholdCreatePage'), 'HouseholdCreatePage');
const HouseholdPage = lazyPage(() => import('./HouseholdPage'), 'HouseholdPage');
const ContactPage = lazyPage(() => import('./ContactPages'), 'ContactPage');
const AnonymousContactPage = lazyPage(() => import('./ContactPages'), 'AnonymousContactPage');
const ContactEditPage = lazyPage(() => import('./ContactPages'), 'ContactEditPage');

/** Case work pages (households, contacts, Mein Tag …), added to the app's router and navigation. */
export const caseworkRoutes: RouteObject[] = [
  guarded('my-day', 'followup.own', MyDayPage),
  guarded('households', 'household.read', HouseholdsPage),
  guarded('households/new', 'household.write', HouseholdCreatePage),
  guarded('households/:id', 'household.read', HouseholdPage),
  guarded('households/:id/contacts/new', 'household.write', ContactPage),
  guarded('households/:id/contacts/:contactId/edit', 'household.write', ContactEditPage),
  guarded('contacts/anonymous', 'household.write', AnonymousContactPage),
];

export const caseworkNav: NavItem[] = [
  { to: '/my-day', labelKey: 'casework.nav.myDay', permission: 'followup.own' },
  { to: '/households', labelKey: 'casework.nav.households', permission: 'household.read' },
  { to: '/contacts/anonymous', labelKey: 'casework.nav.anonymous', permission: 'household.write' },
];
