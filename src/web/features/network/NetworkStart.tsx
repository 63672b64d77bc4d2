import { Anchor, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addMonths, todayBerlin } from '../../../shared/dates';
import { useUser } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { useOfferList, usePartnerList } from './api';

const shown = 8;

/**
 * Start-page widget of network work: offers due for review, and the own sites' partners without a
 * contact for six months. For the lead to place on the networkWorker's start page.
 */
export function NetworkStart() {
  const { t } = useTranslation();
  const user = useUser();
  const stale = useOfferList({ stale: 'true', status: 'active', sort: 'lastCheckedOn', pageSize: shown });
  const since = addMonths(todayBerlin(), -6);
  // one list per own site would be many requests; the first site covers the usual single-site worker
  const quiet = usePartnerList({
    noContactSince: since,
    siteId: user.siteIds.length === 1 ? user.siteIds[0] : undefined,
    sort: 'lastContactOn',
    pageSize: shown,
  });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder component="section" aria-labelledby="network-start-stale">
        <Title order={2} size="h3" id="network-start-stale" mb="sm">
          {t('network.start.staleOffers', { count: stale.data?.total ?? 0 })}
        </Title>
        <ErrorAlert error={stale.error} />
        {stale.data?.items.length === 0 ? <Text>{t('network.start.noStale')}</Text> : null}
        <List spacing={4}>
          {stale.data?.items.map((o) => (
            <List.Item key={o.id}>
              <Anchor component={Link} to={`/network/offers/${o.id}`}>
                {o.title}
              </Anchor>{' '}
              <Text span size="sm">
                ({t('network.offers.lastCheckedOn')}: {formatDate(o.lastCheckedOn)})
              </Text>
            </List.Item>
          ))}
        </List>
        {(stale.data?.total ?? 0) > shown ? (
          <Anchor component={Link} to="/network/offers?stale=true" mt="sm" display="block">
            {t('network.start.more')}
          </Anchor>
        ) : null}
      </Card>
      <Card withBorder component="section" aria-labelledby="network-start-quiet">
        <Title order={2} size="h3" id="network-start-quiet" mb="sm">
          {t('network.start.quietPartners', { count: quiet.data?.total ?? 0 })}
        </Title>
        <ErrorAlert error={quiet.error} />
        {quiet.data?.items.length === 0 ? <Text>{t('network.start.noQuiet')}</Text> : null}
        <List spacing={4}>
          {quiet.data?.items.map((p) => (
            <List.Item key={p.id}>
              <Anchor component={Link} to={`/network/partners/${p.id}`}>
                {p.name}
              </Anchor>{' '}
              <Text span size="sm">
                ({p.lastContactOn ? formatDate(p.lastContactOn) : t('network.partners.never')})
              </Text>
            </List.Item>
          ))}
        </List>
      </Card>
    </SimpleGrid>
  );
}
