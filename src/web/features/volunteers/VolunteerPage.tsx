import { Anchor, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { Page } from '../../ui/Page';
import { languageLabel, useRefOptions, useSiteChoices } from '../casework/options';
import { AssignmentsSection } from './AssignmentsSection';
import { useVolunteer, type Volunteer } from './api';
import { ConductBadge, StatusBadge } from './badges';
import { ChecksSection } from './ChecksSection';
import { HoursSection } from './HoursSection';
import { VolunteerFormModal } from './VolunteerFormModal';

function Facts({ v }: { v: Volunteer }) {
  const { t } = useTranslation();
  const districts = useRefOptions('districts', v.districtCodes);
  const lifeAreas = useRefOptions('life-areas', v.interests);
  const sites = useSiteChoices();
  const fact = (label: string, value: string | null | undefined) => (
    <div>
      <Text size="sm" fw={700}>
        {label}
      </Text>
      <Text size="sm">{value || '–'}</Text>
    </div>
  );
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {fact(t('volunteers.field.site'), sites.name(v.siteId))}
        {fact(t('volunteers.field.email'), v.email)}
        {fact(t('volunteers.field.phone'), v.phone)}
        {fact(t('volunteers.field.languages'), v.languages.map(languageLabel).join(', '))}
        {fact(t('volunteers.field.districts'), v.districtCodes.map(districts.label).join(', '))}
        {fact(t('volunteers.field.interests'), v.interests.map(lifeAreas.label).join(', '))}
        {fact(t('volunteers.field.skills'), v.skills.join(', '))}
        {fact(
          t('volunteers.field.availability'),
          v.availability.map((s) => `${t(`volunteers.weekday.${s.weekday}`)} ${s.from}–${s.to}`).join('; '),
        )}
        {fact(t('volunteers.field.source'), v.source ? t(`volunteers.source.${v.source}`) : null)}
        {fact(t('volunteers.field.consentGivenOn'), formatDate(v.consentGivenOn))}
        {fact(t('volunteers.field.consentWithdrawnOn'), formatDate(v.consentWithdrawnOn))}
        {fact(
          t('volunteers.field.hasRefugeeBackground'),
          v.hasRefugeeBackground ? t('volunteers.yes') : t('volunteers.no'),
        )}
      </SimpleGrid>
      {v.note ? (
        <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
          {v.note}
        </Text>
      ) : null}
    </Card>
  );
}

/** One volunteer: facts, checks, assignments, hours, and the link to the Ehrenamtsnachweis. */
export function VolunteerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const query = useVolunteer(id);
  const [editing, setEditing] = useState(false);
  const v = query.data;
  const year = new Date().getFullYear();
  if (!v) {
    return (
      <Page title={t('volunteers.detail.title')}>
        <ErrorAlert error={query.error} />
        {query.isLoading ? (
          <Center>
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : null}
      </Page>
    );
  }
  const writable = can('volunteer.write');
  return (
    <Page
      title={`${v.firstName} ${v.lastName}`}
      actions={
        <Group>
          <Anchor component={Link} to={`/volunteers/${v.id}/certificate?year=${year}`}>
            {t('volunteers.certificate.link', { year })}
          </Anchor>
          {writable ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('volunteers.detail.edit')}
            </Button>
          ) : null}
        </Group>
      }
    >
      <Group>
        <StatusBadge status={v.status} />
        <ConductBadge conduct={v.conduct} />
        <Anchor component={Link} to="/volunteers" size="sm">
          {t('volunteers.detail.back')}
        </Anchor>
      </Group>
      <Facts v={v} />
      <Stack gap="xl">
        <section aria-labelledby="checks-title">
          <Title order={2} id="checks-title" size="h3" mb="sm">
            {t('volunteers.checks.title')}
          </Title>
          <ChecksSection volunteer={v} writable={writable} />
        </section>
        <section aria-labelledby="assignments-title">
          <Title order={2} id="assignments-title" size="h3" mb="sm">
            {t('volunteers.assignments.title')}
          </Title>
          <AssignmentsSection volunteer={v} writable={writable} />
        </section>
        <section aria-labelledby="hours-title">
          <Title order={2} id="hours-title" size="h3" mb="sm">
            {t('volunteers.hours.title')}
          </Title>
          <HoursSection volunteer={v} writable={writable} />
        </section>
      </Stack>
      {editing ? <VolunteerFormModal volunteer={v} onClose={() => setEditing(false)} /> : null}
    </Page>
  );
}
