import { Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSites } from '../../app/queries';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { languageLabel } from '../casework/options';
import type { Booking, Paged } from './api';
import { BookingStatusActions } from './BookingStatusActions';
import { formatEuro, formatHours } from './labels';

const statusColor: Record<Booking['status'], string> = {
  requested: 'violet.9',
  confirmed: 'blue.9',
  done: 'teal.9',
  cancelled: 'gray.7',
  noShow: 'red.9',
};

export function BookingStatusBadge({ status }: { status: Booking['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={statusColor[status]} style={{ minWidth: 'max-content' }}>
      {t(`mediators.status.${status}`)}
    </Badge>
  );
}

interface Props {
  label: string;
  data: Paged<Booking> | undefined;
  loading: boolean;
  page: number;
  onPageChange(page: number): void;
  /** hide the mediator column (on the mediator's own page) */
  hideMediator?: boolean;
}

/** Bookings with their status actions; the household links only where the viewer sees the case. */
export function BookingsTable({ label, data, loading, page, onPageChange, hideMediator }: Props) {
  const { t } = useTranslation();
  const sites = useSites();
  const siteName = (id: string) => sites.data?.find((s) => s.id === id)?.name ?? '';
  const columns: Column<Booking>[] = [
    {
      key: 'date',
      header: t('mediators.field.date'),
      render: (b) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(b.date)}</span>,
    },
    { key: 'time', header: t('mediators.field.time'), render: (b) => `${b.from}–${b.to}` },
    ...(hideMediator
      ? []
      : [
          {
            key: 'mediator',
            header: t('mediators.field.mediator'),
            render: (b: Booking) => (
              <Anchor component={Link} to={`/mediators/${b.mediatorId}`}>
                {b.mediatorName}
              </Anchor>
            ),
          },
        ]),
    { key: 'language', header: t('mediators.field.language'), render: (b) => languageLabel(b.language) },
    {
      key: 'household',
      header: t('mediators.field.household'),
      render: (b) =>
        b.caseNumber && b.householdId ? (
          <Anchor component={Link} to={`/households/${b.householdId}`}>
            {b.caseNumber}
          </Anchor>
        ) : (
          t('mediators.bookings.none')
        ),
    },
    { key: 'site', header: t('mediators.field.site'), render: (b) => siteName(b.siteId) },
    {
      key: 'status',
      header: t('mediators.field.status'),
      render: (b) => <BookingStatusBadge status={b.status} />,
    },
    {
      key: 'hours',
      header: t('mediators.field.hours'),
      render: (b) =>
        b.hours === null ? '' : `${formatHours(b.hours)} (${formatEuro((b.costCents ?? 0) / 100)})`,
    },
    { key: 'actions', header: t('common.actions'), render: (b) => <BookingStatusActions booking={b} /> },
  ];
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={data?.items}
      rowKey={(b) => b.id}
      loading={loading}
      paging={{ page, pageSize: data?.pageSize ?? 25, total: data?.total ?? 0, onPageChange }}
    />
  );
}
