import { Button, Center, Checkbox, Fieldset, Group, Loader, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { cityWideRoles } from '../../../shared/permissions';
import { useSites } from '../../app/queries';
import { useCan, useUser } from '../../app/session';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { downloadExport, useReport } from './api';
import { type ExportKind, ExportMenu, exportRequest } from './ExportMenu';
import { filtersFromParams, filtersToParams, type ReportFilters, toApiQuery } from './filters';
import { ReportBody } from './ReportBody';
import { ReportFiltersForm } from './ReportFiltersForm';
import { ReportSummary } from './ReportSummary';
import './statistics.css';

/** The sites a user may ask about: all for city-wide roles, otherwise their own. */
export function useVisibleSites() {
  const user = useUser();
  const sites = useSites();
  const visible = useMemo(
    () => (sites.data ?? []).filter((s) => cityWideRoles.includes(user.role) || user.siteIds.includes(s.id)),
    [sites.data, user],
  );
  return { visible, query: sites };
}

/** Statistics for the council and the advisory board: the seed's table and charts, exports, print. */
export function ReportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const board = !can('statistics.exact');
  const query = useMemo(() => toApiQuery(filters, board), [filters, board]);
  const report = useReport(query);
  const sites = useVisibleSites();
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<ExportKind | null>(null);

  const apply = (next: ReportFilters) => setParams(filtersToParams(next));

  const download = async (kind: ExportKind) => {
    setExportError(null);
    setExporting(kind);
    try {
      const { path, params, fallback } = exportRequest(kind);
      await downloadExport(path, { ...query, ...params, lang: currentLanguage() }, fallback);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };

  return (
    <Page title={t('statistics.title')}>
      <div className="q-report">
        <ReportFiltersForm value={filters} sites={sites.visible} onApply={apply} />
        <ErrorAlert error={sites.query.error} />

        <Fieldset legend={t('statistics.export.label')} radius="md" mt="md" className="q-no-print">
          <Group gap="md" align="center" wrap="wrap">
            <ExportMenu busy={exporting !== null} onDownload={download} />
            <Checkbox
              label={t('statistics.export.publication')}
              description={
                board ? t('statistics.export.publicationBoard') : t('statistics.export.publicationHint')
              }
              checked={board || filters.publication}
              disabled={board}
              onChange={(e) => apply({ ...filters, publication: e.currentTarget.checked })}
            />
            <Button
              variant="default"
              onClick={() =>
                navigate(`/reports/print?${filtersToParams(filters)}`, { state: { autoPrint: true } })
              }
            >
              {t('statistics.export.print')}
            </Button>
          </Group>
        </Fieldset>
        <ErrorAlert error={exportError} title={t('statistics.export.failed')} />

        <ErrorAlert error={report.error} />
        {report.data ? (
          <div aria-busy={report.isFetching || undefined} className="q-report-content">
            <ReportSummary report={report.data} />
            <ReportBody report={report.data} query={query} onError={setExportError} />
          </div>
        ) : report.isLoading ? (
          <Center mih={200}>
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : (
          <Text>{t('statistics.empty')}</Text>
        )}
      </div>
    </Page>
  );
}
