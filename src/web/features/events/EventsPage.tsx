import { Anchor, Badge, Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayBerlin } from '../../../shared/dates';
import { eventSortFields } from '../../../shared/schemas/events';
import { useCan } from '../../app/session';
import { type Column, DataTable, type SortState } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { useAddressFilters, useAddressSearch } from '../../ui/useAddressFilters';
import { useRefOptions } from '../casework/options';
import { type EventSummary, useEventList } from './api';
import { formatWhen } from './format';
import { useEventSites } from './sites';

const pageSize = 25;
const periods = ['upcoming', 'past', 'all'] as const;
type Period = (typeof periods)[number];
const filterNames = ['q', 'type', 'siteId', 'districtCode', 'period', 'series'] as const;

/** Events of my sites; filters, sort and page live in the address. Upcoming events first by default. */
export function EventsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { params, get, update, page, setPage } = useAddressFilters();
  const types = useRefOptions('event-types');
  const districts = useRefOptions('districts');
  const sites = useEventSites();
  const series = get('series');
  const period: Period = (periods as readonly string[]).includes(get('period') ?? '')
    ? (get('period') as Period)
    : series
      ? 'all'
      : 'upcoming';
  const sortField = get('sort');
  const sort: SortState = {
    field: (eventSortFields as readonly string[]).includes(sortField ?? '') ? (sortField as string) : 'date',
    order: (get('order') ?? (period === 'past' ? 'desc' : 'asc')) === 'desc' ? 'desc' : 'asc',
  };

  const [q, setQ] = useAddressSearch({ get, update });

  const today = todayBerlin();
  const list = useEventList({
    page,
    pageSize,
    q: get('q'),
    type: get('type'),
    siteId: get('siteId'),
    districtCode: get('districtCode'),
    series,
    from: period === 'upcoming' ? today : null,
    to: period === 'past' ? today : null,
    sort: sort.field,
    order: sort.order,
  });

  const columns: Column<EventSummary>[] = [
    {
      key: 'date',
      header: t('events.fields.date'),
      sortField: 'date',
      render: (e) => <span style={{ whiteSpace: 'nowrap' }}>{formatWhen(e)}</span>,
    },
    {
      key: 'title',
      header: t('events.fields.title'),
      sortField: 'title',
      render: (e) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/events/${e.id}`} fw={700}>
            {e.title}
          </Anchor>
          {e.seriesId ? (
            <Badge variant="light" size="sm">
              {t('events.series.badge')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: 'type', header: t('events.fields.type'), sortField: 'type', render: (e) => types.label(e.type) },
    { key: 'district', header: t('events.fields.district'), render: (e) => districts.label(e.districtCode) },
    { key: 'participants', header: t('events.list.participants'), render: (e) => e.participantTotal },
  ];
  if (sites.options.length > 1) {
    columns.splice(3, 0, {
      key: 'site',
      header: t('events.fields.site'),
      render: (e) => sites.name(e.siteId),
    });
  }
  const anyFilter = filterNames.some((n) => params.get(n));

  return (
    <Page
      title={series ? t('events.series.title') : t('events.list.title')}
      actions={
        can('network.write') ? (
          <Button component={Link} to="/events/new">
            {t('events.list.create')}
          </Button>
        ) : null
      }
    >
      <search aria-label={t('events.list.filters')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('events.list.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <div>
            <div
              id="events-period-label"
              style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 }}
            >
              {t('events.list.period')}
            </div>
            <SegmentedControl
              aria-labelledby="events-period-label"
              value={period}
              onChange={(v) => update({ period: v === 'upcoming' && !series ? null : v, order: null })}
              data={periods.map((p) => ({ value: p, label: t(`events.list.periods.${p}`) }))}
            />
          </div>
          <Select
            label={t('events.fields.type')}
            data={types.options}
            value={get('type')}
            onChange={(v) => update({ type: v })}
            clearable
          />
          {sites.options.length > 1 ? (
            <Select
              label={t('events.fields.site')}
              data={sites.options}
              value={get('siteId')}
              onChange={(v) => update({ siteId: v })}
              clearable
            />
          ) : null}
          <Select
            label={t('events.fields.district')}
            data={districts.options}
            value={get('districtCode')}
            onChange={(v) => update({ districtCode: v })}
            clearable
            searchable
          />
          <Button
            variant="default"
            disabled={!anyFilter && !q}
            onClick={() => {
              setQ('');
              update(Object.fromEntries(filterNames.map((n) => [n, null])));
            }}
          >
            {t('events.list.resetFilters')}
          </Button>
        </Group>
      </search>
      <ErrorAlert error={list.error} />
      <DataTable
        label={series ? t('events.series.title') : t('events.list.tableLabel')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(e) => e.id}
        loading={list.isFetching}
        sort={sort}
        onSortChange={(s) => update({ sort: s.field, order: s.order })}
        paging={{
          page,
          pageSize,
          total: list.data?.total ?? 0,
          onPageChange: setPage,
        }}
      />
    </Page>
  );
}
