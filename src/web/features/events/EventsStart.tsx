import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { type EventSummary, useEventsStart } from './api';
import { formatWhen } from './format';

function EventList({ title, items, empty }: { title: string; items: EventSummary[]; empty: string }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <List spacing={4} listStyleType="none" p={0}>
          {items.map((e) => (
            <List.Item key={e.id}>
              <Anchor component={Link} to={`/events/${e.id}`}>
                {e.title}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                {formatWhen(e)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/**
 * Start-page widget (for roles with network.read): today's and this week's events of my sites and my
 * open agreed actions.
 */
export function EventsStart() {
  const { t } = useTranslation();
  const start = useEventsStart();
  const data = start.data;
  return (
    <Stack gap="sm">
      <ErrorAlert error={start.error} />
      {data ? (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <EventList title={t('events.start.today')} items={data.today} empty={t('events.start.noneToday')} />
          <EventList title={t('events.start.week')} items={data.week} empty={t('events.start.noneWeek')} />
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('events.start.myActions')}
            </Title>
            {data.myActions.length === 0 ? (
              <Text c="dimmed">{t('events.start.noActions')}</Text>
            ) : (
              <List spacing={4} listStyleType="none" p={0}>
                {data.myActions.map((a) => (
                  <List.Item key={a.id}>
                    {a.text}{' '}
                    <Text span size="sm" c="dimmed">
                      {t('events.start.due', { date: formatDate(a.dueOn) })} ·{' '}
                      <Anchor component={Link} to={`/events/${a.eventId}`} size="sm">
                        {a.eventTitle}
                      </Anchor>
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
