import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { exportUrl, useEmergencyGrants, useSubjectLookup } from './api';

/** On the start page: emergency grants (site lead: own sites; DPO: all) and the DPO's export by case number. */
export function PrivacyStartCards() {
  const can = useCan();
  return (
    <>
      {can('emergency.read') ? <EmergencyGrantsCard /> : null}
      {can('person.export') && !can('household.read') ? <SubjectLookupCard /> : null}
      {can('household.emergency') ? <EmergencyLinkCard /> : null}
    </>
  );
}

function EmergencyLinkCard() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="emergency-link">
      <Stack gap="xs">
        <Title order={2} size="h4" id="emergency-link">
          {t('privacy.emergency.title')}
        </Title>
        <Text size="sm">{t('privacy.emergency.explainShort')}</Text>
        <Anchor component={Link} to="/emergency-access">
          {t('privacy.emergency.nav')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

function EmergencyGrantsCard() {
  const { t } = useTranslation();
  const grants = useEmergencyGrants();
  const rows = grants.data ?? [];
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="emergency-grants">
      <Stack gap="sm">
        <Title order={2} size="h4" id="emergency-grants">
          {t('privacy.emergency.listTitle')}
        </Title>
        <Text size="sm">{t('privacy.emergency.listIntro')}</Text>
        <ErrorAlert error={grants.error} />
        {grants.data && rows.length === 0 ? <Text>{t('privacy.emergency.none')}</Text> : null}
        {rows.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-labelledby="emergency-grants" data-testid="emergency-grants">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.emergency.grantedAt')}</Table.Th>
                  <Table.Th>{t('privacy.emergency.who')}</Table.Th>
                  <Table.Th>{t('privacy.emergency.household')}</Table.Th>
                  <Table.Th>{t('privacy.emergency.reason')}</Table.Th>
                  <Table.Th>{t('privacy.emergency.until')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>{formatDateTime(g.grantedAt)}</Table.Td>
                    <Table.Td>
                      {g.userDisplayName}
                      {g.userSiteNames.length ? ` (${g.userSiteNames.join(', ')})` : ''}
                    </Table.Td>
                    <Table.Td>
                      {g.caseNumber} – {g.siteName}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{g.reason}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {formatDateTime(g.expiresAt)}
                        <Badge color={g.active ? 'red.9' : 'gray.8'} variant="outline">
                          {g.active ? t('privacy.emergency.active') : t('privacy.emergency.expired')}
                        </Badge>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The DPO sees no case lists: a case number gives the household's persons (names and role only, the
 * lookup is audited), each with the PDF and JSON export, and the household's access report.
 */
function SubjectLookupCard() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const lookup = useSubjectLookup(caseNumber);
  const notFound = lookup.error instanceof ApiError && lookup.error.status === 404;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="subject-lookup">
      <Stack gap="sm">
        <Title order={2} size="h4" id="subject-lookup">
          {t('privacy.lookup.title')}
        </Title>
        <Text size="sm">{t('privacy.lookup.intro')}</Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setCaseNumber(typed.trim());
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('privacy.lookup.caseNumber')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              maxLength={40}
            />
            <Button type="submit" variant="default">
              {t('privacy.lookup.submit')}
            </Button>
          </Group>
        </form>
        {notFound ? (
          <Text role="status">{t('privacy.lookup.notFound')}</Text>
        ) : (
          <ErrorAlert error={lookup.error} />
        )}
        {lookup.data ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('privacy.lookup.persons', { caseNumber: lookup.data.caseNumber })}
            </Title>
            <Table aria-label={t('privacy.lookup.persons', { caseNumber: lookup.data.caseNumber })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.lookup.name')}</Table.Th>
                  <Table.Th>{t('privacy.lookup.role')}</Table.Th>
                  <Table.Th>{t('privacy.lookup.downloads')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lookup.data.persons.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      {p.firstName} {p.lastName}
                    </Table.Td>
                    <Table.Td>{t(`casework.role.${p.roleInHousehold}`)}</Table.Td>
                    <Table.Td>
                      <Group gap="sm">
                        <Anchor href={exportUrl(p.id, 'pdf')} download>
                          {t('privacy.export.pdf')}
                        </Anchor>
                        <Anchor href={exportUrl(p.id, 'json')} download>
                          {t('privacy.export.json')}
                        </Anchor>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Anchor component={Link} to={`/households/${lookup.data.householdId}/accesses`}>
              {t('privacy.lookup.accessReport')}
            </Anchor>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
