import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { StatusBadge } from '../../ui/StatusBadge';
import { useRefOptions } from '../casework/options';
import { useBookingList, useMediator } from './api';
import { BookingsTable } from './BookingsTable';
import { formatEuro, languagesText, useSlotText } from './labels';
import { MediatorFormModal } from './MediatorFormModal';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One mediator: languages, districts, weekly plan, contact, and the bookings (for those who book). */
export function MediatorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const query = useMediator(id);
  const districts = useRefOptions('districts');
  const slotText = useSlotText();
  const [editing, setEditing] = useState(false);
  const [page, setPage] = useState(1);
  const bookings = useBookingList({ mediatorId: id, page, pageSize: 10 }, can('mediator.book'));
  const m = query.data;
  if (!m) {
    return (
      <Page title={query.isError ? t('mediators.detail.notFound') : t('common.loading')}>
        <ErrorAlert error={query.error} />
      </Page>
    );
  }
  return (
    <Page
      title={m.name}
      actions={
        <Group>
          {can('mediator.book') && m.active ? (
            <Button
              component={Link}
              to={`/mediator-bookings/new?language=${m.languages[0] ?? ''}`}
              variant="default"
            >
              {t('mediators.detail.book')}
            </Button>
          ) : null}
          {can('mediator.manage') ? (
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          ) : null}
        </Group>
      }
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('mediators.field.kind')}>{t(`mediators.kind.${m.kind}`)}</Fact>
          <Fact label={t('mediators.field.languages')}>{languagesText(m.languages)}</Fact>
          <Fact label={t('mediators.field.districts')}>
            {m.districtCodes.map(districts.label).join(', ') || t('mediators.bookings.none')}
          </Fact>
          <Fact label={t('mediators.field.rate')}>
            {m.rate === null ? t('mediators.detail.noRate') : formatEuro(m.rate)}
          </Fact>
          <Fact label={t('mediators.detail.contact')}>
            {m.phone ? <Anchor href={`tel:${m.phone}`}>{m.phone}</Anchor> : null}
            {m.phone && m.email ? ' · ' : null}
            {m.email ? <Anchor href={`mailto:${m.email}`}>{m.email}</Anchor> : null}
            {!m.phone && !m.email ? t('mediators.bookings.none') : null}
          </Fact>
          <Fact label={t('mediators.field.status')}>
            <StatusBadge active={m.active} />
          </Fact>
        </SimpleGrid>
      </Card>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('mediators.field.availability')}
        </Title>
        {m.availability.length === 0 ? (
          <Text size="sm">{t('mediators.detail.byArrangement')}</Text>
        ) : (
          <List size="sm">
            {m.availability.map((s) => (
              <List.Item key={`${s.weekday}-${s.from}`}>{slotText(s)}</List.Item>
            ))}
          </List>
        )}
      </Stack>
      {can('mediator.book') ? (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('mediators.detail.bookings')}
          </Title>
          <ErrorAlert error={bookings.error} />
          <BookingsTable
            label={t('mediators.detail.bookings')}
            data={bookings.data}
            loading={bookings.isFetching}
            page={page}
            onPageChange={setPage}
            hideMediator
          />
        </Stack>
      ) : null}
      {editing ? <MediatorFormModal mediator={m} onClose={() => setEditing(false)} /> : null}
    </Page>
  );
}
