import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

const EventsPage = lazy(() => import('./EventsPage').then((m) => ({ default: m.EventsPage })));
const EventPage = lazy(() => import('./EventPage').then((m) => ({ default: m.EventPage })));
const EventCreatePage = lazy(() => import('./EventFormPage').then((m) => ({ default: m.EventCreatePage })));
const EventEditPage = lazy(() => import('./EventFormPage').then((m) => ({ default: m.EventEditPage })));

/** Events, round tables, workshops and community work (issue 9, section 2). */
export const eventsRoutes: RouteObject[] = [
  {
    path: 'events',
    element: (
      <RequirePermission permission="network.read">
        <EventsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'events/new',
    element: (
      <RequirePermission permission="network.write">
        <EventCreatePage />
      </RequirePermission>
    ),
  },
  {
    path: 'events/:id',
    element: (
      <RequirePermission permission="network.read">
        <EventPage />
      </RequirePermission>
    ),
  },
  {
    path: 'events/:id/edit',
    element: (
      <RequirePermission permission="network.write">
        <EventEditPage />
      </RequirePermission>
    ),
  },
];

export const eventsNav: NavItem[] = [
  { to: '/events', labelKey: 'events.nav.events', permission: 'network.read' },
];
