import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { householdSortFields, householdStatuses } from '../../../shared/schemas/households';
import { useCan } from '../../app/session';
import type { Column, SortState } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { FilterSelect, ListPage } from '../../ui/ListPage';
import { useAddressFilters, useAddressSearch } from '../../ui/useAddressFilters';
import { type HouseholdSummaryRow, useHouseholdList } from './api';
import { HouseholdStatusBadge } from './components/HouseholdStatusBadge';
import { useRefOptions, useSiteChoices } from './options';

const pageSize = 25;
const filterNames = ['q', 'siteId', 'status', 'category', 'districtCode'] as const;

/** The household list; filters, sort and page live in the address, so "back" returns to the same view. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { params, get, update, page, setPage, filterProps } = useAddressFilters();
  const sites = useSiteChoices();
  const categories = useRefOptions('household-categories');
  const districts = useRefOptions('districts');

  const sortField = params.get('sort');
  const sort: SortState = {
    field: (householdSortFields as readonly string[]).includes(sortField ?? '')
      ? (sortField as string)
      : 'registeredOn',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };

  const [q, setQ] = useAddressSearch({ get, update });

  const query = {
    page,
    pageSize,
    q: get('q'),
    siteId: get('siteId'),
    status: get('status'),
    category: get('category'),
    districtCode: get('districtCode'),
    sort: sort.field,
    order: sort.order,
  };
  const list = useHouseholdList(query);

  const columns: Column<HouseholdSummaryRow>[] = [
    {
      key: 'caseNumber',
      header: t('casework.household.caseNumber'),
      sortField: 'caseNumber',
      render: (h) => (
        <Anchor component={Link} to={`/households/${h.id}`} fw={700} className="q-case-number">
          {h.caseNumber}
        </Anchor>
      ),
    },
    {
      key: 'headName',
      header: t('casework.list.headName'),
      sortField: 'headName',
      render: (h) => h.headName,
    },
    { key: 'members', header: t('casework.list.members'), render: (h) => h.memberCount },
    {
      key: 'category',
      header: t('casework.household.category'),
      render: (h) => categories.label(h.category),
    },
    {
      key: 'district',
      header: t('casework.household.district'),
      render: (h) => districts.label(h.districtCode),
    },
    {
      key: 'registeredOn',
      header: t('casework.household.registeredOn'),
      sortField: 'registeredOn',
      render: (h) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(h.registeredOn)}</span>,
    },
    {
      key: 'lastContactOn',
      header: t('casework.list.lastContactOn'),
      sortField: 'lastContactOn',
      render: (h) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(h.lastContactOn)}</span>,
    },
    {
      key: 'status',
      header: t('casework.household.status'),
      sortField: 'status',
      render: (h) => <HouseholdStatusBadge status={h.status} />,
    },
  ];

  // the site column only where there is more than one to tell apart
  if (sites.own.length > 1) {
    columns.splice(4, 0, {
      key: 'site',
      header: t('casework.household.site'),
      render: (h) => sites.name(h.siteId),
    });
  }

  const anyFilter = filterNames.some((n) => params.get(n));

  return (
    <ListPage
      title={t('casework.list.title')}
      create={
        can('household.write') ? { to: '/households/new', label: t('casework.list.create') } : undefined
      }
      filtersLabel={t('casework.list.filters')}
      search={{
        label: t('casework.list.search'),
        description: t('casework.list.searchHint'),
        value: q,
        onChange: setQ,
      }}
      reset={{
        label: t('casework.list.resetFilters'),
        disabled: !anyFilter && !q,
        onClick: () => {
          setQ('');
          update(Object.fromEntries(filterNames.map((n) => [n, null])));
        },
      }}
      error={list.error}
      table={{
        label: t('casework.list.tableLabel'),
        columns,
        rows: list.data?.items,
        rowKey: (h) => h.id,
        loading: list.isFetching,
        sort,
        onSortChange: (s) => update({ sort: s.field, order: s.order }),
        paging: { page, pageSize, total: list.data?.total ?? 0, onPageChange: setPage },
      }}
    >
      {sites.own.length > 1 ? (
        <FilterSelect
          label={t('casework.household.site')}
          data={sites.ownOptions}
          {...filterProps('siteId')}
        />
      ) : null}
      <FilterSelect
        label={t('casework.household.status')}
        data={householdStatuses.map((s) => ({ value: s, label: t(`casework.householdStatus.${s}`) }))}
        {...filterProps('status')}
      />
      <FilterSelect
        label={t('casework.household.category')}
        data={categories.options}
        {...filterProps('category')}
      />
      <FilterSelect
        label={t('casework.household.district')}
        data={districts.options}
        {...filterProps('districtCode')}
        searchable
      />
    </ListPage>
  );
}
