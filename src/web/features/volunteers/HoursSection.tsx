import { Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { dateOrNull, requiredDate, todayInput } from '../casework/forms';
import { logHours, useHours, type Volunteer, volunteerKeys } from './api';

interface Values {
  date: string;
  hours: number | string;
  assignmentId: string | null;
}

export const hoursFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** The hours of a year and a form to log hours on the volunteer's behalf. */
export function HoursSection({ volunteer, writable }: { volunteer: Volunteer; writable: boolean }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const hours = useHours(volunteer.id, year);
  const assignments = volunteer.assignments.map((a) => ({
    value: a.id,
    label: `${t(`volunteers.assignmentKind.${a.kind}`)}: ${a.household?.caseNumber ?? a.targetTitle ?? ''} (${formatDate(a.startsOn)})`,
  }));
  const form = useForm<Values>({
    initialValues: { date: todayInput(), hours: 2, assignmentId: null },
    validate: {
      date: requiredDate(t),
      hours: (v) => (typeof v === 'number' && v >= 0.25 && v <= 24 ? null : t('volunteers.hours.range')),
    },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      logHours(volunteer.id, {
        date: dateOrNull(v.date) as string,
        hours: Number(v.hours),
        assignmentId: v.assignmentId,
      }),
    invalidate: [volunteerKeys.all],
    notify: t('volunteers.hours.saved'),
    onSaved: () => form.reset(),
  });
  const years = [0, 1, 2, 3].map((d) => String(thisYear - d));
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label={t('volunteers.hours.year')}
          data={years}
          value={String(year)}
          allowDeselect={false}
          onChange={(v) => setYear(Number(v))}
          w={120}
        />
        <Text aria-live="polite" fw={700}>
          {t('volunteers.hours.total', { hours: hoursFormat.format(hours.data?.total ?? 0) })}
        </Text>
      </Group>
      <ErrorAlert error={hours.error} />
      <Table fz="sm" aria-label={t('volunteers.hours.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('volunteers.hours.date')}</Table.Th>
            <Table.Th>{t('volunteers.hours.hours')}</Table.Th>
            <Table.Th>{t('volunteers.hours.assignment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(hours.data?.items ?? []).map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td>{formatDate(h.date)}</Table.Td>
              <Table.Td>{hoursFormat.format(h.hours)}</Table.Td>
              <Table.Td>
                {h.kind ? t(`volunteers.assignmentKind.${h.kind}`) : t('volunteers.hours.noAssignment')}
              </Table.Td>
            </Table.Tr>
          ))}
          {hours.data && hours.data.items.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={3}>{t('volunteers.hours.none')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      {writable ? (
        <form
          ref={scaffold.formRef}
          noValidate
          onSubmit={scaffold.onSubmit}
          aria-label={t('volunteers.hours.add')}
        >
          <ErrorAlert error={scaffold.mutation.error} />
          <Group align="flex-start">
            <DateField label={t('volunteers.hours.date')} required {...form.getInputProps('date')} />
            <NumberInput
              label={t('volunteers.hours.hours')}
              required
              min={0.25}
              max={24}
              step={0.25}
              decimalSeparator=","
              w={110}
              {...form.getInputProps('hours')}
            />
            <Select
              label={t('volunteers.hours.assignment')}
              clearable
              data={assignments}
              {...form.getInputProps('assignmentId')}
            />
            <Button type="submit" mt={24} loading={scaffold.mutation.isPending}>
              {t('volunteers.hours.add')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
