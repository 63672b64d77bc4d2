import { Group, NumberInput, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayBerlin } from '../../../../shared/dates';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { formatDate, parseDateInput } from '../../../ui/format';
import { CountedTextarea } from '../../../ui/forms/CountedTextarea';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { RecordActions } from '../../corrections/RecordActions';
import { type Appointment, caseworkKeys, type Household, useHouseholdPart } from '../api';
import { CaseTable } from '../components/CaseTable';
import { TabSection } from '../components/TabSection';
import { pastDateQuestion, requiredDate, textOrNull, todayInput } from '../forms';
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
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      api.post<Appointment>(`/api/households/${household.id}/appointments`, {
        date: parseDateInput(v.date),
        startTime: normalizeTime(v.startTime),
        durationMinutes: Number(v.durationMinutes),
        languageNeeded: v.languageNeeded,
        note: textOrNull(v.note),
      }),
    invalidate: [caseworkKeys.householdPart(household.id, 'appointments'), caseworkKeys.myDay],
    notify: (a) => t('casework.appointments.saved', { date: formatDate(a.date), time: a.startTime }),
    close: onClose,
    messages: { date: t('validation.date'), startTime: t('casework.validation.time') },
    ask: (v) => pastDateQuestion(t, v.date),
  });
  return (
    <ModalForm
      title={t('casework.appointments.create')}
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={t('casework.appointments.submit')}
    >
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
          clampBehavior="none"
          description={t('casework.appointments.durationHint')}
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
      <CountedTextarea
        label={t('casework.appointments.note')}
        maxLength={1000}
        {...form.getInputProps('note')}
      />
    </ModalForm>
  );
}

/** the table's columns (i18n keys) */
const columns = [
  'casework.appointments.date',
  'casework.appointments.time',
  'casework.appointments.duration',
  'casework.appointments.staff',
  'casework.appointments.languageNeeded',
  'casework.appointments.note',
];

/** "09:30" + 90 minutes → "11:00" (the same day; capped at 23:59) */
function endTime(start: string, minutes: number) {
  const [h, m] = start.split(':').map(Number);
  const end = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/** The booking page, filled in with the appointment's household, date, time and language. */
function bookingLink(household: Household, a: Appointment) {
  const q = new URLSearchParams({
    householdId: household.id,
    appointmentId: a.id,
    date: a.date,
    from: a.startTime,
    to: endTime(a.startTime, a.durationMinutes),
  });
  if (a.languageNeeded) q.set('language', a.languageNeeded);
  return `/mediator-bookings/new?${q}`;
}

export function AppointmentsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const today = todayBerlin();
  const appointments = useHouseholdPart<Appointment[]>(household.id, 'appointments');
  const list = appointments.data ?? [];
  return (
    <TabSection
      title={t('casework.tabs.appointments')}
      createLabel={t('casework.appointments.create')}
      createDialog={(close) => <AppointmentModal household={household} onClose={close} />}
      records={appointments}
      emptyText={t('casework.appointments.none')}
    >
      <CaseTable
        caption={t('casework.tabs.appointments')}
        minWidth={720}
        headers={columns.map((c) => t(c))}
        actions
      >
        {list.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{formatDate(a.date)}</Table.Td>
            <Table.Td>{a.startTime}</Table.Td>
            <Table.Td>{t('casework.common.minutes', { count: a.durationMinutes })}</Table.Td>
            <Table.Td>{a.staffName}</Table.Td>
            <Table.Td>{languageLabel(a.languageNeeded)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-line' }}>{a.note}</Table.Td>
            {can('household.write') ? (
              <Table.Td>
                <RecordActions
                  household={household}
                  kind="appointment"
                  recordId={a.id}
                  label={t('corrections.recordOn', {
                    record: t('corrections.records.appointment'),
                    date: formatDate(a.date),
                  })}
                  authorId={a.createdBy}
                  createdAt={a.createdAt}
                />
                {can('mediator.book') && a.date >= today ? (
                  <Link
                    to={bookingLink(household, a)}
                    aria-label={t('casework.appointments.bookMediatorFor', {
                      date: formatDate(a.date),
                      time: a.startTime,
                    })}
                  >
                    {t('casework.appointments.bookMediator')}
                  </Link>
                ) : null}
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </CaseTable>
    </TabSection>
  );
}
