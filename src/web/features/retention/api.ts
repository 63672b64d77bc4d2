import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RetentionPreview, RetentionResult, RetentionRule } from '../../../shared/schemas/retention';
import { api } from '../../app/api';

export type RuleRow = RetentionRule & { isDefault: boolean; label: string };

const keys = { rules: ['retention', 'rules'], preview: ['retention', 'preview'] } as const;

export const useRetentionRules = () =>
  useQuery({ queryKey: keys.rules, queryFn: () => api.get<RuleRow[]>('/api/retention/rules') });

export const useRetentionPreview = () =>
  useQuery({ queryKey: keys.preview, queryFn: () => api.get<RetentionPreview>('/api/retention/preview') });

export function useSaveRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: RetentionRule[]) => api.put<RuleRow[]>('/api/retention/rules', rules),
    onSuccess: (rows) => {
      client.setQueryData(keys.rules, rows);
      void client.invalidateQueries({ queryKey: keys.preview });
    },
  });
}

export function useApplyRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RetentionResult>('/api/retention/apply'),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.preview }),
  });
}

export function useAnonymiseHousehold(householdId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<{ caseNumber: string }>(`/api/households/${householdId}/anonymise`, { reason }),
    onSuccess: () => void client.invalidateQueries(),
  });
}
