import { Anchor, Button, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';
import { useRefOptions, useSiteChoices } from '../casework/options';
import { type Offer, type Partner, useOfferList, usePartner, usePartnerContacts } from './api';
import { LoadState } from './LoadState';
import { OfferStatusBadge } from './OfferBadges';
import { PartnerContactForm } from './PartnerContactForm';

/** One partner: its details and contact persons, the contact history (with a form), its offers. */
export function PartnerPage() {
  const { id = '' } = useParams();
  const partner = usePartner(id);
  if (!partner.data) return <LoadState error={partner.error} />;
  return <PartnerView partner={partner.data} />;
}

function PartnerView({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const can = useCan();
  const districts = useRefOptions('districts');
  const sites = useSiteChoices();
  const history = usePartnerContacts(partner.id);
  const offers = useOfferList({ partnerId: partner.id, pageSize: 200 });

  const offerColumns: Column<Offer>[] = [
    {
      key: 'title',
      header: t('network.offers.titleField'),
      render: (o) => (
        <Anchor component={Link} to={`/network/offers/${o.id}`}>
          {o.title}
        </Anchor>
      ),
    },
    { key: 'district', header: t('network.district'), render: (o) => districts.label(o.districtCode) },
    { key: 'status', header: t('network.offers.status'), render: (o) => <OfferStatusBadge offer={o} /> },
  ];

  return (
    <Page
      title={partner.name}
      actions={
        can('network.write') ? (
          <Button component={Link} to={`/network/partners/${partner.id}/edit`} variant="default">
            {t('network.edit')}
          </Button>
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="partner-details">
          <Title order={2} size="h3" id="partner-details" mb="sm">
            {t('network.partners.details')}
          </Title>
          <Table variant="vertical" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('network.partners.kind')}</Table.Th>
                <Table.Td>{t(`network.partnerKinds.${partner.kind}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('network.partners.site')}</Table.Th>
                <Table.Td>{sites.name(partner.siteId)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('network.partners.districts')}</Table.Th>
                <Table.Td>{partner.districtCodes.map((c) => districts.label(c)).join(', ') || '–'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('network.partners.tags')}</Table.Th>
                <Table.Td>{partner.tags.join(', ') || '–'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('network.partners.note')}</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{partner.note || '–'}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder component="section" aria-labelledby="partner-persons">
          <Title order={2} size="h3" id="partner-persons" mb="sm">
            {t('network.partners.contactPersons')}
          </Title>
          {partner.contactPersons.length === 0 ? (
            <Text>{t('network.partners.noContactPersons')}</Text>
          ) : (
            <List listStyleType="none" spacing="sm">
              {partner.contactPersons.map((c) => (
                <List.Item key={`${c.name}|${c.email ?? ''}|${c.phone ?? ''}`}>
                  <Text fw={700}>{c.name}</Text>
                  {c.function ? <Text size="sm">{c.function}</Text> : null}
                  {c.phone ? <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor> : null}
                  {c.phone && c.email ? ' · ' : null}
                  {c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : null}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>

      <Stack component="section" aria-labelledby="partner-history">
        <Title order={2} id="partner-history">
          {t('network.history.title')}
        </Title>
        <DataTable
          label={t('network.history.tableLabel')}
          rows={history.data}
          rowKey={(c) => c.id}
          loading={history.isFetching}
          columns={[
            { key: 'date', header: t('network.history.date'), render: (c) => formatDate(c.date) },
            {
              key: 'kind',
              header: t('network.history.kind'),
              render: (c) => t(`network.contactKinds.${c.kind}`),
            },
            { key: 'note', header: t('network.history.note'), render: (c) => c.note ?? '' },
            { key: 'staff', header: t('network.history.staff'), render: (c) => c.staffName ?? '' },
          ]}
        />
        {can('network.write') ? <PartnerContactForm partnerId={partner.id} /> : null}
      </Stack>

      <Stack component="section" aria-labelledby="partner-offers">
        <Title order={2} id="partner-offers">
          {t('network.partners.offersOf')}
        </Title>
        {can('network.write') ? (
          <div>
            <Button component={Link} to={`/network/offers/new?partnerId=${partner.id}`} variant="default">
              {t('network.offers.create')}
            </Button>
          </div>
        ) : null}
        <DataTable
          label={t('network.partners.offersOf')}
          columns={offerColumns}
          rows={offers.data?.items}
          rowKey={(o) => o.id}
          loading={offers.isFetching}
        />
      </Stack>
    </Page>
  );
}
