import { Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AccessEntry } from '../../../shared/schemas/export';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { useAccessReport } from './api';

const pageSize = 50;

/** "Zugriffe": who opened or changed which record of the household when (site lead, DPO). */
export function AccessReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  const report = useAccessReport(id, page, pageSize);
  const columns: Column<AccessEntry>[] = [
    { key: 'at', header: t('privacy.accessReport.at'), render: (r) => formatDateTime(r.at) },
    { key: 'actor', header: t('privacy.accessReport.actor'), render: (r) => r.actor ?? t('audit.system') },
    {
      key: 'role',
      header: t('privacy.accessReport.role'),
      render: (r) => (r.role ? t(`roles.${r.role}`) : '–'),
    },
    {
      key: 'action',
      header: t('privacy.accessReport.action'),
      render: (r) => t(`audit.actions.${r.action}`, { defaultValue: r.action }),
    },
    {
      key: 'record',
      header: t('privacy.accessReport.record'),
      render: (r) => t(`audit.entityTypes.${r.entityType}`, { defaultValue: r.entityType }),
    },
  ];
  const caseNumber = report.data?.caseNumber ?? '';
  return (
    <Page title={t('privacy.accessReport.title', { caseNumber })}>
      <Stack gap="sm">
        <Text>{t('privacy.accessReport.intro')}</Text>
        <Anchor component={Link} to={`/households/${id}`}>
          {t('privacy.accessReport.back')}
        </Anchor>
        {report.error ? <ErrorAlert error={report.error} /> : null}
        {report.data && report.data.total === 0 ? <Text>{t('privacy.accessReport.none')}</Text> : null}
        <DataTable
          label={t('privacy.accessReport.title', { caseNumber })}
          columns={columns}
          rows={report.data?.items}
          rowKey={(r) => r.id}
          loading={report.isLoading}
          paging={
            report.data ? { page, pageSize, total: report.data.total, onPageChange: setPage } : undefined
          }
        />
      </Stack>
    </Page>
  );
}
