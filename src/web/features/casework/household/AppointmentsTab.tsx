import { Button, Group, NumberInput, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { type Appointment, caseworkKeys, type Household, useHouseholdPart } from '../api';
import { CaseModal } from '../components/CaseModal';
import { CaseTable } from '../components/CaseTable';
import { QuickSelect } from '../components/QuickSelect';
import { TabSection } from '../components/TabSection';
import { applyIssues, focusFirstError, requiredDate, textOrNull, todayInput } from '../forms';
import { languageLabel, useLanguageOptions } from '../options';

interface Values {
  date: string;
  startTime: string;
  durationMinutes: number | string;
  languageNeeded: string | null;
  note: string;
}

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `9:30`, `0930` and `09.30` become `09:30`. */
function normalizeTime(value: string): string {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(value.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : value.trim();
}

function AppointmentModal({ household, onClose }: { household: Household; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const languages = useLanguageOptions();
  const form = useForm<Values>({
    initialValues: { date: todayInput(), startTime: '', durationMinutes: 30, languageNeeded: null, note: '' },
    validate: {
      date: requiredDate(t),
      startTime: (v) => (timePattern.test(normalizeTime(v)) ? null : t('casework.validation.time')),
      durationMinutes: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 5 && Number(v) <= 600
          ? null
          : t('casework.validation.appointmentDuration'),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<Appointment>(`/api/households/${household.id}/appointments`, {
        date: parseDateInput(v.date),
        startTime: normalizeTime(v.startTime),
        durationMinutes: Number(v.durationMinutes),
        languageNeeded: v.languageNeeded,
        note: textOrNull(v.note),
      }),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({
        queryKey: caseworkKeys.householdPart(household.id, 'appointments'),
      });
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.myDay });
      notifySuccess(t('casework.appointments.saved', { date: formatDate(a.date), time: a.startTime }));
      onClose();
    },
    onError: (error) => {
      applyIssues(form, error, t('validation.invalid'), {
        date: t('validation.date'),
        startTime: t('casework.validation.time'),
      });
      focusFirstError(formRef.current);
    },
  });
  return (
    <CaseModal opened onClose={onClose} title={t('casework.appointments.create')}>
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (v) => save.mutate(v),
          () => focusFirstError(formRef.current),
        )}
      >
        <Stack>
          <ErrorAlert error={save.error} />
          <Group grow align="flex-start">
            <DateField label={t('casework.appointments.date')} required {...form.getInputProps('date')} />
            <TextInput
              label={t('casework.appointments.time')}
              description={t('casework.appointments.timeHint')}
              required
              inputMode="numeric"
              autoComplete="off"
              {...form.getInputProps('startTime')}
            />
            <NumberInput
              label={t('casework.appointments.durationMinutes')}
              min={5}
              max={600}
              step={5}
              allowDecimal={false}
              hideControls
              {...form.getInputProps('durationMinutes')}
            />
          </Group>
          <QuickSelect
            label={t('casework.appointments.languageNeeded')}
            clearable
            data={languages}
            {...form.getInputProps('languageNeeded')}
          />
          <Textarea
            label={t('casework.appointments.note')}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('casework.appointments.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CaseModal>
  );
}

export function AppointmentsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const appointments = useHouseholdPart<Appointment[]>(household.id, 'appointments');
  const [creating, setCreating] = useState(false);
  const list = appointments.data ?? [];
  return (
    <TabSection
      title={t('casework.tabs.appointments')}
      action={
        can('household.write') ? (
          <Button variant="default" onClick={() => setCreating(true)}>
            {t('casework.appointments.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={appointments.error} />
      {appointments.isSuccess && list.length === 0 ? <Text>{t('casework.appointments.none')}</Text> : null}
      {list.length > 0 ? (
        <CaseTable
          caption={t('casework.tabs.appointments')}
          minWidth={720}
          headers={[
            t('casework.appointments.date'),
            t('casework.appointments.time'),
            t('casework.appointments.duration'),
            t('casework.appointments.staff'),
            t('casework.appointments.languageNeeded'),
            t('casework.appointments.note'),
          ]}
        >
          {list.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{formatDate(a.date)}</Table.Td>
              <Table.Td>{a.startTime}</Table.Td>
              <Table.Td>{t('casework.common.minutes', { count: a.durationMinutes })}</Table.Td>
              <Table.Td>{a.staffName}</Table.Td>
              <Table.Td>{languageLabel(a.languageNeeded)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{a.note}</Table.Td>
            </Table.Tr>
          ))}
        </CaseTable>
      ) : null}
      {creating ? <AppointmentModal household={household} onClose={() => setCreating(false)} /> : null}
    </TabSection>
  );
}
