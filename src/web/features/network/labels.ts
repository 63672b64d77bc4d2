import { useTranslation } from 'react-i18next';
import {
  offerStatuses,
  offerTargetGroups,
  partnerContactKinds,
  partnerKinds,
} from '../../../shared/schemas/network';

/** Select options of the fixed lists of network work, in the UI language. */
export function useNetworkOptions() {
  const { t } = useTranslation();
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`network.${prefix}.${value}`) }));
  return {
    kinds: options(partnerKinds, 'partnerKinds'),
    contactKinds: options(partnerContactKinds, 'contactKinds'),
    targetGroups: options(offerTargetGroups, 'targetGroups'),
    statuses: options(offerStatuses, 'offerStatus'),
  };
}
