import { Anchor, Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mediatorKinds } from '../../../shared/schemas/mediators';
import { useCan } from '../../app/session';
import { type Column, DataTable, type SortState } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { StatusBadge } from '../../ui/StatusBadge';
import { useAddressFilters, useAddressSearch } from '../../ui/useAddressFilters';
import { useLanguageOptions, useRefOptions } from '../casework/options';
import { type Mediator, useMediatorList } from './api';
import { formatEuro, languagesText } from './labels';
import { MediatorFormModal } from './MediatorFormModal';

const pageSize = 25;
const filterNames = ['q', 'language', 'districtCode', 'kind', 'active'] as const;

/** The pool of language mediators; filters, sort and page live in the address. */
export function MediatorsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { params, get, page, update, setPage } = useAddressFilters();
  const languages = useLanguageOptions();
  const districts = useRefOptions('districts');
  const [creating, setCreating] = useState(false);
  const sort: SortState = { field: 'name', order: params.get('order') === 'desc' ? 'desc' : 'asc' };

  const [q, setQ] = useAddressSearch({ get, update });

  const list = useMediatorList({
    page,
    pageSize,
    q: get('q'),
    language: get('language'),
    districtCode: get('districtCode'),
    kind: get('kind'),
    active: get('active') ?? 'true',
    sort: sort.order === 'desc' ? '-name' : 'name',
  });

  const columns: Column<Mediator>[] = [
    {
      key: 'name',
      header: t('mediators.field.name'),
      sortField: 'name',
      render: (m) => (
        <Anchor component={Link} to={`/mediators/${m.id}`} fw={700}>
          {m.name}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('mediators.field.kind'), render: (m) => t(`mediators.kind.${m.kind}`) },
    { key: 'languages', header: t('mediators.field.languages'), render: (m) => languagesText(m.languages) },
    {
      key: 'districts',
      header: t('mediators.field.districts'),
      render: (m) => m.districtCodes.map(districts.label).join(', '),
    },
    { key: 'rate', header: t('mediators.field.rate'), render: (m) => formatEuro(m.rate) },
    { key: 'active', header: t('mediators.field.status'), render: (m) => <StatusBadge active={m.active} /> },
  ];

  return (
    <Page
      title={t('mediators.list.title')}
      actions={
        <Group>
          {can('mediator.book') ? (
            <Button component={Link} to="/mediator-bookings/new" variant="default">
              {t('mediators.detail.book')}
            </Button>
          ) : null}
          {can('mediator.manage') ? (
            <Button onClick={() => setCreating(true)}>{t('mediators.list.create')}</Button>
          ) : null}
        </Group>
      }
    >
      <search aria-label={t('mediators.list.filters')}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('mediators.list.search')}
            description={t('mediators.list.searchHint')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select
            label={t('mediators.field.language')}
            data={languages}
            value={get('language')}
            onChange={(v) => update({ language: v })}
            clearable
            searchable
          />
          <Select
            label={t('mediators.field.district')}
            data={districts.options}
            value={get('districtCode')}
            onChange={(v) => update({ districtCode: v })}
            clearable
            searchable
          />
          <Select
            label={t('mediators.field.kind')}
            data={mediatorKinds.map((k) => ({ value: k, label: t(`mediators.kind.${k}`) }))}
            value={get('kind')}
            onChange={(v) => update({ kind: v })}
            clearable
          />
          <Select
            label={t('mediators.field.status')}
            data={[
              { value: 'true', label: t('mediators.list.activeOnly') },
              { value: 'false', label: t('mediators.list.inactiveOnly') },
              { value: 'all', label: t('mediators.list.all') },
            ]}
            value={get('active') ?? 'true'}
            onChange={(v) => update({ active: v === 'true' ? null : v })}
            allowDeselect={false}
          />
          <Button
            variant="default"
            disabled={!filterNames.some((n) => params.get(n)) && !q}
            onClick={() => {
              setQ('');
              update(Object.fromEntries(filterNames.map((n) => [n, null])));
            }}
          >
            {t('mediators.list.reset')}
          </Button>
        </Group>
      </search>
      <ErrorAlert error={list.error} />
      <DataTable
        label={t('mediators.list.tableLabel')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(m) => m.id}
        loading={list.isFetching}
        sort={sort}
        onSortChange={(s) => update({ order: s.order === 'desc' ? 'desc' : null }, false)}
        paging={{
          page,
          pageSize,
          total: list.data?.total ?? 0,
          onPageChange: setPage,
        }}
      />
      {creating ? <MediatorFormModal mediator={null} onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}
