import { Button, Grid, Group, Title } from '@mantine/core';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTableKey } from '../../../shared/schemas/statistics';
import { downloadExport, saveAs } from './api';
import { Chart } from './charts/Chart';
import type { EChartsCoreOption, EChartsType } from './charts/echarts';
import type { StatisticsApiQuery } from './filters';

export interface SectionProps {
  id: ReportTableKey;
  /** the heading's level: 2 on the report, 3 inside a part of it (network and community work) */
  heading?: 2 | 3;
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

/** One part of the report: heading, CSV/PNG buttons, the chart and its data table. */
export function Section({
  id,
  layout = 'side',
  heading = 2,
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
        <Title order={heading} size={heading === 2 ? 'h3' : 'h4'} id={headingId}>
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
