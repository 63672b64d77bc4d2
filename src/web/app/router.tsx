import { createBrowserRouter, Navigate } from 'react-router';
import { AuditPage } from '../features/audit/AuditPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { ReferencePage } from '../features/reference/ReferencePage';
import { SiteFormPage } from '../features/sites/SiteFormPage';
import { SitesPage } from '../features/sites/SitesPage';
import { StartPage } from '../features/start/StartPage';
import { UserCreatePage } from '../features/users/UserCreatePage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequirePermission } from './guards';
import { PublicLayout } from './PublicLayout';

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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
