import { Box, Container, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipLink } from './AppLayout';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';

/** Layout for pages without a session (login): header with the language switch, one main region. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Box
        component="header"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <SkipLink />
        <Group justify="space-between">
          <span className="q-brand">{t('app.name')}</span>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="xs" py="xl">
        <Stack gap="md">
          <DemoBanner />
          {children}
        </Stack>
      </Container>
    </>
  );
}
