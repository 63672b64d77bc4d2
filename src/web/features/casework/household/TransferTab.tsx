import { Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../app/api';
import { useCan, useUser } from '../../../app/session';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../../ui/format';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { caseworkKeys, type Household, type Transfer, useHouseholdPart } from '../api';
import { CaseTable } from '../components/CaseTable';
import { TabSection } from '../components/TabSection';
import { required, requiredDate, todayInput } from '../forms';
import { useSiteChoices } from '../options';

interface Values {
  toSiteId: string | null;
  transferredOn: string;
  note: string;
}

function TransferForm({ household }: { household: Household }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sites = useSiteChoices();
  const [confirming, setConfirming] = useState<Values | null>(null);
  const form = useForm<Values>({
    initialValues: { toSiteId: null, transferredOn: todayInput(), note: '' },
    validate: {
      toSiteId: (v) => (v ? null : t('validation.required')),
      transferredOn: requiredDate(t),
      note: required(t),
    },
  });
  const today = parseDateInput(todayInput()) ?? '';
  const targets = sites.all
    .filter((s) => s.id !== household.siteId && (!s.closedOn || s.closedOn > today))
    .map((s) => ({ value: s.id, label: s.name }));

  const save = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      api.post<Transfer>(`/api/households/${household.id}/transfers`, {
        toSiteId: v.toSiteId,
        transferredOn: parseDateInput(v.transferredOn),
        note: v.note.trim(),
      }),
    onSaved: async (tr) => {
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.all });
      // a household handed to a site one does not work at leaves one's view
      if (!user.siteIds.includes(tr.toSiteId)) navigate('/households');
    },
    notify: (tr) =>
      t('casework.transfer.done', { caseNumber: household.caseNumber, site: sites.name(tr.toSiteId) }),
    messages: { transferredOn: t('validation.date') },
    onFailed: () => {
      setConfirming(null);
      return false;
    },
  });

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('casework.transfer.create')}
      </Title>
      <form ref={save.formRef} noValidate onSubmit={form.onSubmit(setConfirming, save.focusErrors)}>
        <Stack>
          <ErrorAlert error={save.mutation.error} />
          <Text size="sm">{t('casework.transfer.intro')}</Text>
          <Group grow align="flex-start">
            <QuickSelect
              label={t('casework.transfer.toSite')}
              required
              data={targets}
              {...form.getInputProps('toSiteId')}
            />
            <DateField
              label={t('casework.transfer.date')}
              required
              {...form.getInputProps('transferredOn')}
            />
          </Group>
          <Textarea
            label={t('casework.transfer.note')}
            description={t('casework.transfer.noteHint')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button type="submit">{t('casework.transfer.submit')}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={!!confirming}
        title={t('casework.transfer.confirmTitle')}
        message={t('casework.transfer.confirmText', {
          caseNumber: household.caseNumber,
          site: sites.name(confirming?.toSiteId),
        })}
        confirmLabel={t('casework.transfer.confirm')}
        loading={save.mutation.isPending}
        onConfirm={() => confirming && save.mutation.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </Paper>
  );
}

/** The history of responsible sites; site leads hand the household over to another site. */
export function TransferTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const sites = useSiteChoices();
  const transfers = useHouseholdPart<Transfer[]>(household.id, 'transfers');
  const list = transfers.data ?? [];

  return (
    <TabSection title={t('casework.tabs.transfer')}>
      <Text size="sm">
        {t('casework.transfer.registeredAt', { site: sites.name(household.registeredSiteId) })}{' '}
        {t('casework.transfer.responsible', { site: sites.name(household.siteId) })}
      </Text>
      <ErrorAlert error={transfers.error} />
      {transfers.isSuccess && list.length === 0 ? <Text>{t('casework.transfer.none')}</Text> : null}
      <CaseTable
        caption={t('casework.transfer.history')}
        minWidth={640}
        headers={[
          t('casework.transfer.date'),
          t('casework.transfer.fromSite'),
          t('casework.transfer.toSite'),
          t('casework.transfer.note'),
        ]}
      >
        {list.map((tr) => (
          <Table.Tr key={tr.id}>
            <Table.Td>{formatDate(tr.transferredOn)}</Table.Td>
            <Table.Td>{sites.name(tr.fromSiteId)}</Table.Td>
            <Table.Td>{sites.name(tr.toSiteId)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-line' }}>{tr.note}</Table.Td>
          </Table.Tr>
        ))}
      </CaseTable>
      {can('household.transfer') ? (
        <TransferForm household={household} />
      ) : (
        <Text size="sm">{t('casework.transfer.onlyLeads')}</Text>
      )}
    </TabSection>
  );
}
