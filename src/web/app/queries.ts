import { useQuery } from '@tanstack/react-query';
import type { Meta } from '../../shared/schemas/auth';
import type { ReferenceList, ReferenceValue } from '../../shared/schemas/reference';
import type { Site } from '../../shared/schemas/sites';
import { api } from './api';

export const queryKeys = {
  meta: ['meta'] as const,
  sites: ['sites'] as const,
  reference: (list: ReferenceList) => ['reference', list] as const,
  users: ['users'] as const,
  audit: ['audit'] as const,
};

export function useMeta() {
  return useQuery({
    queryKey: queryKeys.meta,
    queryFn: () => api.get<Meta>('/api/meta'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSites() {
  return useQuery({ queryKey: queryKeys.sites, queryFn: () => api.get<Site[]>('/api/sites') });
}

export function useReference(list: ReferenceList) {
  return useQuery({
    queryKey: queryKeys.reference(list),
    queryFn: () => api.get<ReferenceValue[]>(`/api/reference/${list}`),
  });
}
