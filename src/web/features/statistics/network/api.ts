import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NetworkReport } from '../../../../shared/schemas/statistics-network';
import { api } from '../../../app/api';
import { currentLanguage } from '../../../i18n';
import type { StatisticsApiQuery } from '../filters';

/** The report's filters as the network figures take them (they do not split by household category). */
export function networkQuery({ category: _category, ...q }: StatisticsApiQuery): StatisticsApiQuery {
  return q;
}

/** Network and community work for the report's filters (one request, one audit entry per view). */
export function useNetworkReport(q: StatisticsApiQuery) {
  const lang = currentLanguage();
  const query = networkQuery(q);
  return useQuery({
    queryKey: ['statistics', 'network', lang, query] as const,
    queryFn: () => api.get<NetworkReport>('/api/statistics/network', query),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
