import { Anchor, Button, Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { offerSortFields } from '../../../shared/schemas/network';
import { useCan } from '../../app/session';
import type { Column } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { FilterSelect, ListPage } from '../../ui/ListPage';
import { languageLabel, useLanguageOptions, useRefOptions } from '../casework/options';
import { type Offer, useOfferList } from './api';
import { useNetworkOptions } from './labels';
import { OfferStatusBadge } from './OfferBadges';
import { useListParams } from './useListParams';
import { useMarkChecked } from './useMarkChecked';

const pageSize = 25;
const filters = ['districtCode', 'lifeArea', 'language', 'targetGroup', 'status', 'stale'] as const;

/** The offers directory for staff: filters by district, life area, language, target group, free text. */
export function OffersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams(filters, offerSortFields, 'title');
  const districts = useRefOptions('districts');
  const lifeAreas = useRefOptions('life-areas');
  const languages = useLanguageOptions();
  const options = useNetworkOptions();
  const markChecked = useMarkChecked();
  const offers = useOfferList(list.query(pageSize));

  const columns: Column<Offer>[] = [
    {
      key: 'title',
      header: t('network.offers.titleField'),
      sortField: 'title',
      render: (o) => (
        <Anchor component={Link} to={`/network/offers/${o.id}`} fw={700}>
          {o.title}
        </Anchor>
      ),
    },
    { key: 'partner', header: t('network.offers.partner'), render: (o) => o.partnerName },
    {
      key: 'district',
      header: t('network.district'),
      sortField: 'districtCode',
      render: (o) => districts.label(o.districtCode),
    },
    {
      key: 'lifeAreas',
      header: t('network.offers.lifeAreas'),
      render: (o) => o.lifeAreas.map((c) => lifeAreas.label(c)).join(', '),
    },
    {
      key: 'languages',
      header: t('network.offers.languages'),
      render: (o) => o.languages.map(languageLabel).join(', '),
    },
    {
      key: 'lastCheckedOn',
      header: t('network.offers.lastCheckedOn'),
      sortField: 'lastCheckedOn',
      render: (o) => formatDate(o.lastCheckedOn),
    },
    {
      key: 'status',
      header: t('network.offers.status'),
      sortField: 'status',
      render: (o) => <OfferStatusBadge offer={o} />,
    },
  ];
  if (can('network.write')) {
    columns.push({
      key: 'check',
      header: t('network.offers.review'),
      render: (o) =>
        o.stale ? (
          <Button
            size="compact-sm"
            variant="default"
            loading={markChecked.isPending && markChecked.variables === o.id}
            onClick={() => markChecked.mutate(o.id)}
            aria-label={t('network.offers.markCheckedOf', { title: o.title })}
          >
            {t('network.offers.markChecked')}
          </Button>
        ) : null,
    });
  }

  return (
    <ListPage
      title={t('network.offers.title')}
      create={
        can('network.write') ? { to: '/network/offers/new', label: t('network.offers.create') } : undefined
      }
      filtersLabel={t('network.offers.filters')}
      search={{
        label: t('network.search'),
        description: t('network.offers.searchHint'),
        value: list.q,
        onChange: list.setQ,
      }}
      reset={{ label: t('network.resetFilters'), disabled: !list.anyFilter, onClick: list.reset }}
      error={offers.error ?? markChecked.error}
      table={{
        label: t('network.offers.tableLabel'),
        columns,
        rows: offers.data?.items,
        rowKey: (o) => o.id,
        loading: offers.isFetching,
        sort: list.sort,
        onSortChange: list.onSortChange,
        paging: list.paging(offers.data?.total ?? 0, pageSize),
      }}
    >
      <FilterSelect
        label={t('network.district')}
        data={districts.options}
        {...list.filterProps('districtCode')}
        searchable
      />
      <FilterSelect
        label={t('network.offers.lifeArea')}
        data={lifeAreas.options}
        {...list.filterProps('lifeArea')}
        searchable
      />
      <FilterSelect
        label={t('network.offers.language')}
        data={languages}
        {...list.filterProps('language')}
        searchable
      />
      <FilterSelect
        label={t('network.offers.targetGroup')}
        data={options.targetGroups}
        {...list.filterProps('targetGroup')}
      />
      <FilterSelect
        label={t('network.offers.status')}
        data={options.statuses}
        {...list.filterProps('status')}
      />
      <Checkbox
        label={t('network.offers.staleOnly')}
        checked={list.values.stale === 'true'}
        onChange={(e) => list.update({ stale: e.currentTarget.checked ? 'true' : null })}
        mb={8}
      />
    </ListPage>
  );
}
