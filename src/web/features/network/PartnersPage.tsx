import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partnerSortFields } from '../../../shared/schemas/network';
import { useCan } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { FilterSelect, ListPage } from '../../ui/ListPage';
import { useRefOptions, useSiteChoices } from '../casework/options';
import { type Partner, usePartnerList } from './api';
import { useNetworkOptions } from './labels';
import { useListParams } from './useListParams';

const pageSize = 25;
const filters = ['kind', 'districtCode', 'siteId'] as const;

/** The city-wide directory of partners: paged, sortable, filtered by kind, district, site and name. */
export function PartnersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams(filters, partnerSortFields, 'name');
  const districts = useRefOptions('districts');
  const sites = useSiteChoices();
  const options = useNetworkOptions();
  const partners = usePartnerList(list.query(pageSize));

  const columns: Column<Partner>[] = [
    {
      key: 'name',
      header: t('network.partners.name'),
      sortField: 'name',
      render: (p) => (
        <Anchor component={Link} to={`/network/partners/${p.id}`} fw={700}>
          {p.name}
        </Anchor>
      ),
    },
    {
      key: 'kind',
      header: t('network.partners.kind'),
      sortField: 'kind',
      render: (p) => t(`network.partnerKinds.${p.kind}`),
    },
    {
      key: 'districts',
      header: t('network.partners.districts'),
      render: (p) => p.districtCodes.map((c) => districts.label(c)).join(', '),
    },
    { key: 'site', header: t('network.partners.site'), render: (p) => sites.name(p.siteId) },
    { key: 'offers', header: t('network.partners.offerCount'), render: (p) => p.offerCount },
    {
      key: 'lastContactOn',
      header: t('network.partners.lastContactOn'),
      sortField: 'lastContactOn',
      render: (p) => (p.lastContactOn ? formatDate(p.lastContactOn) : t('network.partners.never')),
    },
  ];

  return (
    <ListPage
      title={t('network.partners.title')}
      create={
        can('network.write')
          ? { to: '/network/partners/new', label: t('network.partners.create') }
          : undefined
      }
      filtersLabel={t('network.partners.filters')}
      search={{
        label: t('network.search'),
        description: t('network.partners.searchHint'),
        value: list.q,
        onChange: list.setQ,
      }}
      reset={{ label: t('network.resetFilters'), disabled: !list.anyFilter, onClick: list.reset }}
      error={partners.error}
      table={{
        label: t('network.partners.tableLabel'),
        columns,
        rows: partners.data?.items,
        rowKey: (p) => p.id,
        loading: partners.isFetching,
        sort: list.sort,
        onSortChange: list.onSortChange,
        paging: list.paging(partners.data?.total ?? 0, pageSize),
      }}
    >
      <FilterSelect label={t('network.partners.kind')} data={options.kinds} {...list.filterProps('kind')} />
      <FilterSelect
        label={t('network.district')}
        data={districts.options}
        {...list.filterProps('districtCode')}
        searchable
      />
      <FilterSelect
        label={t('network.partners.site')}
        data={sites.all.map((s) => ({ value: s.id, label: s.name }))}
        {...list.filterProps('siteId')}
      />
    </ListPage>
  );
}
