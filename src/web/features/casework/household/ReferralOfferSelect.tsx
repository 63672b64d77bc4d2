import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../../shared/schemas/network';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import type { PageOf } from '../../network/api';

interface Props {
  lifeArea: string | null;
  districtCode: string | null;
  value: string | null;
  error?: React.ReactNode;
  onChange(offerId: string | null): void;
}

/** The active offers of the directory for the referral's life area, the household's district first. */
export function ReferralOfferSelect({ lifeArea, districtCode, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const offers = useQuery({
    queryKey: ['network', 'offers', 'forReferral', lifeArea ?? ''],
    queryFn: () =>
      api.get<PageOf<Offer>>('/api/offers', {
        status: 'active',
        lifeArea: lifeArea ?? undefined,
        pageSize: 200,
      }),
    enabled: can('network.read') && !!lifeArea,
  });
  if (!can('network.read')) return null;
  const items = [...(offers.data?.items ?? [])].sort(
    (a, b) => Number(b.districtCode === districtCode) - Number(a.districtCode === districtCode),
  );
  return (
    <QuickSelect
      label={t('casework.referrals.offer')}
      description={lifeArea ? t('casework.referrals.offerHint') : t('casework.referrals.offerNeedsLifeArea')}
      clearable
      disabled={!lifeArea}
      data={items.map((o) => ({ value: o.id, label: `${o.title} – ${o.partnerName}` }))}
      value={value}
      error={error}
      onChange={(v) => onChange(v)}
    />
  );
}
