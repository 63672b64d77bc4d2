import { Loader, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FullReport, StatisticsTable } from '../../../shared/schemas/statistics';
import { reportTables, type ReportTable as Table } from '../../../shared/statistics-tables';
import { currentLanguage } from '../../i18n';
import {
  barsOption,
  type ChartContext,
  heatmapOption,
  householdsLineOption,
  reasonsTrendOption,
} from './charts/options';
import { partialMonth } from './charts/partialMonth';
import type { StatisticsApiQuery } from './filters';
import { NetworkSection } from './network/NetworkSection';
import { ProtectionLegend } from './ProtectionLegend';
import { ReportTable } from './ReportTable';
import { Section } from './Section';
import { useDistrictMap } from './useDistrictMap';

/** The charts of the report, in page order (the print view waits for all of them). */
export const chartKeys = [
  'households-per-month',
  'households-per-district',
  'contact-types',
  'reasons-by-life-area',
  'reasons-by-support-kind',
  'reasons-matrix',
  'reasons-per-month',
] as const satisfies readonly StatisticsTable[];

/** The breakdowns drawn as bars, each beside its table. */
const bars = [
  ['contact-types', 'contactTypes'],
  ['reasons-by-life-area', 'reasonsByLifeArea'],
  ['reasons-by-support-kind', 'reasonsBySupportKind'],
] as const;

interface ReportBodyProps {
  report: FullReport;
  /** the query the report was made with (exports use the same) */
  query: StatisticsApiQuery;
  print?: boolean;
  onChartRendered?(key: StatisticsTable): void;
  onError?(error: unknown): void;
}

const barHeight = (n: number) => Math.max(160, n * 34 + 48);

/** The report's table and charts, each chart with its data table; the same on screen and in print. */
export function ReportBody({ report, query, print = false, onChartRendered, onError }: ReportBodyProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: texts follow the language
  const ctx = useMemo<ChartContext>(
    () => ({ t, print, to: report.filters.to }),
    [t, print, lang, report.filters.to],
  );
  const map = useDistrictMap(report, ctx);
  const f = report.filters;

  const options = useMemo(
    () => ({
      'households-per-month': householdsLineOption(report.householdsPerMonth, ctx),
      'contact-types': barsOption(report.contactTypes, ctx),
      'reasons-by-life-area': barsOption(report.reasonsByLifeArea, ctx),
      'reasons-by-support-kind': barsOption(report.reasonsBySupportKind, ctx),
      'reasons-matrix': heatmapOption(report.reasonsMatrix, ctx),
      'reasons-per-month': reasonsTrendOption(report.reasonsPerMonth, ctx),
    }),
    [report, ctx],
  );
  const tables = useMemo(
    () =>
      Object.fromEntries(reportTables(report, 'page').map((x) => [x.key, x])) as Record<
        StatisticsTable,
        Table
      >,
    [report],
  );

  const section = (id: StatisticsTable) => ({
    id,
    print,
    query,
    onError,
    to: f.to,
    title: t(`statistics.sections.${id}`),
    onRendered: () => onChartRendered?.(id),
  });
  const table = (id: StatisticsTable, wide = false) => (
    <ReportTable table={tables[id]} scroll={wide && !print} nowrap={id.endsWith('per-month')} />
  );

  const partial = partialMonth(f.to, report.reasonsPerMonth.months);
  const partialNote = partial ? (
    <Text size="sm" mb="xs" data-testid="partial-month">
      {t('statistics.notes.partialMonth', { until: partial.until })}
    </Text>
  ) : null;

  const chartNote =
    f.chartCategory === 'refugee'
      ? t('statistics.notes.chartsRefugee')
      : t(`statistics.notes.chartsCategory`, { category: t(`statistics.category.${f.chartCategory}`) });

  return (
    <Stack gap="xl" className="q-report-body">
      <Section
        {...section('sites')}
        note={
          <Text size="sm" mb="xs">
            {t(`statistics.notes.table.${f.category}`)} {t('statistics.notes.openings')}
          </Text>
        }
        table={<ReportTable table={tables.sites} testId="sites-table" />}
      />

      <Text size="sm" fw={700}>
        {chartNote}
      </Text>

      <Section
        {...section('households-per-month')}
        note={partialNote}
        layout="stacked"
        chart={{ option: options['households-per-month'], height: 380 }}
        table={table('households-per-month', true)}
      />

      <Section
        {...section('households-per-district')}
        note={
          map ? (
            <Text size="sm" mb="xs">
              {map.uploaded ? t('statistics.map.uploaded') : t('statistics.map.schematic')}
            </Text>
          ) : null
        }
        chart={map ? { option: map.option, height: map.height } : undefined}
        table={
          <>
            {map ? null : <Loader size="sm" aria-label={t('common.loading')} />}
            {table('households-per-district', true)}
          </>
        }
      />

      {bars.map(([id, field]) => (
        <Section
          key={id}
          {...section(id)}
          chart={{ option: options[id], height: barHeight(report[field].items.length) }}
          table={table(id)}
        />
      ))}

      <Section
        {...section('reasons-matrix')}
        layout="stacked"
        chart={{
          option: options['reasons-matrix'],
          height: Math.max(240, report.reasonsMatrix.lifeAreas.length * 40 + 60),
        }}
        table={table('reasons-matrix', true)}
      />

      <Section
        {...section('reasons-per-month')}
        note={partialNote}
        layout="stacked"
        chart={{ option: options['reasons-per-month'], height: 420 }}
        table={table('reasons-per-month', true)}
      />

      <NetworkSection query={query} print={print} onError={onError} />

      {f.protected ? <ProtectionLegend /> : null}
    </Stack>
  );
}
