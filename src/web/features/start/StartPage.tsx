import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSites } from '../../app/queries';
import { useUser } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';
import { PrivacyStartCard } from '../retention/PrivacyStartCard';

export function StartPage() {
  const { t } = useTranslation();
  const user = useUser();
  const sites = useSites();
  const ownSites = (sites.data ?? []).filter((s) => user.siteIds.includes(s.id));

  return (
    <Page title={t('start.title')}>
      <Text size="lg">{t('start.welcome', { name: user.displayName })}</Text>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Group gap="xs">
            <Text fw={700}>{t('start.role')}</Text>
            <Badge variant="filled" color="blue.9" data-testid="role-badge">
              {t(`roles.${user.role}`)}
            </Badge>
          </Group>
          <Title order={2} size="h4">
            {t('start.ownSites')}
          </Title>
          <ErrorAlert error={sites.error} />
          {user.siteIds.length === 0 ? (
            <Text>{t('start.noSites')}</Text>
          ) : (
            <List>
              {ownSites.map((s) => (
                <List.Item key={s.id}>
                  {s.name} ({s.code}) – {t('start.openedOn', { date: formatDate(s.openedOn) })}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Paper>
      <PrivacyStartCard />
    </Page>
  );
}
