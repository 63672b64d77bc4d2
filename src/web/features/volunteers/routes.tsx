import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

const VolunteersPage = lazyPage(() => import('./VolunteersPage'), 'VolunteersPage');
const VolunteerPage = lazyPage(() => import('./VolunteerPage'), 'VolunteerPage');
const MatchPage = lazyPage(() => import('./MatchPage'), 'MatchPage');
const CertificatePage = lazyPage(() => import('./CertificatePage'), 'CertificatePage');

/** Volunteer pages (Ehrenamt): list, matching, detail, certificate; see casework/routes.tsx. */
export const volunteersRoutes: RouteObject[] = [
  guarded('volunteers', 'volunteer.read', VolunteersPage),
  guarded('volunteers/match', 'volunteer.read', MatchPage),
  guarded('volunteers/:id', 'volunteer.read', VolunteerPage),
  guarded('volunteers/:id/certificate', 'volunteer.read', CertificatePage),
];

export const volunteersNav: NavItem[] = [
  { to: '/volunteers', labelKey: 'volunteers.nav.list', permission: 'volunteer.read' },
  { to: '/volunteers/match', labelKey: 'volunteers.nav.match', permission: 'volunteer.read' },
];
