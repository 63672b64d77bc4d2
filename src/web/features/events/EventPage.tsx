import { Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { participantGroups } from '../../../shared/schemas/events';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { useRefOptions } from '../casework/options';
import { ActionsSection } from './ActionsSection';
import { type EventDetail, useEvent, useSiteStaff } from './api';
import { formatWhen } from './format';
import { MinutesCard } from './MinutesCard';
import { ParticipantsSection } from './ParticipantsSection';
import { useEventSites } from './sites';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children || '–'}
      </Text>
    </div>
  );
}

function Facts({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const types = useRefOptions('event-types', [event.type]);
  const districts = useRefOptions('districts', [event.districtCode]);
  const sites = useEventSites();
  const staff = useSiteStaff(event.siteId);
  const staffName = (id: string) => staff.data?.find((s) => s.id === id)?.displayName ?? '';
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
        <Fact label={t('events.fields.type')}>{types.label(event.type)}</Fact>
        <Fact label={t('events.fields.date')}>{formatWhen(event)}</Fact>
        <Fact label={t('events.fields.site')}>{sites.name(event.siteId)}</Fact>
        <Fact label={t('events.fields.district')}>{districts.label(event.districtCode)}</Fact>
        <Fact label={t('events.fields.place')}>{event.place}</Fact>
        <Fact label={t('events.fields.public')}>
          {event.public ? t('events.common.yes') : t('events.common.no')}
        </Fact>
        <Fact label={t('events.fields.organisers')}>
          {event.organiserIds.map(staffName).filter(Boolean).join(', ')}
        </Fact>
        <Fact label={t('events.fields.partners')}>{event.partners.map((p) => p.name).join(', ')}</Fact>
        {event.series ? (
          <Fact label={t('events.series.label')}>
            <Anchor component={Link} to={`/events?series=${event.series.id}`}>
              {t('events.series.link', { count: event.series.count })}
            </Anchor>
          </Fact>
        ) : null}
      </SimpleGrid>
    </Card>
  );
}

function Counts({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('events.participants.countsTitle')}
      </Title>
      <Table withTableBorder maw={480} aria-label={t('events.participants.countsTitle')}>
        <Table.Tbody>
          {participantGroups.map((g) => (
            <Table.Tr key={g}>
              <Table.Th scope="row">{t(`events.groups.${g}`)}</Table.Th>
              <Table.Td ta="right">{event.participants[g]}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('events.participants.total')}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {event.participantTotal}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** One event: facts, counts by group, minutes, named participants and agreed actions. */
export function EventPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id } = useParams();
  const event = useEvent(id);
  const data = event.data;
  return (
    <Page
      title={data?.title ?? t('events.detail.title')}
      actions={
        data && can('network.write') ? (
          <Group>
            <Button variant="default" component={Link} to={`/events/${data.id}/edit`}>
              {t('events.detail.edit')}
            </Button>
          </Group>
        ) : null
      }
    >
      <ErrorAlert error={event.error} />
      {event.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {data ? (
        <>
          <Facts event={data} />
          <Counts event={data} />
          <MinutesCard event={data} />
          <ActionsSection event={data} />
          <ParticipantsSection event={data} />
        </>
      ) : null}
    </Page>
  );
}
