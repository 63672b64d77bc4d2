import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { bookingStatuses } from '../../../shared/schemas/mediators';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../ui/format';
import { Page } from '../../ui/Page';
import { useAddressFilters } from '../../ui/useAddressFilters';
import { useSiteChoices } from '../casework/options';
import { useBookingList } from './api';
import { BookingsTable } from './BookingsTable';

const pageSize = 25;

/** A date filter typed as dd.mm.yyyy; the address holds the ISO date once it is valid. */
function DateFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange(v: string | null): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatDate(value));
  const parsed = parseDateInput(text);
  return (
    <DateField
      label={label}
      value={text}
      error={parsed === null ? t('mediators.bookings.invalidDate') : undefined}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        const iso = parseDateInput(v);
        if (iso !== null) onChange(iso || null);
      }}
    />
  );
}

/** The bookings of the user's sites (central: all), filtered by status, date and site. */
export function BookingsPage() {
  const { t } = useTranslation();
  const { get, page, update, setPage } = useAddressFilters();
  const sites = useSiteChoices();
  const list = useBookingList({
    page,
    pageSize,
    status: get('status'),
    from: get('from'),
    to: get('to'),
    siteId: get('siteId'),
  });
  return (
    <Page
      title={t('mediators.bookings.title')}
      actions={
        <Button component={Link} to="/mediator-bookings/new">
          {t('mediators.detail.book')}
        </Button>
      }
    >
      <search aria-label={t('mediators.list.filters')}>
        <Group align="flex-start" wrap="wrap">
          <Select
            label={t('mediators.field.status')}
            data={bookingStatuses.map((s) => ({ value: s, label: t(`mediators.status.${s}`) }))}
            value={get('status')}
            onChange={(v) => update({ status: v })}
            clearable
          />
          <DateFilter
            label={t('mediators.bookings.dateFrom')}
            value={get('from')}
            onChange={(v) => update({ from: v })}
          />
          <DateFilter
            label={t('mediators.bookings.dateTo')}
            value={get('to')}
            onChange={(v) => update({ to: v })}
          />
          {sites.own.length > 1 ? (
            <Select
              label={t('mediators.field.site')}
              data={sites.ownOptions}
              value={get('siteId')}
              onChange={(v) => update({ siteId: v })}
              clearable
            />
          ) : null}
        </Group>
      </search>
      <ErrorAlert error={list.error} />
      <BookingsTable
        label={t('mediators.bookings.tableLabel')}
        data={list.data}
        loading={list.isFetching}
        page={page}
        onPageChange={setPage}
      />
    </Page>
  );
}
