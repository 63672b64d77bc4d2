import { Anchor, Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partnerSortFields } from '../../../shared/schemas/network';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';
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
  const partners = usePartnerList({
    ...list.values,
    q: list.search,
    page: list.page,
    pageSize,
    sort: list.sort.field,
    order: list.sort.order,
  });

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
    <Page
      title={t('network.partners.title')}
      actions={
        can('network.write') ? (
          <Button component={Link} to="/network/partners/new">
            {t('network.partners.create')}
          </Button>
        ) : null
      }
    >
      <search aria-label={t('network.partners.filters')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('network.search')}
            description={t('network.partners.searchHint')}
            value={list.q}
            onChange={(e) => list.setQ(e.currentTarget.value)}
          />
          <Select
            label={t('network.partners.kind')}
            data={options.kinds}
            value={list.values.kind}
            onChange={(v) => list.update({ kind: v })}
            clearable
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
            label={t('network.partners.site')}
            data={sites.all.map((s) => ({ value: s.id, label: s.name }))}
            value={list.values.siteId}
            onChange={(v) => list.update({ siteId: v })}
            clearable
          />
          <Button variant="default" disabled={!list.anyFilter} onClick={list.reset}>
            {t('network.resetFilters')}
          </Button>
        </Group>
      </search>
      <ErrorAlert error={partners.error} />
      <DataTable
        label={t('network.partners.tableLabel')}
        columns={columns}
        rows={partners.data?.items}
        rowKey={(p) => p.id}
        loading={partners.isFetching}
        sort={list.sort}
        onSortChange={list.onSortChange}
        paging={list.paging(partners.data?.total ?? 0, pageSize)}
      />
    </Page>
  );
}
