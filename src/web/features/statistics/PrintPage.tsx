import { Anchor, Button, Center, Group, Loader, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { StatisticsTable } from '../../../shared/schemas/statistics';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { useReport } from './api';
import './charts/svg';
import { filtersFromParams, toApiQuery } from './filters';
import { chartKeys, ReportBody } from './ReportBody';
import { ReportSummary } from './ReportSummary';
import './statistics.css';

/** A4 landscape, only while the print view is shown. */
const pageStyle = '@page { size: A4 landscape; margin: 10mm; }';

/**
 * The report laid out for paper (A4 landscape): sharp SVG charts, every table in full, no controls.
 * The browser's print dialog turns it into a PDF. Opened from the report page, it prints itself once
 * all charts are drawn.
 */
export function PrintPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const location = useLocation();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const protectedView = !can('statistics.exact');
  const query = useMemo(() => toApiQuery(filters, protectedView), [filters, protectedView]);
  const report = useReport(query);
  const drawn = useRef(new Set<StatisticsTable>());
  const [ready, setReady] = useState(false);
  const printed = useRef(false);
  const autoPrint = (location.state as { autoPrint?: boolean } | null)?.autoPrint === true;
  const [createdAt] = useState(() => new Date().toISOString());

  const onChartRendered = (key: StatisticsTable) => {
    drawn.current.add(key);
    if (chartKeys.every((k) => drawn.current.has(k))) setReady(true);
  };

  useEffect(() => {
    if (!ready || !autoPrint || printed.current) return;
    printed.current = true;
    // let the browser lay out the last chart before the dialog takes over
    const id = window.setTimeout(() => window.print(), 100);
    return () => window.clearTimeout(id);
  }, [ready, autoPrint]);

  const back = `/reports?${params.toString()}`;
  return (
    <Page title={t('statistics.print.title')}>
      <style>{pageStyle}</style>
      <div className="q-report q-print" data-ready={ready || undefined}>
        <Group className="q-no-print" gap="md" mb="md">
          <Button onClick={() => window.print()}>{t('statistics.print.print')}</Button>
          <Anchor component={Link} to={back}>
            {t('statistics.print.back')}
          </Anchor>
          <Text size="sm">{t('statistics.print.hint')}</Text>
        </Group>
        <ErrorAlert error={report.error} />
        {report.data ? (
          <>
            <Text size="sm">{t('statistics.print.created', { at: formatDateTime(createdAt) })}</Text>
            <ReportSummary report={report.data} />
            <ReportBody report={report.data} query={query} print onChartRendered={onChartRendered} />
          </>
        ) : (
          <Center mih={200}>
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
      </div>
    </Page>
  );
}
