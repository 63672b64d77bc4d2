import { Button, Grid, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown, FullReport, StatisticsTable } from '../../../shared/schemas/statistics';
import { useReference } from '../../app/queries';
import { currentLanguage } from '../../i18n';
import { downloadExport, saveAs, useDistrictGeo } from './api';
import { Chart } from './charts/Chart';
import type { EChartsCoreOption, EChartsType } from './charts/echarts';
import { registerDistrictMap } from './charts/hexmap';
import {
  barsOption,
  type ChartContext,
  districtMapOption,
  heatmapOption,
  householdsLineOption,
  reasonsTrendOption,
} from './charts/options';
import type { StatisticsApiQuery } from './filters';
import { displayCount, monthLong, periodText } from './format';
import { type StatRow, StatTable } from './StatTable';

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

interface ReportBodyProps {
  report: FullReport;
  /** the query the report was made with (exports use the same) */
  query: StatisticsApiQuery;
  print?: boolean;
  onChartRendered?(key: StatisticsTable): void;
  onError?(error: unknown): void;
}

interface SectionProps {
  id: StatisticsTable;
  /** side: the table beside the chart on wide screens; stacked: the chart above its (wide) table */
  layout?: 'side' | 'stacked';
  title: string;
  note?: ReactNode;
  chart?: { option: EChartsCoreOption; height: number };
  table: ReactNode;
  print: boolean;
  query: StatisticsApiQuery;
  /** the report's last day, for file names */
  to: string;
  onRendered?(): void;
  onError?(error: unknown): void;
}

function Section({
  id,
  layout = 'side',
  title,
  note,
  chart,
  table,
  print,
  query,
  to,
  onRendered,
  onError,
}: SectionProps) {
  // on paper (A4 landscape) a breakdown's chart and table fit side by side too
  const span =
    layout === 'stacked'
      ? [12, 12]
      : print
        ? [7, 5]
        : [
            { base: 12, lg: 7 },
            { base: 12, lg: 5 },
          ];
  const { t } = useTranslation();
  const instance = useRef<EChartsType | null>(null);
  const headingId = `statistics-${id}`;
  const stem = `quartier-${id}-${to}`;

  const png = () => {
    const url = instance.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) saveAs(url, `${stem}.png`);
  };
  const csv = () =>
    downloadExport('/api/statistics/export.csv', { ...query, table: id }, `${stem}.csv`).catch(onError);

  return (
    <section className="q-report-section" aria-labelledby={headingId} data-section={id}>
      <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {print ? null : (
          <Group gap="xs" className="q-no-print">
            {chart ? (
              <Button
                size="xs"
                variant="default"
                onClick={png}
                aria-label={t('statistics.export.pngOf', { title })}
              >
                {t('statistics.export.png')}
              </Button>
            ) : null}
            <Button
              size="xs"
              variant="default"
              onClick={csv}
              aria-label={t('statistics.export.csvOf', { title })}
            >
              {t('statistics.export.csvShort')}
            </Button>
          </Group>
        )}
      </Group>
      {note}
      {chart ? (
        <Grid gap="md" align="flex-start">
          <Grid.Col span={span[0]}>
            <Chart
              option={chart.option}
              height={chart.height}
              label={t('statistics.chartLabel', { title })}
              renderer={print ? 'svg' : 'canvas'}
              onInstance={(c) => {
                instance.current = c;
              }}
              onRendered={onRendered}
            />
          </Grid.Col>
          <Grid.Col span={span[1]}>{table}</Grid.Col>
        </Grid>
      ) : (
        table
      )}
    </section>
  );
}

function breakdownRows(t: TFunction, b: Breakdown, unknownLabel?: string): StatRow[] {
  return [
    ...b.items.map((i) => ({
      key: i.code ?? '-',
      label: i.code === null && unknownLabel ? unknownLabel : i.label,
      cells: [displayCount(t, i, 'count', i.count)],
    })),
    {
      key: 'total',
      label: t('statistics.total'),
      cells: [displayCount(t, b.total, 'count', b.total.count)],
      total: true,
    },
  ];
}

const barHeight = (n: number) => Math.max(160, n * 34 + 48);

/** The households-per-district map: the uploaded boundaries, or a schematic map of the districts. */
function useDistrictMap(report: FullReport, ctx: ChartContext) {
  const districts = useReference('districts');
  const geo = useDistrictGeo();
  const ready = (districts.isSuccess || districts.isError) && (geo.isSuccess || geo.isError);
  const option = useMemo(() => {
    if (!ready) return null;
    const data = report.householdsPerDistrict;
    const labels = new Map<string, string>();
    for (const d of districts.data ?? []) labels.set(d.code, d.label);
    for (const i of data.items) if (i.code) labels.set(i.code, i.label);
    const active = (districts.data ?? []).filter((d) => d.active).map((d) => d.code);
    const counted = data.items.flatMap((i) => (i.code && !active.includes(i.code) ? [i.code] : []));
    const map = registerDistrictMap(geo.data ?? null, [...active, ...counted]);
    return {
      uploaded: map.uploaded,
      option: districtMapOption(data, map, labels, ctx),
      height: map.uploaded ? 460 : Math.max(320, Math.ceil(map.codes.length / 4) * 125 + 60),
    };
  }, [ready, districts.data, geo.data, report, ctx]);
  return option;
}

/** The report's table and charts, each chart with its data table; the same on screen and in print. */
export function ReportBody({ report, query, print = false, onChartRendered, onError }: ReportBodyProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: texts follow the language
  const ctx = useMemo<ChartContext>(() => ({ t, print }), [t, print, lang]);
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

  const common = { print, query, onError, to: report.filters.to };
  const rendered = (key: StatisticsTable) => () => onChartRendered?.(key);
  const title = (key: StatisticsTable) => t(`statistics.sections.${key}`);
  const caption = (key: StatisticsTable) => t('statistics.tableCaption', { title: title(key) });

  const sites = report.sites;
  const siteRows: StatRow[] = [
    ...sites.rows.map((r) => ({
      key: r.siteId,
      label: r.siteName,
      cells: [
        periodText(t, r.from, r.to),
        displayCount(t, r, 'households', r.households),
        displayCount(t, r, 'persons', r.persons),
        displayCount(t, r, 'contacts', r.contacts),
      ],
    })),
    {
      key: 'total',
      label: t('statistics.total'),
      cells: [
        '',
        displayCount(t, sites.total, 'households', sites.total.households),
        displayCount(t, sites.total, 'persons', sites.total.persons),
        displayCount(t, sites.total, 'contacts', sites.total.contacts),
      ],
      total: true,
    },
  ];

  const hpm = report.householdsPerMonth;
  const monthRows: StatRow[] = hpm.months.map((m) => ({
    key: m,
    label: monthLong(m),
    cells: hpm.series.map((s) => {
      const p = s.points.find((x) => x.month === m);
      return p ? displayCount(t, p, 'cumulative', p.cumulative) : '';
    }),
  }));

  const matrix = report.reasonsMatrix;
  const cell = new Map(matrix.cells.map((c) => [`${c.lifeArea}|${c.supportKind}`, c]));
  const matrixRows: StatRow[] = [
    ...matrix.lifeAreas.map((la) => ({
      key: la.code ?? '-',
      label: la.label,
      cells: [
        ...matrix.supportKinds.map((sk) => {
          const c = cell.get(`${la.code}|${sk.code}`);
          return displayCount(t, c, 'count', c?.count ?? 0);
        }),
        displayCount(t, la, 'count', la.count),
      ],
    })),
    {
      key: 'total',
      label: t('statistics.total'),
      cells: [
        ...matrix.supportKinds.map((sk) => displayCount(t, sk, 'count', sk.count)),
        displayCount(t, matrix.total, 'count', matrix.total.count),
      ],
      total: true,
    },
  ];

  const rpm = report.reasonsPerMonth;
  const trendRows: StatRow[] = rpm.months.map((m, i) => ({
    key: m,
    label: monthLong(m),
    cells: rpm.series.map((s) => displayCount(t, s.points[i], 'count', s.points[i]?.count)),
  }));

  const chartNote =
    f.chartCategory === 'refugee'
      ? t('statistics.notes.chartsRefugee')
      : t(`statistics.notes.chartsCategory`, { category: t(`statistics.category.${f.chartCategory}`) });

  return (
    <Stack gap="xl" className="q-report-body">
      <Section
        {...common}
        id="sites"
        title={title('sites')}
        note={
          <Text size="sm" mb="xs">
            {t(`statistics.notes.table.${f.category}`)} {t('statistics.notes.openings')}
          </Text>
        }
        table={
          <StatTable
            caption={caption('sites')}
            columns={[
              t('statistics.columns.site'),
              t('statistics.columns.period'),
              t('statistics.columns.households'),
              t('statistics.columns.persons'),
              t('statistics.columns.contacts'),
            ]}
            textColumns={1}
            rows={siteRows}
            testId="sites-table"
          />
        }
      />

      <Text size="sm" fw={700}>
        {chartNote}
      </Text>

      <Section
        {...common}
        id="households-per-month"
        layout="stacked"
        title={title('households-per-month')}
        chart={{ option: options['households-per-month'], height: 380 }}
        onRendered={rendered('households-per-month')}
        table={
          <StatTable
            caption={caption('households-per-month')}
            columns={[t('statistics.columns.month'), ...hpm.series.map((s) => s.siteName)]}
            rows={monthRows}
            scroll={!print}
            nowrap
          />
        }
      />

      <Section
        {...common}
        id="households-per-district"
        title={title('households-per-district')}
        note={
          map ? (
            <Text size="sm" mb="xs">
              {map.uploaded ? t('statistics.map.uploaded') : t('statistics.map.schematic')}
            </Text>
          ) : null
        }
        chart={map ? { option: map.option, height: map.height } : undefined}
        onRendered={rendered('households-per-district')}
        table={
          <>
            {map ? null : <Loader size="sm" aria-label={t('common.loading')} />}
            <StatTable
              caption={caption('households-per-district')}
              columns={[t('statistics.columns.district'), t('statistics.columns.households')]}
              rows={breakdownRows(t, report.householdsPerDistrict, t('statistics.noDistrict'))}
              scroll={!print}
            />
          </>
        }
      />

      <Section
        {...common}
        id="contact-types"
        title={title('contact-types')}
        chart={{ option: options['contact-types'], height: barHeight(report.contactTypes.items.length) }}
        onRendered={rendered('contact-types')}
        table={
          <StatTable
            caption={caption('contact-types')}
            columns={[t('statistics.columns.contactType'), t('statistics.columns.contacts')]}
            rows={breakdownRows(t, report.contactTypes)}
          />
        }
      />

      <Section
        {...common}
        id="reasons-by-life-area"
        title={title('reasons-by-life-area')}
        chart={{
          option: options['reasons-by-life-area'],
          height: barHeight(report.reasonsByLifeArea.items.length),
        }}
        onRendered={rendered('reasons-by-life-area')}
        table={
          <StatTable
            caption={caption('reasons-by-life-area')}
            columns={[t('statistics.columns.lifeArea'), t('statistics.columns.reasons')]}
            rows={breakdownRows(t, report.reasonsByLifeArea)}
          />
        }
      />

      <Section
        {...common}
        id="reasons-by-support-kind"
        title={title('reasons-by-support-kind')}
        chart={{
          option: options['reasons-by-support-kind'],
          height: barHeight(report.reasonsBySupportKind.items.length),
        }}
        onRendered={rendered('reasons-by-support-kind')}
        table={
          <StatTable
            caption={caption('reasons-by-support-kind')}
            columns={[t('statistics.columns.supportKind'), t('statistics.columns.reasons')]}
            rows={breakdownRows(t, report.reasonsBySupportKind)}
          />
        }
      />

      <Section
        {...common}
        id="reasons-matrix"
        layout="stacked"
        title={title('reasons-matrix')}
        chart={{
          option: options['reasons-matrix'],
          height: Math.max(240, matrix.lifeAreas.length * 40 + 60),
        }}
        onRendered={rendered('reasons-matrix')}
        table={
          <StatTable
            caption={caption('reasons-matrix')}
            columns={[
              t('statistics.columns.lifeArea'),
              ...matrix.supportKinds.map((s) => s.label),
              t('statistics.total'),
            ]}
            rows={matrixRows}
            scroll={!print}
          />
        }
      />

      <Section
        {...common}
        id="reasons-per-month"
        layout="stacked"
        title={title('reasons-per-month')}
        chart={{ option: options['reasons-per-month'], height: 420 }}
        onRendered={rendered('reasons-per-month')}
        table={
          <StatTable
            caption={caption('reasons-per-month')}
            columns={[t('statistics.columns.month'), ...rpm.series.map((s) => s.label)]}
            rows={trendRows}
            scroll={!print}
            nowrap
          />
        }
      />

      {f.protected ? <ProtectionLegend /> : null}
    </Stack>
  );
}

/** What "< 3" and "x" mean. */
export function ProtectionLegend() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="statistics-protection" className="q-report-section">
      <Title order={2} size="h4" id="statistics-protection">
        {t('statistics.protection.title')}
      </Title>
      <List size="sm" mt="xs">
        <List.Item>{t('statistics.protection.small')}</List.Item>
        <List.Item>{t('statistics.protection.secondary')}</List.Item>
      </List>
    </section>
  );
}
