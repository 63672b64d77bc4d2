import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import type { Meta } from '../../shared/schemas/auth';
import type { ReferenceList, ReferenceValue } from '../../shared/schemas/reference';
import type { Site } from '../../shared/schemas/sites';
import { api, type Query } from './api';

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

/** One page of a list as the API answers it. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A page of a list; the previous page stays shown while the next one loads. */
export function usePagedQuery<T>(queryKey: QueryKey, path: string, params: Query) {
  return useQuery({
    queryKey,
    queryFn: () => api.get<Paged<T>>(path, params),
    placeholderData: keepPreviousData,
  });
}

/** One record by its id (`path(id)`); nothing is fetched until there is an id. */
export function useRecordQuery<T>(queryKey: QueryKey, id: string | undefined, path: (id: string) => string) {
  return useQuery({
    queryKey,
    queryFn: () => api.get<T>(path(id ?? '')),
    enabled: !!id,
  });
}
