import { useTranslation } from 'react-i18next';
import { roles } from '../../../shared/permissions';
import { useSites } from '../../app/queries';

export function useRoleOptions() {
  const { t } = useTranslation();
  return roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

export function useSiteOptions() {
  const sites = useSites();
  return {
    query: sites,
    options: (sites.data ?? []).map((s) => ({ value: s.id, label: `${s.code} – ${s.name}` })),
    codeOf: (id: string) => sites.data?.find((s) => s.id === id)?.code ?? id,
  };
}
