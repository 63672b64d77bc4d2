import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { privilegedChangeList } from '../../../shared/schemas/privileged-changes';
import { api, withQuery } from '../../app/api';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { StartCard } from '../../ui/StartCard';
import { TablePagination } from '../../ui/TablePagination';

type ChangeList = z.infer<typeof privilegedChangeList>;
type Change = ChangeList['items'][number];
const pageSize = 10;

/** "Änderungen an Zugängen": privileged account changes of the site lead's sites (DPO: all sites). */
export function PrivilegedChangesCard() {
  const can = useCan();
  return can('user.privilegedChanges') ? <ChangesCard /> : null;
}

function ChangesCard() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const changes = useQuery({
    queryKey: ['privileged-changes', page],
    queryFn: () => api.get<ChangeList>(withQuery('/api/privileged-changes', { page, pageSize })),
  });
  const rows = changes.data?.items ?? [];
  const pages = Math.ceil((changes.data?.total ?? 0) / pageSize);
  const columns: Column<Change>[] = [
    { key: 'at', header: t('dpo.changes.at'), render: (c) => formatDateTime(c.at) },
    {
      key: 'account',
      header: t('dpo.changes.account'),
      render: (c) => (
        <>
          {c.displayName ?? t('dpo.changes.unknownAccount')}
          {c.username ? ` (${c.username})` : ''}
          {c.role ? ` – ${t(`roles.${c.role}`)}` : ''}
        </>
      ),
    },
    {
      key: 'what',
      header: t('dpo.changes.what'),
      render: (c) => c.fields.map((f) => t(`dpo.changes.fields.${f}`)).join(', '),
    },
    { key: 'site', header: t('dpo.changes.site'), render: (c) => c.siteName ?? t('dpo.changes.noSite') },
    { key: 'by', header: t('dpo.changes.by'), render: (c) => c.actorUsername ?? '–' },
  ];
  return (
    <StartCard id="privileged-changes" title={t('dpo.changes.title')} intro={t('dpo.changes.intro')}>
      <ErrorAlert error={changes.error} />
      {changes.data && rows.length === 0 ? <Text>{t('dpo.changes.none')}</Text> : null}
      {rows.length > 0 ? (
        <DataTable
          label={t('dpo.changes.title')}
          labelledBy="privileged-changes"
          testId="privileged-changes"
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
        />
      ) : null}
      <TablePagination label={t('dpo.changes.title')} pages={pages} page={page} onChange={setPage} />
    </StartCard>
  );
}
