import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSites } from '../../app/queries';
import { useCan, useUser } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';
import { EventsStart } from '../events/EventsStart';
import { MediatorsStart } from '../mediators/MediatorsStart';
import { NetworkStart } from '../network/NetworkStart';
import { VolunteersStart } from '../volunteers/VolunteersStart';
import { AccountsPanel, IdleVolunteersPanel, MyTasksPanel, OversightPanels } from './WorkPanels';

/**
 * Each role's own work, by permission: open tasks (follow-ups, agreed actions), stale offers and
 * quiet partners, today's and upcoming events, due checks and idle volunteers, unconfirmed
 * mediator bookings, the accounts overview, the report.
 */
function OwnWork() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Stack component="section" aria-labelledby="start-own-work" gap="md">
      <Title order={2} size="h3" id="start-own-work">
        {t('myWork.ownWork')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {can('followup.own') ? <MyTasksPanel /> : null}
        {can('user.manage') ? <AccountsPanel /> : null}
        {can('volunteer.read') ? <IdleVolunteersPanel /> : null}
        <OversightPanels />
      </SimpleGrid>
      {can('network.write') ? <NetworkStart /> : null}
      {can('network.read') ? <EventsStart /> : null}
      {can('volunteer.read') ? <VolunteersStart /> : null}
      <MediatorsStart />
    </Stack>
  );
}

import { PrivacyStartCards } from '../privacy/StartCards';
import { PrivacyStartCard } from '../retention/PrivacyStartCard';
import { PrivilegedChangesCard } from './PrivilegedChangesCard';

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
      <OwnWork />
      <PrivacyStartCard />
      <PrivacyStartCards />
      <PrivilegedChangesCard />
    </Page>
  );
}
