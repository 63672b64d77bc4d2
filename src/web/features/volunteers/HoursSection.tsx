import { Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoursEntry } from '../../../shared/schemas/volunteers';
import { type Column, DataTable } from '../../ui/DataTable';
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
  const hourColumns: Column<HoursEntry>[] = [
    { key: 'date', header: t('volunteers.hours.date'), render: (h) => formatDate(h.date) },
    { key: 'hours', header: t('volunteers.hours.hours'), render: (h) => hoursFormat.format(h.hours) },
    {
      key: 'assignment',
      header: t('volunteers.hours.assignment'),
      render: (h) => (h.kind ? t(`volunteers.assignmentKind.${h.kind}`) : t('volunteers.hours.noAssignment')),
    },
  ];
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
      <DataTable
        label={t('volunteers.hours.table')}
        columns={hourColumns}
        rows={hours.data?.items}
        rowKey={(h) => h.id}
        emptyText={t('volunteers.hours.none')}
      />
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
