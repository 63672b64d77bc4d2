import { Anchor, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { volunteerStatuses } from '../../../shared/schemas/volunteers';
import { useCan } from '../../app/session';
import { type Column, DataTable, type SortState } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { useAddressFilters, useAddressSearch } from '../../ui/useAddressFilters';
import { languageLabel, useLanguageOptions, useRefOptions } from '../casework/options';
import { useVolunteerList, type VolunteerListItem } from './api';
import { ConductBadge, StatusBadge } from './badges';
import { VolunteerFormModal } from './VolunteerFormModal';

const pageSize = 25;
const filterNames = ['q', 'status', 'language', 'districtCode'] as const;

/** The coordinator's volunteers: filters, sort and page live in the address. */
export function VolunteersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { params, get, update, page, setPage } = useAddressFilters();
  const [creating, setCreating] = useState(false);
  const languages = useLanguageOptions();
  const districts = useRefOptions('districts');
  const sort: SortState = { field: 'name', order: params.get('sort') === '-name' ? 'desc' : 'asc' };

  const [q, setQ] = useAddressSearch({ get, update });

  const list = useVolunteerList({
    page,
    pageSize,
    q: get('q'),
    status: get('status'),
    language: get('language'),
    districtCode: get('districtCode'),
    sort: sort.order === 'desc' ? '-name' : 'name',
  });

  const columns: Column<VolunteerListItem>[] = [
    {
      key: 'name',
      header: t('volunteers.field.name'),
      sortField: 'name',
      render: (v) => (
        <Anchor component={Link} to={`/volunteers/${v.id}`} fw={700}>
          {v.lastName}, {v.firstName}
        </Anchor>
      ),
    },
    { key: 'status', header: t('volunteers.field.status'), render: (v) => <StatusBadge status={v.status} /> },
    {
      key: 'languages',
      header: t('volunteers.field.languages'),
      render: (v) => v.languages.map(languageLabel).join(', '),
    },
    {
      key: 'districts',
      header: t('volunteers.field.districts'),
      render: (v) => v.districtCodes.map(districts.label).join(', '),
    },
    {
      key: 'conduct',
      header: t('volunteers.conduct.title'),
      render: (v) => <ConductBadge conduct={v.conduct} />,
    },
  ];

  return (
    <Page
      title={t('volunteers.list.title')}
      actions={
        <Group>
          <Button variant="default" component={Link} to="/volunteers/match">
            {t('volunteers.match.title')}
          </Button>
          {can('volunteer.write') ? (
            <Button onClick={() => setCreating(true)}>{t('volunteers.list.create')}</Button>
          ) : null}
        </Group>
      }
    >
      <Group align="flex-end" role="search" aria-label={t('volunteers.list.filters')}>
        <TextInput
          label={t('volunteers.list.search')}
          description={t('volunteers.list.searchHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          label={t('volunteers.field.status')}
          clearable
          data={volunteerStatuses.map((s) => ({ value: s, label: t(`volunteers.status.${s}`) }))}
          value={get('status')}
          onChange={(v) => update({ status: v })}
        />
        <Select
          label={t('volunteers.field.language')}
          clearable
          searchable
          data={languages}
          value={get('language')}
          onChange={(v) => update({ language: v })}
        />
        <Select
          label={t('volunteers.field.district')}
          clearable
          searchable
          data={districts.options}
          value={get('districtCode')}
          onChange={(v) => update({ districtCode: v })}
        />
        {filterNames.some((n) => params.get(n)) ? (
          <Button
            variant="subtle"
            onClick={() => {
              setQ('');
              update(Object.fromEntries(filterNames.map((n) => [n, null])));
            }}
          >
            {t('volunteers.list.reset')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.data ? (
        <Text size="sm" aria-live="polite">
          {t('volunteers.list.count', { count: list.data.total })}
        </Text>
      ) : null}
      <DataTable
        label={t('volunteers.list.table')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(v) => v.id}
        loading={list.isFetching}
        sort={sort}
        onSortChange={(s) => update({ sort: s.order === 'desc' ? '-name' : null })}
        paging={
          list.data
            ? {
                page,
                pageSize,
                total: list.data.total,
                onPageChange: setPage,
              }
            : undefined
        }
      />
      {creating ? <VolunteerFormModal volunteer={null} onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}
