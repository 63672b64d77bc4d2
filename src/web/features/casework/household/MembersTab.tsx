import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonInput } from '../../../../shared/schemas/households';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { caseworkKeys, type Household, type Person } from '../api';
import { CaseModal } from '../components/CaseModal';
import { CaseTable } from '../components/CaseTable';
import { MemberFields } from '../components/MemberFields';
import { TabSection } from '../components/TabSection';
import { applyIssues, focusFirstError, formatBirth, requiredDate, todayInput } from '../forms';
import {
  emptyMember,
  type MemberValues,
  memberAliases,
  memberFromPerson,
  memberMessages,
  memberRules,
  sortMembers,
  toPersonInput,
} from '../members';
import { countryLabel, languageLabel, useRefOptions } from '../options';

type Dialog = { kind: 'add' } | { kind: 'edit'; person: Person } | { kind: 'leave'; person: Person } | null;

/** Only the fields that differ from the stored person (the server refuses an empty PATCH). */
function changes(before: PersonInput, after: PersonInput): Partial<PersonInput> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    const old = (before as Record<string, unknown>)[k];
    if (JSON.stringify(old ?? null) !== JSON.stringify(v ?? null)) out[k] = v;
  }
  // birth date and year go together: a date replaces a year and the other way round
  if ('birthDate' in out || 'birthYear' in out) {
    out.birthDate = after.birthDate ?? null;
    out.birthYear = after.birthYear ?? null;
  }
  return out as Partial<PersonInput>;
}

function MemberModal({
  household,
  person,
  onClose,
}: {
  household: Household;
  person?: Person;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const initial = person ? memberFromPerson(person) : emptyMember(null);
  const form = useForm<MemberValues>({ initialValues: initial, validate: memberRules(t) });

  const save = useMutation({
    mutationFn: (values: MemberValues) => {
      const input = toPersonInput(values);
      if (!person) return api.post<Person>(`/api/households/${household.id}/members`, input);
      const body = changes(toPersonInput(initial), input);
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return api.patch<Person>(`/api/households/${household.id}/members/${person.id}`, body);
    },
    onSuccess: async (saved) => {
      if (saved) {
        await queryClient.invalidateQueries({ queryKey: caseworkKeys.household(household.id) });
        notifySuccess(
          t(person ? 'casework.members.saved' : 'casework.members.added', {
            name: `${saved.firstName} ${saved.lastName}`,
          }),
        );
      }
      onClose();
    },
    onError: (error) => {
      applyIssues(form, error, t('validation.invalid'), memberMessages(t), memberAliases);
      focusFirstError(formRef.current);
    },
  });

  return (
    <CaseModal
      opened
      onClose={onClose}
      size="xl"
      title={
        person
          ? t('casework.members.editTitle', { name: `${person.firstName} ${person.lastName}` })
          : t('casework.members.addTitle')
      }
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) => save.mutate(values),
          () => focusFirstError(formRef.current),
        )}
      >
        <Stack>
          <ErrorAlert error={save.error} />
          <MemberFields form={form} prefix="" values={form.values} excludePersonId={person?.id} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {person ? t('common.save') : t('casework.members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CaseModal>
  );
}

function LeaveModal({
  household,
  person,
  onClose,
}: {
  household: Household;
  person: Person;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const name = `${person.firstName} ${person.lastName}`;
  const form = useForm({ initialValues: { leftOn: todayInput() }, validate: { leftOn: requiredDate(t) } });
  const save = useMutation({
    mutationFn: (values: { leftOn: string }) =>
      api.patch<Person>(`/api/households/${household.id}/members/${person.id}`, {
        leftOn: parseDateInput(values.leftOn),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.household(household.id) });
      notifySuccess(t('casework.members.leftNotice', { name }));
      onClose();
    },
    onError: (error) => applyIssues(form, error, t('validation.invalid'), { leftOn: t('validation.date') }),
  });
  return (
    <CaseModal opened onClose={onClose} size="md" title={t('casework.members.leaveTitle', { name })}>
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <ErrorAlert error={save.error} />
          <Text size="sm">{t('casework.members.leaveText')}</Text>
          <DateField
            label={t('casework.members.leftOn')}
            required
            data-autofocus
            {...form.getInputProps('leftOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('casework.members.leave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CaseModal>
  );
}

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
          can('household.write') ? t('common.actions') : null,
        ]}
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
        <LeaveModal household={household} person={dialog.person} onClose={() => setDialog(null)} />
      ) : null}
    </TabSection>
  );
}
