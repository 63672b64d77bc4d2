import { Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkStatisticsTable } from '../../../../shared/schemas/statistics-network';
import { networkTables } from '../../../../shared/statistics-network-tables';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { StatisticsApiQuery } from '../filters';
import { ReportTable } from '../ReportTable';
import { Section } from '../Section';
import { useNetworkReport } from './api';

/** tables wide enough to scroll sideways on narrow screens */
const wide: readonly NetworkStatisticsTable[] = ['events-by-type', 'events-by-district', 'mediator-bookings'];

interface NetworkSectionProps {
  /** the report's query: the same period, sites and protection */
  query: StatisticsApiQuery;
  print?: boolean;
  onError?(error: unknown): void;
}

/**
 * "Netzwerk- und Gemeinwesenarbeit": events, volunteers, language mediation, referrals to offers and the
 * gaps of the network survey, each a table of shared/statistics-network-tables.ts (as in the exports).
 */
export function NetworkSection({ query, print = false, onError }: NetworkSectionProps) {
  const { t } = useTranslation();
  const report = useNetworkReport(query);
  const tables = useMemo(() => (report.data ? networkTables(report.data) : []), [report.data]);

  return (
    <section className="q-report-network" aria-labelledby="statistics-network" data-section="network">
      <Title order={2} id="statistics-network" mb="xs">
        {t('statistics.network.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('statistics.network.intro')}
      </Text>
      <ErrorAlert error={report.error} title={t('statistics.network.failed')} />
      {report.data ? (
        <Stack gap="xl" aria-busy={report.isFetching || undefined}>
          {tables.map((table) => {
            const id = table.key as NetworkStatisticsTable;
            const gaps = id === 'network-gaps';
            return (
              <Section
                key={id}
                id={id}
                heading={3}
                title={t(table.title)}
                print={print}
                query={query}
                to={report.data.filters.to}
                onError={onError}
                note={
                  gaps ? (
                    <Text size="sm" mb="xs">
                      {t('statistics.network.gapsNote')}
                    </Text>
                  ) : null
                }
                table={
                  gaps && table.rows.length === 0 ? (
                    <Text size="sm">{t('statistics.network.noGaps')}</Text>
                  ) : (
                    <ReportTable table={table} scroll={wide.includes(id) && !print} />
                  )
                }
              />
            );
          })}
        </Stack>
      ) : report.isLoading ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : null}
    </section>
  );
}
