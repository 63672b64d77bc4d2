import { Anchor, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Site } from '../../../shared/schemas/sites';
import { useReference, useSites } from '../../app/queries';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';

export function SitesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const sites = useSites();
  const districts = useReference('districts');
  const organisations = useReference('organisations');
  const districtLabel = (code: string) => districts.data?.find((d) => d.code === code)?.label ?? code;
  const organisationLabel = (id: string) => organisations.data?.find((o) => o.id === id)?.label ?? id;

  const columns: Column<Site>[] = [
    { key: 'code', header: t('sites.code'), render: (s) => s.code },
    { key: 'name', header: t('sites.name'), render: (s) => s.name },
    { key: 'openedOn', header: t('sites.openedOn'), render: (s) => formatDate(s.openedOn) },
    { key: 'closedOn', header: t('sites.closedOn'), render: (s) => formatDate(s.closedOn) },
    {
      key: 'districts',
      header: t('sites.districts'),
      render: (s) => s.districtCodes.map(districtLabel).join(', '),
    },
    {
      key: 'organisations',
      header: t('sites.organisations'),
      render: (s) => s.organisationIds.map(organisationLabel).join(', '),
    },
  ];
  if (can('site.manage')) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (s) => (
        <Anchor component={Link} to={`/sites/${s.id}`} aria-label={t('sites.editAria', { name: s.name })}>
          {t('common.edit')}
        </Anchor>
      ),
    });
  }

  return (
    <Page
      title={t('sites.title')}
      actions={
        can('site.manage') ? (
          <Button component={Link} to="/sites/new">
            {t('sites.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={sites.error} />
      <DataTable
        label={t('sites.tableLabel')}
        columns={columns}
        rows={sites.data}
        rowKey={(s) => s.id}
        loading={sites.isFetching}
      />
    </Page>
  );
}
