import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../app/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate } from '../../../ui/format';
import { TablePagination } from '../../../ui/TablePagination';
import { RecordActions } from '../../corrections/RecordActions';
import { type Household, useContacts } from '../api';
import { TabSection } from '../components/TabSection';
import { languageLabel, useRefOptions } from '../options';

const pageSize = 20;

/** The household's contacts, newest first, each with its counselling reasons. */
export function ContactsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const contacts = useContacts(household.id, page, pageSize);
  const types = useRefOptions('contact-types');
  const lifeAreas = useRefOptions('life-areas');
  const supportKinds = useRefOptions('support-kinds');
  const names = new Map(household.members.map((m) => [m.id, `${m.firstName} ${m.lastName}`]));
  const total = contacts.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <TabSection
      title={t('casework.tabs.contacts')}
      action={
        can('household.write') && !household.restriction ? (
          <Button component={Link} to={`/households/${household.id}/contacts/new`} variant="default">
            {t('casework.contact.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={contacts.error} />
      {contacts.isSuccess && total === 0 ? <Text>{t('casework.contact.none')}</Text> : null}
      <Stack
        component="ol"
        gap="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('casework.contact.timeline')}
      >
        {contacts.data?.items.map((c) => (
          <Paper component="li" key={c.id} withBorder p="md" radius="md">
            <Stack gap={6}>
              <Title order={3} size="h5">
                {formatDate(c.date)} – {types.label(c.contactType)}
                {c.durationMinutes ? ` (${t('casework.common.minutes', { count: c.durationMinutes })})` : ''}
              </Title>
              <Group gap={6} aria-label={t('casework.contact.reasons')} role="list">
                {c.reasons.map((r) => (
                  <Badge
                    key={`${r.lifeArea}|${r.supportKind}`}
                    role="listitem"
                    variant="outline"
                    color="blue.9"
                    size="md"
                    tt="none"
                    style={{ minWidth: 'max-content' }}
                  >
                    {lifeAreas.label(r.lifeArea)} × {supportKinds.label(r.supportKind)}
                  </Badge>
                ))}
              </Group>
              {c.memberIds.length > 0 ? (
                <Text size="sm">
                  {t('casework.contact.membersShort')}:{' '}
                  {c.memberIds.map((id) => names.get(id) ?? '?').join(', ')}
                </Text>
              ) : null}
              {c.mediationLanguage || c.mediatorName ? (
                <Text size="sm">
                  {t('casework.contact.mediation')}:{' '}
                  {[languageLabel(c.mediationLanguage), c.mediatorName].filter(Boolean).join(', ')}
                </Text>
              ) : null}
              {c.note ? <Text size="sm">{c.note}</Text> : null}
              <Text size="sm" c="dimmed">
                {t('casework.contact.by', { name: c.staffName ?? t('casework.common.unknown') })}
              </Text>
              <RecordActions
                household={household}
                kind="contact"
                recordId={c.id}
                label={t('corrections.recordOn', {
                  record: t('corrections.records.contact'),
                  date: formatDate(c.date),
                })}
                authorId={c.staffUserId}
                createdAt={c.createdAt}
                onEdit={() =>
                  navigate(`/households/${household.id}/contacts/${c.id}/edit`, { state: { contact: c } })
                }
              />
            </Stack>
          </Paper>
        ))}
      </Stack>
      <TablePagination label={t('casework.tabs.contacts')} pages={pages} page={page} onChange={setPage} />
    </TabSection>
  );
}
