import { Center, Loader, Text } from '@mantine/core';
import { type ComponentType, lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, type RouteObject, useLocation } from 'react-router';
import type { Permission } from '../../shared/permissions';
import { AccountSetupGate, useAccountSetupPending } from '../features/auth/AccountSetupGate';
import { Page } from '../ui/Page';
import { useCan, useSession } from './session';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <Center mih="50vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (state.status === 'anonymous') {
    // after a deliberate logout, the next person starts on the start page, not the last one's page
    const from = state.endedBy === 'logout' ? undefined : location;
    return <Navigate to="/login" replace state={{ from, expired: state.endedBy === 'expired' }} />;
  }
  return <AccountSetupCheck>{children}</AccountSetupCheck>;
}

/** A reset password or the MFA the role requires comes before everything else (the API refuses the rest). */
function AccountSetupCheck({ children }: { children: ReactNode }) {
  const pending = useAccountSetupPending();
  return pending ? <AccountSetupGate step={pending} /> : children;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = useCan()(permission);
  const { t } = useTranslation();
  if (allowed) return children;
  return (
    <Page title={t('forbidden.title')}>
      <Text>{t('forbidden.text')}</Text>
    </Page>
  );
}

/** A route whose page needs a permission: `guarded('users', 'user.read', UsersPage)`. */
export function guarded(path: string, permission: Permission, Page: ComponentType): RouteObject {
  return {
    path,
    element: (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ),
  };
}

/** A page component loaded on demand from a module's named export: `lazyPage(() => import('./X'), 'X')`. */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}
