import { createBrowserRouter, Navigate } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { accountRoutes } from '../features/auth/routes';
import { caseworkRoutes } from '../features/casework/routes';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { eventsRoutes } from '../features/events/routes';
import { mediatorsRoutes } from '../features/mediators/routes';
import { networkRoutes } from '../features/network/routes';
import { privacyRoutes } from '../features/privacy/routes';
import { privacyNoticeRoutes } from '../features/privacy-notices/routes';
import { retentionRoutes } from '../features/retention/routes';
import { StartPage } from '../features/start/StartPage';
import { statisticsRoutes } from '../features/statistics/routes';
import { volunteersRoutes } from '../features/volunteers/routes';
import { AppLayout } from './AppLayout';
import { guarded, lazyPage, RequireAuth } from './guards';
import { PublicLayout } from './PublicLayout';

// administration pages load on demand: most roles never open them
const UsersPage = lazyPage(() => import('../features/users/UsersPage'), 'UsersPage');
const UserCreatePage = lazyPage(() => import('../features/users/UserCreatePage'), 'UserCreatePage');
const SitesPage = lazyPage(() => import('../features/sites/SitesPage'), 'SitesPage');
const SiteFormPage = lazyPage(() => import('../features/sites/SiteFormPage'), 'SiteFormPage');
const ReferencePage = lazyPage(() => import('../features/reference/ReferencePage'), 'ReferencePage');
const AuditPage = lazyPage(() => import('../features/audit/AuditPage'), 'AuditPage');

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <PublicLayout>
        <LoginPage />
      </PublicLayout>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <StartPage /> },
      { path: 'password', element: <ChangePasswordPage /> },
      ...accountRoutes,
      guarded('users', 'user.read', UsersPage),
      guarded('users/new', 'user.manage', UserCreatePage),
      guarded('sites', 'site.read', SitesPage),
      guarded('sites/new', 'site.manage', SiteFormPage),
      guarded('sites/:id', 'site.manage', SiteFormPage),
      { path: 'reference', element: <Navigate to="/reference/life-areas" replace /> },
      guarded('reference/:list', 'reference.read', ReferencePage),
      guarded('audit', 'audit.read', AuditPage),
      ...caseworkRoutes,
      ...networkRoutes,
      ...eventsRoutes,
      ...volunteersRoutes,
      ...mediatorsRoutes,
      ...statisticsRoutes,
      ...retentionRoutes,
      ...privacyRoutes,
      ...privacyNoticeRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
