import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Offer } from './api';

/** Dark shades only: white text on them keeps AA contrast. */
const colors = { active: 'teal.9', paused: '#8f5b00', ended: 'gray.7' } as const;

/** The offer's status, and "Prüfung fällig" when it has not been checked for the review period. */
export function OfferStatusBadge({ offer }: { offer: Pick<Offer, 'status' | 'stale'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={colors[offer.status]} variant="filled" style={{ minWidth: 'max-content' }}>
        {t(`network.offerStatus.${offer.status}`)}
      </Badge>
      {offer.stale ? (
        <Badge color="red.9" variant="filled" style={{ minWidth: 'max-content' }}>
          {t('network.offers.stale')}
        </Badge>
      ) : null}
    </Group>
  );
}
