import { Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { privilegedChangeList } from '../../../shared/schemas/privileged-changes';
import { api, withQuery } from '../../app/api';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';

type ChangeList = z.infer<typeof privilegedChangeList>;
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
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="privileged-changes">
      <Stack gap="sm">
        <Title order={2} size="h4" id="privileged-changes">
          {t('dpo.changes.title')}
        </Title>
        <Text size="sm">{t('dpo.changes.intro')}</Text>
        <ErrorAlert error={changes.error} />
        {changes.data && rows.length === 0 ? <Text>{t('dpo.changes.none')}</Text> : null}
        {rows.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-labelledby="privileged-changes" data-testid="privileged-changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dpo.changes.at')}</Table.Th>
                  <Table.Th>{t('dpo.changes.account')}</Table.Th>
                  <Table.Th>{t('dpo.changes.what')}</Table.Th>
                  <Table.Th>{t('dpo.changes.site')}</Table.Th>
                  <Table.Th>{t('dpo.changes.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatDateTime(c.at)}</Table.Td>
                    <Table.Td>
                      {c.displayName ?? t('dpo.changes.unknownAccount')}
                      {c.username ? ` (${c.username})` : ''}
                      {c.role ? ` – ${t(`roles.${c.role}`)}` : ''}
                    </Table.Td>
                    <Table.Td>{c.fields.map((f) => t(`dpo.changes.fields.${f}`)).join(', ')}</Table.Td>
                    <Table.Td>{c.siteName ?? t('dpo.changes.noSite')}</Table.Td>
                    <Table.Td>{c.actorUsername ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {pages > 1 ? (
          <nav aria-label={t('table.pagination', { label: t('dpo.changes.title') })}>
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
              getItemProps={(p) => ({
                'aria-label': t('table.page', { page: p }),
                'aria-current': p === page ? 'page' : undefined,
              })}
            />
          </nav>
        ) : null}
      </Stack>
    </Paper>
  );
}
