import { cityWideRoles } from '../../../shared/permissions';
import { useSites } from '../../app/queries';
import { useUser } from '../../app/session';

/** The sites whose events the user works with: their own, or all for central (no sites of their own). */
export function useEventSites() {
  const user = useUser();
  const query = useSites();
  const all = query.data ?? [];
  const mine = cityWideRoles.includes(user.role)
    ? all.filter((s) => !s.closedOn)
    : all.filter((s) => user.siteIds.includes(s.id));
  return {
    query,
    options: mine.map((s) => ({ value: s.id, label: s.name })),
    name: (id: string | null | undefined) => (id ? (all.find((s) => s.id === id)?.name ?? '') : ''),
  };
}
