import { Anchor, Button, Card, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';
import { languageLabel, useRefOptions } from '../casework/options';
import { type OfferDetail, useOffer } from './api';
import { LoadState } from './LoadState';
import { OfferStatusBadge } from './OfferBadges';
import { useMarkChecked } from './useMarkChecked';

/** One offer: where, when, for whom, in which languages; and how often case work referred to it. */
export function OfferPage() {
  const { id = '' } = useParams();
  const offer = useOffer(id);
  if (!offer.data) return <LoadState error={offer.error} />;
  return <OfferView offer={offer.data} />;
}

function OfferView({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const districts = useRefOptions('districts');
  const lifeAreas = useRefOptions('life-areas');
  const markChecked = useMarkChecked();
  const yesNo = (v: boolean) => (v ? t('network.yes') : t('network.no'));
  const rows: [string, ReactNode][] = [
    [
      t('network.offers.partner'),
      <Anchor key="p" component={Link} to={`/network/partners/${offer.partnerId}`}>
        {offer.partnerName}
      </Anchor>,
    ],
    [t('network.offers.status'), <OfferStatusBadge key="s" offer={offer} />],
    [t('network.offers.lifeAreas'), offer.lifeAreas.map((c) => lifeAreas.label(c)).join(', ')],
    [
      t('network.offers.targetGroups'),
      offer.targetGroups.map((g) => t(`network.targetGroups.${g}`)).join(', '),
    ],
    [t('network.offers.languages'), offer.languages.map(languageLabel).join(', ') || '–'],
    [t('network.district'), districts.label(offer.districtCode)],
    [t('network.offers.address'), offer.address || '–'],
    [
      t('network.offers.schedule'),
      offer.appointmentOnly ? t('network.offers.appointmentOnly') : (offer.openingHours ?? '–'),
    ],
    [t('network.offers.cost'), offer.free ? t('network.offers.free') : t('network.offers.fee')],
    [t('network.offers.accessible'), yesNo(offer.accessible)],
    [t('network.offers.lastCheckedOn'), formatDate(offer.lastCheckedOn)],
    [t('network.offers.referralCount'), offer.referralCount],
  ];
  return (
    <Page
      title={offer.title}
      actions={
        can('network.write') ? (
          <Group>
            <Button
              variant="default"
              loading={markChecked.isPending}
              onClick={() => markChecked.mutate(offer.id)}
            >
              {t('network.offers.markChecked')}
            </Button>
            <Button component={Link} to={`/network/offers/${offer.id}/edit`} variant="default">
              {t('network.edit')}
            </Button>
          </Group>
        ) : null
      }
    >
      <ErrorAlert error={markChecked.error} />
      <Card withBorder maw={880}>
        <Table variant="vertical" withRowBorders={false} aria-label={t('network.offers.details')}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={260}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {offer.description ? (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {offer.description}
          </Text>
        ) : null}
      </Card>
    </Page>
  );
}
