import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EmergencyGrantReport } from '../../../shared/schemas/emergency-access';
import { ApiError } from '../../app/api';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { StartCard } from '../../ui/StartCard';
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
    <StartCard
      id="emergency-link"
      title={t('privacy.emergency.title')}
      intro={t('privacy.emergency.explainShort')}
      gap="xs"
    >
      <Anchor component={Link} to="/emergency-access">
        {t('privacy.emergency.nav')}
      </Anchor>
    </StartCard>
  );
}

function EmergencyGrantsCard() {
  const { t } = useTranslation();
  const grants = useEmergencyGrants();
  const rows = grants.data ?? [];
  const columns: Column<EmergencyGrantReport>[] = [
    {
      key: 'grantedAt',
      header: t('privacy.emergency.grantedAt'),
      render: (g) => formatDateTime(g.grantedAt),
    },
    {
      key: 'who',
      header: t('privacy.emergency.who'),
      render: (g) => (
        <>
          {g.userDisplayName}
          {g.userSiteNames.length ? ` (${g.userSiteNames.join(', ')})` : ''}
        </>
      ),
    },
    {
      key: 'household',
      header: t('privacy.emergency.household'),
      render: (g) => (
        <>
          {g.caseNumber} – {g.siteName}
        </>
      ),
    },
    {
      key: 'reason',
      header: t('privacy.emergency.reason'),
      render: (g) => <span style={{ whiteSpace: 'pre-wrap' }}>{g.reason}</span>,
    },
    {
      key: 'until',
      header: t('privacy.emergency.until'),
      render: (g) => (
        <Group gap="xs" wrap="nowrap">
          {formatDateTime(g.expiresAt)}
          <Badge color={g.active ? 'red.9' : 'gray.8'} variant="outline">
            {g.active ? t('privacy.emergency.active') : t('privacy.emergency.expired')}
          </Badge>
        </Group>
      ),
    },
  ];
  return (
    <StartCard
      id="emergency-grants"
      title={t('privacy.emergency.listTitle')}
      intro={t('privacy.emergency.listIntro')}
    >
      <ErrorAlert error={grants.error} />
      {grants.data && rows.length === 0 ? <Text>{t('privacy.emergency.none')}</Text> : null}
      {rows.length > 0 ? (
        <DataTable
          label={t('privacy.emergency.listTitle')}
          labelledBy="emergency-grants"
          testId="emergency-grants"
          minWidth={720}
          columns={columns}
          rows={rows}
          rowKey={(g) => g.id}
        />
      ) : null}
    </StartCard>
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
    <StartCard id="subject-lookup" title={t('privacy.lookup.title')} intro={t('privacy.lookup.intro')}>
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
    </StartCard>
  );
}
