import { Alert, Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Booking } from '../../../shared/schemas/mediators';
import { ApiError, api } from '../../app/api';
import { useCan } from '../../app/session';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../ui/format';
import { Page } from '../../ui/Page';
import { requiredDate } from '../casework/forms';
import { useLanguageOptions } from '../casework/options';
import { timePattern } from './AvailabilityFields';
import { AvailableList } from './AvailableList';
import { type AvailableMediator, createBooking, mediatorKeys, useAvailable } from './api';

interface Values {
  language: string | null;
  date: string;
  from: string;
  to: string;
}
type Search = { language: string; date: string; from: string; to: string };

/** An hour after `HH:MM` (capped at 23:59). */
function hourLater(from: string | null): string {
  if (!from || !timePattern.test(from)) return '';
  const h = Number(from.slice(0, 2)) + 1;
  return h > 23 ? '23:59' : `${String(h).padStart(2, '0')}${from.slice(2)}`;
}

/**
 * Booking a mediator: language, date and time → the free mediators → book. Opened from a household's
 * appointment with `?householdId=&appointmentId=&date=&from=&to=&language=` filled in.
 */
export function BookingNewPage() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const householdId = params.get('householdId');
  const appointmentId = params.get('appointmentId');
  const languages = useLanguageOptions();
  const household = useQuery({
    queryKey: ['casework', 'household', householdId],
    queryFn: () => api.get<{ caseNumber: string }>(`/api/households/${householdId}`),
    enabled: !!householdId && can('household.read'),
  });
  const time = (v: string) => (timePattern.test(v) ? null : t('mediators.timeHint'));
  const form = useForm<Values>({
    initialValues: {
      language: params.get('language') || null,
      date: formatDate(params.get('date')),
      from: params.get('from') ?? '',
      to: params.get('to') ?? hourLater(params.get('from')),
    },
    validate: {
      language: (v) => (v ? null : t('validation.required')),
      date: requiredDate(t),
      from: time,
      to: (v, values) => time(v) ?? (values.from < v ? null : t('mediators.book.timeOrder')),
    },
  });
  const [search, setSearch] = useState<Search | null>(null);
  const available = useAvailable(search);
  const [result, setResult] = useState<{ booked?: Booking; conflict?: string } | null>(null);
  const book = useMutation({
    mutationFn: (m: AvailableMediator) =>
      createBooking({
        mediatorId: m.id,
        ...(search as Search),
        ...(householdId ? { householdId } : {}),
        ...(appointmentId ? { appointmentId } : {}),
      }),
    onMutate: () => setResult(null),
    onSuccess: async (booked) => {
      setResult({ booked });
      await queryClient.invalidateQueries({ queryKey: mediatorKeys.all });
    },
    onError: async (error, m) => {
      if (error instanceof ApiError && error.status === 409) {
        setResult({ conflict: m.name });
        // someone else booked them meanwhile: the list no longer offers them
        await queryClient.invalidateQueries({ queryKey: mediatorKeys.available(search ?? {}) });
      }
    },
  });
  const onSearch = form.onSubmit((v) => {
    setResult(null);
    setSearch({ language: v.language ?? '', date: parseDateInput(v.date) ?? '', from: v.from, to: v.to });
  });

  return (
    <Page title={t('mediators.book.title')}>
      {householdId ? (
        <Text>
          {household.data
            ? t('mediators.book.forHousehold', { caseNumber: household.data.caseNumber })
            : appointmentId
              ? t('mediators.book.forAppointment')
              : null}
        </Text>
      ) : null}
      <form noValidate onSubmit={onSearch} aria-describedby="booking-hint">
        <Stack>
          <Text id="booking-hint" size="sm">
            {t('mediators.book.choose')}
          </Text>
          <Group align="flex-start" wrap="wrap">
            <Select
              label={t('mediators.field.language')}
              required
              searchable
              data={languages}
              {...form.getInputProps('language')}
            />
            <DateField label={t('mediators.field.date')} required {...form.getInputProps('date')} />
            <TextInput
              label={t('mediators.field.from')}
              description={t('mediators.timeHint')}
              required
              w={120}
              {...form.getInputProps('from')}
            />
            <TextInput
              label={t('mediators.field.to')}
              description={t('mediators.timeHint')}
              required
              w={120}
              {...form.getInputProps('to')}
            />
          </Group>
          <Group>
            <Button type="submit">{t('mediators.book.search')}</Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {result?.conflict ? (
          <Alert color="red" variant="outline" role="alert" title={t('errors.title')}>
            {t('mediators.book.conflict', { name: result.conflict })}
          </Alert>
        ) : null}
        {result?.booked ? (
          <Alert color="teal" variant="outline" role="status">
            {t('mediators.book.booked', { name: result.booked.mediatorName })}{' '}
            <Anchor component={Link} to="/mediator-bookings">
              {t('mediators.book.toBookings')}
            </Anchor>
          </Alert>
        ) : null}
      </div>
      {book.error && !result?.conflict ? <ErrorAlert error={book.error} /> : null}
      <ErrorAlert error={available.error} />
      {search && available.data ? (
        <AvailableList
          rows={available.data}
          booking={book.isPending ? (book.variables?.id ?? null) : null}
          onBook={(m) => book.mutate(m)}
        />
      ) : null}
    </Page>
  );
}
