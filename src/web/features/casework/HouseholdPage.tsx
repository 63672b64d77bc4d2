import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';
import { RestrictionAction, RestrictionBanner } from '../corrections/Restriction';
import { EmergencyRequest } from '../privacy/EmergencyRequest';
import { EmergencyBanner, HouseholdPrivacyActions } from '../privacy/HouseholdPrivacy';
import { AnonymiseHousehold } from '../retention/AnonymiseHousehold';
import { type Household, useHousehold } from './api';
import { HouseholdStatusBadge } from './components/HouseholdStatusBadge';
import { AppointmentsTab } from './household/AppointmentsTab';
import { CasePlansTab } from './household/CasePlansTab';
import { ConsentsTab } from './household/ConsentsTab';
import { ContactsTab } from './household/ContactsTab';
import { FollowUpsTab } from './household/FollowUpsTab';
import { HouseholdEditModal } from './household/HouseholdEditModal';
import { MembersTab } from './household/MembersTab';
import { NeedsTab } from './household/NeedsTab';
import { ReferralsTab } from './household/ReferralsTab';
import { TransferTab } from './household/TransferTab';
import { languageLabel, useRefOptions, useSiteChoices } from './options';

export const householdTabs = [
  'members',
  'contacts',
  'needs',
  'referrals',
  'consents',
  'followups',
  'appointments',
  'transfer',
  'caseplans',
] as const;
export type HouseholdTab = (typeof householdTabs)[number];

const panels: Record<HouseholdTab, (props: { household: Household }) => ReactNode> = {
  members: MembersTab,
  contacts: ContactsTab,
  needs: NeedsTab,
  referrals: ReferralsTab,
  consents: ConsentsTab,
  followups: FollowUpsTab,
  appointments: AppointmentsTab,
  transfer: TransferTab,
  caseplans: CasePlansTab,
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={700} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children || '–'}
      </Text>
    </div>
  );
}

function Summary({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const [editing, edit] = useDisclosure(false);
  const sites = useSiteChoices();
  const categories = useRefOptions('household-categories');
  const districts = useRefOptions('districts');
  const subdistricts = useRefOptions('subdistricts');
  const a = household.address;
  const address = [a.street, [a.postcode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={t('casework.household.summary')}>
      <Stack gap="sm">
        <Group gap="xs">
          <HouseholdStatusBadge status={household.status} />
          <Badge variant="outline" color="blue.9" style={{ minWidth: 'max-content' }}>
            {categories.label(household.category)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0} spacing="sm">
          <Fact label={t('casework.household.site')}>{sites.name(household.siteId)}</Fact>
          <Fact label={t('casework.household.registeredOn')}>{formatDate(household.registeredOn)}</Fact>
          <Fact label={t('casework.household.address')}>{address}</Fact>
          <Fact label={t('casework.household.district')}>
            {[districts.label(household.districtCode), subdistricts.label(a.subdistrictCode)]
              .filter(Boolean)
              .join(' / ')}
          </Fact>
          <Fact label={t('casework.household.movedInOn')}>{formatDate(household.movedInOn)}</Fact>
          <Fact label={t('casework.household.languages')}>
            {household.languages.map(languageLabel).join(', ')}
          </Fact>
          <Fact label={t('casework.list.members')}>{household.members.filter((m) => !m.leftOn).length}</Fact>
        </SimpleGrid>
        {can('household.write') ? (
          <Group>
            <Button variant="default" size="xs" onClick={edit.open}>
              {t('casework.household.edit')}
            </Button>
            <AnonymiseHousehold household={household} />
            <RestrictionAction household={household} />
          </Group>
        ) : null}
      </Stack>
      {editing ? <HouseholdEditModal household={household} onClose={edit.close} /> : null}
    </Paper>
  );
}

export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const household = useHousehold(id);
  const requested = params.get('tab');
  const tab: HouseholdTab = (householdTabs as readonly string[]).includes(requested ?? '')
    ? (requested as HouseholdTab)
    : 'members';
  const can = useCan();

  const h = household.data;
  const notFound = household.error instanceof ApiError && household.error.status === 404;
  const title = h
    ? t('casework.household.title', { caseNumber: h.caseNumber })
    : t('casework.household.titleShort');

  return (
    <Page
      title={title}
      actions={
        h && can('household.write') && !h.restriction ? (
          <Button component={Link} to={`/households/${h.id}/contacts/new`}>
            {t('casework.contact.create')}
          </Button>
        ) : null
      }
    >
      {notFound ? (
        <Stack>
          <Text>{t('casework.household.notFound')}</Text>
          <Anchor component={Link} to="/households">
            {t('casework.household.backToList')}
          </Anchor>
          {can('household.emergency') ? <EmergencyRequest householdId={id} /> : null}
        </Stack>
      ) : (
        <ErrorAlert error={household.error} />
      )}
      {h ? (
        <>
          <EmergencyBanner household={h} />
          <RestrictionBanner household={h} />
          <Summary household={h} />
          <HouseholdPrivacyActions household={h} />
          <Tabs
            value={tab}
            onChange={(v) => {
              if (!v) return;
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  next.set('tab', v);
                  return next;
                },
                { replace: true },
              );
            }}
            keepMounted={false}
          >
            <Tabs.List aria-label={t('casework.household.tabs')} className="q-scroll-tabs">
              {householdTabs.map((k) => (
                <Tabs.Tab key={k} value={k}>
                  {t(`casework.tabs.${k}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {householdTabs.map((k) => {
              const Panel = panels[k];
              return (
                // every tab needs its panel for aria-controls; only the open one has content
                <Tabs.Panel key={k} value={k} pt="md">
                  {k === tab ? <Panel household={h} /> : null}
                </Tabs.Panel>
              );
            })}
          </Tabs>
        </>
      ) : null}
    </Page>
  );
}
