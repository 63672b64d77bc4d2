import { AppShell, Box, Burger, Button, Center, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Outlet, useLocation, useNavigate } from 'react-router';
import { UnsavedChangesGuard } from '../ui/forms/unsavedChanges';
import { requestHeadingFocus } from '../ui/headingFocus';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { navigation } from './navigation';
import { useCan, useSession, useUser } from './session';
import './tablet.css';

/** After a route change, move focus to the new page's heading so screen readers announce it. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = requestAnimationFrame(requestHeadingFocus);
    return () => cancelAnimationFrame(id);
  }, [location.pathname]);
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="q-skip-link" href="#main">
      {t('layout.skipToContent')}
    </a>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const burger = useRef<HTMLButtonElement>(null);
  const user = useUser();
  const { logout } = useSession();
  const allowed = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  useFocusOnNavigate();

  // close the mobile menu after choosing a page
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => close(), [location.pathname]);

  // Escape closes the open menu and gives focus back to the menu button
  useEffect(() => {
    if (!opened) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      close();
      burger.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [opened, close]);

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <AppShell
      header={{ height: 64 }}
      // below desktop width (tablets up to 1024 px in landscape) the navigation sits behind the menu button
      navbar={{ width: 260, breakpoint: 'lg', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <SkipLink />
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              ref={burger}
              opened={opened}
              onClick={toggle}
              hiddenFrom="lg"
              size="sm"
              aria-label={t('layout.menu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Link to="/" className="q-brand">
              {t('app.name')}
            </Link>
          </Group>
          <Group gap="md" wrap="nowrap" visibleFrom="sm">
            <LanguageSwitch />
            <Text size="sm" visibleFrom="md" data-testid="current-user">
              {user.displayName}
            </Text>
            <Button size="xs" variant="default" onClick={onLogout}>
              {t('layout.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('layout.navigation')}
        className="q-navbar"
        data-menu-open={opened || undefined}
      >
        <Stack gap="md">
          {navigation.map((section) => {
            const items = section.items.filter((item) => allowed(item.permission));
            if (items.length === 0) return null;
            return (
              <Box key={section.labelKey}>
                <Text size="xs" fw={700} tt="uppercase" c="gray.8" px="sm" mb={4} aria-hidden="true">
                  {t(section.labelKey)}
                </Text>
                <ul aria-label={t(section.labelKey)} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {items.map((item) => {
                    const active = !!matchPath({ path: item.to, end: item.end ?? false }, location.pathname);
                    return (
                      <li key={item.to}>
                        <NavLink
                          component={Link}
                          to={item.to}
                          label={t(item.labelKey)}
                          active={active}
                          variant="filled"
                          aria-current={active ? 'page' : undefined}
                        />
                      </li>
                    );
                  })}
                </ul>
              </Box>
            );
          })}
          {/* on small screens the header has no room: language and sign-out move into the menu */}
          <Stack gap="sm" hiddenFrom="sm" px="sm">
            <Text size="sm">{user.displayName}</Text>
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={onLogout}>
              {t('layout.logout')}
            </Button>
          </Stack>
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Stack gap="md" maw={1200}>
          <DemoBanner />
          <Suspense
            fallback={
              <Center mih={200}>
                <Loader aria-label={t('common.loading')} />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
          <UnsavedChangesGuard />
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}
