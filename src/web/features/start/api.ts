import { useQuery } from '@tanstack/react-query';
import type { IdleVolunteers } from '../../../shared/schemas/myday';
import type { User } from '../../../shared/schemas/users';
import { api } from '../../app/api';

interface UserPage {
  items: User[];
  total: number;
}

/** Active volunteers of my sites without a current assignment (the coordinator's start page). */
export function useIdleVolunteers(enabled: boolean) {
  return useQuery({
    queryKey: ['volunteers', 'idle'],
    queryFn: () => api.get<IdleVolunteers>('/api/start/idle-volunteers'),
    enabled,
  });
}

/** The administration's overview: deactivated accounts, and accounts that never signed in. */
export function useAccountsOverview(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'overview'],
    queryFn: async () => {
      const [inactive, active] = await Promise.all([
        api.get<UserPage>('/api/users', { active: 'false', pageSize: 5, sort: 'displayName' }),
        api.get<UserPage>('/api/users', { active: 'true', pageSize: 200 }),
      ]);
      const never = active.items.filter((u) => u.lastLoginAt === null);
      return { inactive, never, neverTotal: never.length };
    },
    enabled,
  });
}
