import { request } from '../../app/api';
import { useMeta } from '../../app/queries';
import { useCan, useUser } from '../../app/session';

/** The kinds of household records that can be corrected or deleted, and their path under the household. */
export const recordPaths = {
  contact: 'contacts',
  need: 'needs',
  referral: 'referrals',
  appointment: 'appointments',
  consent: 'consents',
  person: 'members',
} as const;
export type RecordKind = keyof typeof recordPaths;

export function recordUrl(householdId: string, kind: RecordKind, id: string): string {
  return `/api/households/${householdId}/${recordPaths[kind]}/${id}`;
}

/** `DELETE …/:subId {reason}` → 204 */
export function removeRecord(householdId: string, kind: RecordKind, id: string, reason: string) {
  return request<void>('DELETE', recordUrl(householdId, kind, id), { reason });
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Whether the user may correct or delete a record: the site lead (`household.correct`) always, its author
 * within the correction window the server names in /api/meta. The server decides again (403 otherwise).
 */
export function useMayCorrect(): (
  authorId: string | null | undefined,
  createdAt: string | undefined,
) => boolean {
  const can = useCan();
  const user = useUser();
  const days = useMeta().data?.correctionDays ?? 0;
  return (authorId, createdAt) => {
    if (can('household.correct')) return true;
    if (!can('household.write') || !authorId || authorId !== user.id || !createdAt) return false;
    return Date.now() - Date.parse(createdAt) <= days * dayMs;
  };
}
