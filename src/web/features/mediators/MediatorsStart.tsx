import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayBerlin } from '../../../shared/dates';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { languageLabel } from '../casework/options';
import { type Booking, useBookingList } from './api';

function BookingLines({
  title,
  bookings,
  withDate,
}: {
  title: string;
  bookings: Booking[] | undefined;
  withDate?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {bookings && bookings.length === 0 ? <Text size="sm">{t('mediators.start.none')}</Text> : null}
      <List size="sm">
        {bookings?.map((b) => (
          <List.Item key={b.id}>
            {withDate ? `${formatDate(b.date)} ` : ''}
            {b.from}–{b.to} · {b.mediatorName} · {languageLabel(b.language)}
            {b.caseNumber ? ` · ${b.caseNumber}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Start-page widget: unconfirmed bookings of the user's sites (from today on) and today's bookings. */
export function MediatorsStart() {
  const { t } = useTranslation();
  const can = useCan();
  const today = todayBerlin();
  const allowed = can('mediator.book');
  const unconfirmed = useBookingList({ status: 'requested', from: today, pageSize: 10 }, allowed);
  const todays = useBookingList({ from: today, to: today, pageSize: 20 }, allowed);
  if (!allowed) return null;
  const active = todays.data?.items.filter((b) => b.status !== 'cancelled' && b.status !== 'noShow');
  return (
    <Card withBorder component="section" aria-labelledby="mediators-start-title">
      <Stack>
        <Title order={2} size="h4" id="mediators-start-title">
          {t('mediators.start.title')}
        </Title>
        <ErrorAlert error={unconfirmed.error ?? todays.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <BookingLines
            title={`${t('mediators.start.unconfirmed')} (${unconfirmed.data?.total ?? 0})`}
            bookings={unconfirmed.data?.items}
            withDate
          />
          <BookingLines title={t('mediators.start.today')} bookings={active} />
        </SimpleGrid>
        <Anchor component={Link} to="/mediator-bookings" size="sm">
          {t('mediators.start.all')}
        </Anchor>
      </Stack>
    </Card>
  );
}
