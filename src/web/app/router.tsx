import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { caseworkRoutes } from '../features/casework/routes';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { eventsRoutes } from '../features/events/routes';
import { mediatorsRoutes } from '../features/mediators/routes';
import { networkRoutes } from '../features/network/routes';
import { StartPage } from '../features/start/StartPage';
import { statisticsRoutes } from '../features/statistics/routes';
import { volunteersRoutes } from '../features/volunteers/routes';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequirePermission } from './guards';
import { PublicLayout } from './PublicLayout';

// administration pages load on demand: most roles never open them
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const UserCreatePage = lazy(() =>
  import('../features/users/UserCreatePage').then((m) => ({ default: m.UserCreatePage })),
);
const SitesPage = lazy(() => import('../features/sites/SitesPage').then((m) => ({ default: m.SitesPage })));
const SiteFormPage = lazy(() =>
  import('../features/sites/SiteFormPage').then((m) => ({ default: m.SiteFormPage })),
);
const ReferencePage = lazy(() =>
  import('../features/reference/ReferencePage').then((m) => ({ default: m.ReferencePage })),
);
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));

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
      {
        path: 'users',
        element: (
          <RequirePermission permission="user.read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'users/new',
        element: (
          <RequirePermission permission="user.manage">
            <UserCreatePage />
          </RequirePermission>
        ),
      },
      {
        path: 'sites',
        element: (
          <RequirePermission permission="site.read">
            <SitesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'sites/new',
        element: (
          <RequirePermission permission="site.manage">
            <SiteFormPage />
          </RequirePermission>
        ),
      },
      {
        path: 'sites/:id',
        element: (
          <RequirePermission permission="site.manage">
            <SiteFormPage />
          </RequirePermission>
        ),
      },
      { path: 'reference', element: <Navigate to="/reference/life-areas" replace /> },
      {
        path: 'reference/:list',
        element: (
          <RequirePermission permission="reference.read">
            <ReferencePage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      ...caseworkRoutes,
      ...networkRoutes,
      ...eventsRoutes,
      ...volunteersRoutes,
      ...mediatorsRoutes,
      ...statisticsRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
