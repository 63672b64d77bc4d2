import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

const MediatorsPage = lazyPage(() => import('./MediatorsPage'), 'MediatorsPage');
const MediatorPage = lazyPage(() => import('./MediatorPage'), 'MediatorPage');
const BookingsPage = lazyPage(() => import('./BookingsPage'), 'BookingsPage');
const BookingNewPage = lazyPage(() => import('./BookingNewPage'), 'BookingNewPage');

/** Language mediators: the pool, a mediator, the bookings and the booking form. */
export const mediatorsRoutes: RouteObject[] = [
  guarded('mediators', 'mediator.read', MediatorsPage),
  guarded('mediators/:id', 'mediator.read', MediatorPage),
  guarded('mediator-bookings', 'mediator.book', BookingsPage),
  guarded('mediator-bookings/new', 'mediator.book', BookingNewPage),
];

export const mediatorsNav: NavItem[] = [
  { to: '/mediators', labelKey: 'mediators.nav.pool', permission: 'mediator.read' },
  { to: '/mediator-bookings', labelKey: 'mediators.nav.bookingList', permission: 'mediator.book' },
];
