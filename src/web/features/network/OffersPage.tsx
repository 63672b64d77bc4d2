import { Anchor, Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { offerSortFields } from '../../../shared/schemas/network';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';
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
  const offers = useOfferList({
    ...list.values,
    q: list.search,
    page: list.page,
    pageSize,
    sort: list.sort.field,
    order: list.sort.order,
  });

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
    <Page
      title={t('network.offers.title')}
      actions={
        can('network.write') ? (
          <Button component={Link} to="/network/offers/new">
            {t('network.offers.create')}
          </Button>
        ) : null
      }
    >
      <search aria-label={t('network.offers.filters')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('network.search')}
            description={t('network.offers.searchHint')}
            value={list.q}
            onChange={(e) => list.setQ(e.currentTarget.value)}
          />
          <Select
            label={t('network.district')}
            data={districts.options}
            value={list.values.districtCode}
            onChange={(v) => list.update({ districtCode: v })}
            clearable
            searchable
          />
          <Select
            label={t('network.offers.lifeArea')}
            data={lifeAreas.options}
            value={list.values.lifeArea}
            onChange={(v) => list.update({ lifeArea: v })}
            clearable
            searchable
          />
          <Select
            label={t('network.offers.language')}
            data={languages}
            value={list.values.language}
            onChange={(v) => list.update({ language: v })}
            clearable
            searchable
          />
          <Select
            label={t('network.offers.targetGroup')}
            data={options.targetGroups}
            value={list.values.targetGroup}
            onChange={(v) => list.update({ targetGroup: v })}
            clearable
          />
          <Select
            label={t('network.offers.status')}
            data={options.statuses}
            value={list.values.status}
            onChange={(v) => list.update({ status: v })}
            clearable
          />
          <Checkbox
            label={t('network.offers.staleOnly')}
            checked={list.values.stale === 'true'}
            onChange={(e) => list.update({ stale: e.currentTarget.checked ? 'true' : null })}
            mb={8}
          />
          <Button variant="default" disabled={!list.anyFilter} onClick={list.reset}>
            {t('network.resetFilters')}
          </Button>
        </Group>
      </search>
      <ErrorAlert error={offers.error ?? markChecked.error} />
      <DataTable
        label={t('network.offers.tableLabel')}
        columns={columns}
        rows={offers.data?.items}
        rowKey={(o) => o.id}
        loading={offers.isFetching}
        sort={list.sort}
        onSortChange={list.onSortChange}
        paging={list.paging(offers.data?.total ?? 0, pageSize)}
      />
    </Page>
  );
}
