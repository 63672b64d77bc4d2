import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../shared/schemas/users';
import { api } from '../../app/api';
import { queryKeys } from '../../app/queries';
import { useCan } from '../../app/session';
import { type Column, DataTable, type SortState } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { StatusBadge } from '../../ui/StatusBadge';
import { useRoleOptions, useSiteOptions } from './options';
import { UserEditModal } from './UserEditModal';

const pageSize = 25;

interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const roleOptions = useRoleOptions();
  const sites = useSiteOptions();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [role, setRole] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState>({ field: 'username', order: 'asc' });
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | null>(null);

  const params = {
    page,
    pageSize,
    q: debouncedQ.trim(),
    role,
    siteId,
    active,
    sort: sort.field,
    order: sort.order,
  };
  const list = useQuery({
    queryKey: [...queryKeys.users, params],
    queryFn: () => api.get<UserPage>('/api/users', params),
    placeholderData: keepPreviousData,
  });

  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const columns: Column<User>[] = [
    { key: 'username', header: t('users.username'), sortField: 'username', render: (u) => u.username },
    {
      key: 'displayName',
      header: t('users.displayName'),
      sortField: 'displayName',
      render: (u) => u.displayName,
    },
    { key: 'role', header: t('users.role'), sortField: 'role', render: (u) => t(`roles.${u.role}`) },
    { key: 'sites', header: t('users.sites'), render: (u) => u.siteIds.map(sites.codeOf).join(', ') },
    {
      key: 'active',
      header: t('users.status'),
      render: (u) => <StatusBadge active={u.active} />,
    },
    {
      key: 'createdAt',
      header: t('users.createdAt'),
      sortField: 'createdAt',
      render: (u) => formatDate(u.createdAt),
    },
    { key: 'lastLogin', header: t('users.lastLoginAt'), render: (u) => formatDateTime(u.lastLoginAt) },
  ];
  if (can('user.manage')) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (u) => (
        <Button
          size="xs"
          variant="default"
          onClick={() => setEditing(u)}
          aria-label={t('users.editAria', { username: u.username })}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Page
      title={t('users.title')}
      actions={
        can('user.manage') ? (
          <Button component={Link} to="/users/new">
            {t('users.create')}
          </Button>
        ) : null
      }
    >
      <Group align="flex-end" wrap="wrap" role="search" aria-label={t('users.filters')}>
        <TextInput
          label={t('users.search')}
          description={t('users.searchHint')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          type="search"
        />
        <Select
          label={t('users.role')}
          data={roleOptions}
          value={role}
          onChange={filter(setRole)}
          clearable
        />
        <Select
          label={t('users.site')}
          data={sites.options}
          value={siteId}
          onChange={filter(setSiteId)}
          clearable
          searchable
        />
        <Select
          label={t('users.status')}
          data={[
            { value: 'true', label: t('common.active') },
            { value: 'false', label: t('common.inactive') },
          ]}
          value={active}
          onChange={filter(setActive)}
          clearable
        />
      </Group>
      <ErrorAlert error={list.error} />
      <DataTable
        label={t('users.tableLabel')}
        columns={columns}
        rows={list.data?.items}
        rowKey={(u) => u.id}
        loading={list.isFetching}
        sort={sort}
        onSortChange={(s) => {
          setSort(s);
          setPage(1);
        }}
        paging={{ page, pageSize, total: list.data?.total ?? 0, onPageChange: setPage }}
      />
      {editing ? <UserEditModal user={editing} onClose={() => setEditing(null)} /> : null}
    </Page>
  );
}
