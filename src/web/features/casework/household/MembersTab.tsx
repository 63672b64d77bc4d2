import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate } from '../../../ui/format';
import { RecordActions } from '../../corrections/RecordActions';
import { caseworkKeys, type Household, type Person } from '../api';
import { CaseTable } from '../components/CaseTable';
import { TabSection } from '../components/TabSection';
import { formatBirth } from '../forms';
import { sortMembers } from '../members';
import { countryLabel, languageLabel, useRefOptions } from '../options';
import { MemberLeaveModal } from './MemberLeaveModal';
import { MemberModal } from './MemberModal';

type Dialog = { kind: 'add' } | { kind: 'edit'; person: Person } | { kind: 'leave'; person: Person } | null;

export function MembersTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const residence = useRefOptions('residence-statuses');
  const [dialog, setDialog] = useState<Dialog>(null);
  const rejoin = useMutation({
    mutationFn: (p: Person) =>
      api.patch<Person>(`/api/households/${household.id}/members/${p.id}`, { leftOn: null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseworkKeys.household(household.id) }),
  });
  const members = sortMembers(household.members);

  return (
    <TabSection
      title={t('casework.tabs.members')}
      action={
        can('household.write') ? (
          <Button variant="default" onClick={() => setDialog({ kind: 'add' })}>
            {t('casework.members.add')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={rejoin.error} />
      <CaseTable
        caption={t('casework.members.caption', { caseNumber: household.caseNumber })}
        minWidth={760}
        headers={[
          t('casework.person.name'),
          t('casework.members.birthGender'),
          t('casework.person.role'),
          t('casework.members.originLanguages'),
          t('casework.person.residenceStatus'),
        ]}
        actions
      >
        {members.map((p) => {
          const name = `${p.firstName} ${p.lastName}`;
          const requirement = p.residenceRequirement ?? '';
          const requirementLabel = t('casework.person.residenceRequirement');
          return (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm" fw={700}>
                  {p.lastName}, {p.firstName}
                </Text>
                {p.originalScriptName ? (
                  <Text size="sm" dir="auto">
                    {p.originalScriptName}
                  </Text>
                ) : null}
                {p.leftOn ? (
                  <Badge variant="filled" color="gray.7" mt={4} style={{ minWidth: 'max-content' }}>
                    {t('casework.members.leftOnDate', { date: formatDate(p.leftOn) })}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatBirth(p) || '–'}
                </Text>
                <Text size="sm">{t(`casework.gender.${p.gender}`)}</Text>
              </Table.Td>
              <Table.Td>{t(`casework.role.${p.roleInHousehold}`)}</Table.Td>
              <Table.Td>
                <Text size="sm">{countryLabel(p.nationality)}</Text>
                <Text size="sm">{p.languages.map(languageLabel).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                {residence.label(p.residenceStatus)}
                {p.residenceValidUntil ? (
                  <Text size="sm">
                    {t('casework.person.validUntil', { date: formatDate(p.residenceValidUntil) })}
                  </Text>
                ) : null}
                {requirement ? (
                  <Text size="sm">
                    {requirement.startsWith(requirementLabel)
                      ? requirement
                      : `${requirementLabel}: ${requirement}`}
                  </Text>
                ) : null}
              </Table.Td>
              {can('household.write') ? (
                <Table.Td>
                  <Stack gap={6} align="flex-start">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setDialog({ kind: 'edit', person: p })}
                      aria-label={t('casework.members.editAria', { name })}
                    >
                      {t('common.edit')}
                    </Button>
                    {p.leftOn ? (
                      <Button
                        size="xs"
                        variant="default"
                        loading={rejoin.isPending && rejoin.variables?.id === p.id}
                        onClick={() => rejoin.mutate(p)}
                        aria-label={t('casework.members.rejoinAria', { name })}
                      >
                        {t('casework.members.rejoin')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setDialog({ kind: 'leave', person: p })}
                        aria-label={t('casework.members.leaveAria', { name })}
                      >
                        {t('casework.members.leave')}
                      </Button>
                    )}
                    {p.roleInHousehold === 'head' ? null : (
                      <RecordActions
                        household={household}
                        kind="person"
                        recordId={p.id}
                        label={name}
                        authorId={null}
                        createdAt={undefined}
                      />
                    )}
                  </Stack>
                </Table.Td>
              ) : null}
            </Table.Tr>
          );
        })}
      </CaseTable>
      {dialog?.kind === 'add' ? <MemberModal household={household} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? (
        <MemberModal household={household} person={dialog.person} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'leave' ? (
        <MemberLeaveModal household={household} person={dialog.person} onClose={() => setDialog(null)} />
      ) : null}
    </TabSection>
  );
}
