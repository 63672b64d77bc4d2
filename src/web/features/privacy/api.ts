import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmergencyGrant, EmergencyGrantReport } from '../../../shared/schemas/emergency-access';
import type { AccessReport, SubjectLookupResult } from '../../../shared/schemas/export';
import { api, withQuery } from '../../app/api';

export type MyGrant = EmergencyGrant & { caseNumber: string };

const keys = {
  mine: ['emergency-access', 'mine'],
  grants: ['emergency-access', 'all'],
  report: (id: string, page: number) => ['access-report', id, page],
  lookup: (caseNumber: string) => ['subject-access', 'lookup', caseNumber],
} as const;

/** The download address of a person's export; a plain link: the session cookie goes along. */
export const exportUrl = (personId: string, format: 'pdf' | 'json') =>
  `/api/persons/${personId}/export?format=${format}`;

export const useMyEmergencyGrants = (enabled: boolean) =>
  useQuery({ queryKey: keys.mine, queryFn: () => api.get<MyGrant[]>('/api/emergency-access/mine'), enabled });

export const useEmergencyGrants = () =>
  useQuery({
    queryKey: keys.grants,
    queryFn: () => api.get<EmergencyGrantReport[]>('/api/emergency-access'),
  });

export const useAccessReport = (householdId: string, page: number, pageSize: number) =>
  useQuery({
    queryKey: keys.report(householdId, page),
    queryFn: () =>
      api.get<AccessReport>(withQuery(`/api/households/${householdId}/access-report`, { page, pageSize })),
  });

export const useSubjectLookup = (caseNumber: string) =>
  useQuery({
    queryKey: keys.lookup(caseNumber),
    queryFn: () => api.get<SubjectLookupResult>(withQuery('/api/subject-access/lookup', { caseNumber })),
    enabled: caseNumber.length > 0,
    retry: false,
  });

/** Break the glass, by household id (the household's page) or by case number (the form). */
export function useGrantEmergency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      householdId,
      caseNumber,
      reason,
    }: {
      householdId?: string;
      caseNumber?: string;
      reason: string;
    }) =>
      householdId
        ? api.post<EmergencyGrant>(`/api/households/${householdId}/emergency-access`, { reason })
        : api.post<EmergencyGrant>('/api/emergency-access', { caseNumber, reason }),
    onSuccess: () => void client.invalidateQueries(),
  });
}

/** "HH:MM" of an instant in Berlin time. */
export function clockTime(instant: string) {
  return new Intl.DateTimeFormat('de-DE', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  }).format(new Date(instant));
}
