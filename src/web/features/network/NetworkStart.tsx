import { Anchor, Card, List, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
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
      <LinkListCard
        id="network-start-stale"
        title={t('network.start.staleOffers', { count: stale.data?.total ?? 0 })}
        error={stale.error}
        emptyText={t('network.start.noStale')}
        items={stale.data?.items}
        link={(o) => ({ to: `/network/offers/${o.id}`, text: o.title })}
        detail={(o) => `(${t('network.offers.lastCheckedOn')}: ${formatDate(o.lastCheckedOn)})`}
      >
        {(stale.data?.total ?? 0) > shown ? (
          <Anchor component={Link} to="/network/offers?stale=true" mt="sm" display="block">
            {t('network.start.more')}
          </Anchor>
        ) : null}
      </LinkListCard>
      <LinkListCard
        id="network-start-quiet"
        title={t('network.start.quietPartners', { count: quiet.data?.total ?? 0 })}
        error={quiet.error}
        emptyText={t('network.start.noQuiet')}
        items={quiet.data?.items}
        link={(p) => ({ to: `/network/partners/${p.id}`, text: p.name })}
        detail={(p) => `(${p.lastContactOn ? formatDate(p.lastContactOn) : t('network.partners.never')})`}
      />
    </SimpleGrid>
  );
}

/** One card of the widget: its heading, the records as links with a short detail each, then `children`. */
function LinkListCard<T extends { id: string }>({
  id,
  title,
  error,
  emptyText,
  items,
  link,
  detail,
  children,
}: {
  id: string;
  title: string;
  error: unknown;
  emptyText: string;
  items: T[] | undefined;
  link(item: T): { to: string; text: string };
  detail(item: T): string;
  children?: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      <ErrorAlert error={error} />
      {items?.length === 0 ? <Text>{emptyText}</Text> : null}
      <List spacing={4}>
        {items?.map((item) => (
          <List.Item key={item.id}>
            <Anchor component={Link} to={link(item).to}>
              {link(item).text}
            </Anchor>{' '}
            <Text span size="sm">
              {detail(item)}
            </Text>
          </List.Item>
        ))}
      </List>
      {children}
    </Card>
  );
}
