import { Badge, Button, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { todayBerlin } from '../../../../shared/dates';
import { api } from '../../../app/api';
import { useCan, useUser } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../../ui/format';
import { FormQuestionDialog } from '../../../ui/forms/FormQuestionDialog';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { caseworkKeys, type FollowUp, type Household, useHouseholdPart } from '../api';
import { CaseTable } from '../components/CaseTable';
import { DueDateCell } from '../components/DueDateCell';
import { TabSection } from '../components/TabSection';
import { pastDateQuestion, required, requiredDate } from '../forms';

interface Values {
  dueOn: string;
  text: string;
}

/** Follow-ups of the household: a short form to set one for oneself, and the list to tick off. */
export function FollowUpsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const user = useUser();
  const queryClient = useQueryClient();
  const followUps = useHouseholdPart<FollowUp[]>(household.id, 'followups');
  const today = todayBerlin();
  const form = useForm<Values>({
    initialValues: { dueOn: '', text: '' },
    validate: { dueOn: requiredDate(t), text: required(t) },
  });

  // a follow-up shows here and on "Mein Tag"
  const lists = [caseworkKeys.householdPart(household.id, 'followups'), caseworkKeys.myDay];
  const refresh = async () => {
    for (const queryKey of lists) await queryClient.invalidateQueries({ queryKey });
  };
  const create = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      api.post<FollowUp>(`/api/households/${household.id}/followups`, {
        dueOn: parseDateInput(v.dueOn),
        text: v.text.trim(),
      }),
    invalidate: lists,
    notify: (f) => t('casework.followUps.saved', { date: formatDate(f.dueOn) }),
    // the next follow-up starts in an empty form
    onSaved: () => {
      form.reset();
      requestAnimationFrame(() => form.getInputNode('dueOn')?.focus());
    },
    messages: { dueOn: t('validation.date') },
    ask: (v) => pastDateQuestion(t, v.dueOn),
  });
  const toggle = useMutation({
    mutationFn: (f: FollowUp) => api.patch<FollowUp>(`/api/followups/${f.id}`, { done: !f.done }),
    onSuccess: refresh,
  });
  const list = followUps.data ?? [];

  return (
    <TabSection title={t('casework.tabs.followups')}>
      {can('household.write') ? (
        <Paper withBorder p="md" radius="md">
          <form
            ref={create.formRef}
            noValidate
            aria-label={t('casework.followUps.create')}
            onSubmit={create.onSubmit}
          >
            <ErrorAlert error={create.mutation.error} />
            <Group align="flex-start" wrap="wrap">
              <DateField label={t('casework.followUps.dueOn')} required {...form.getInputProps('dueOn')} />
              <TextInput
                label={t('casework.followUps.text')}
                required
                maxLength={1000}
                description={t('forms.counter', { count: form.values.text.length, max: 1000 })}
                style={{ flex: '1 1 20rem' }}
                {...form.getInputProps('text')}
              />
              <Button type="submit" mt={25} loading={create.mutation.isPending}>
                {t('casework.followUps.create')}
              </Button>
            </Group>
            <Text size="sm" mt={4}>
              {t('casework.followUps.forMe')}
            </Text>
          </form>
          <FormQuestionDialog scaffold={create} />
        </Paper>
      ) : null}
      <ErrorAlert error={followUps.error ?? toggle.error} />
      {followUps.isSuccess && list.length === 0 ? <Text>{t('casework.followUps.none')}</Text> : null}
      <CaseTable
        caption={t('casework.tabs.followups')}
        minWidth={720}
        headers={[
          t('casework.followUps.dueOn'),
          t('casework.followUps.text'),
          t('casework.followUps.assignee'),
          t('casework.followUps.state'),
        ]}
        actions
      >
        {list.map((f) => {
          const overdue = !f.done && f.dueOn < today;
          return (
            <Table.Tr key={f.id}>
              <DueDateCell dueOn={f.dueOn} overdue={overdue} />
              <Table.Td>
                {f.kind === 'welcomeVisit' ? (
                  <Badge variant="outline" color="blue.9" mr={6}>
                    {t('casework.followUps.kind.welcomeVisit')}
                  </Badge>
                ) : null}
                {f.text}
              </Table.Td>
              <Table.Td>
                {f.assigneeId === user.id
                  ? t('casework.followUps.assigneeMe')
                  : f.assigneeId
                    ? t('casework.followUps.assigneeOther')
                    : t('casework.followUps.assigneeNone')}
              </Table.Td>
              <Table.Td>{f.done ? t('casework.followUps.done') : t('casework.followUps.open')}</Table.Td>
              {can('household.write') ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    loading={toggle.isPending && toggle.variables?.id === f.id}
                    onClick={() => toggle.mutate(f)}
                    aria-label={t(
                      f.done ? 'casework.followUps.reopenAria' : 'casework.followUps.markDoneAria',
                      {
                        text: f.text,
                      },
                    )}
                  >
                    {f.done ? t('casework.followUps.reopen') : t('casework.followUps.markDone')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          );
        })}
      </CaseTable>
    </TabSection>
  );
}
