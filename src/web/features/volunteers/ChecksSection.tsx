import { Button, Group, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { checkKinds, type VolunteerCheck } from '../../../shared/schemas/volunteers';
import { type Column, DataTable } from '../../ui/DataTable';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { dateOrNull, optionalDate, requiredDate, todayInput } from '../casework/forms';
import { addCheck, type Volunteer, volunteerKeys } from './api';

interface Values {
  kind: (typeof checkKinds)[number];
  date: string;
  validUntil: string;
}

/** Checks and obligations; a certificate of conduct brings its re-check reminder (server side). */
export function ChecksSection({ volunteer, writable }: { volunteer: Volunteer; writable: boolean }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { kind: 'certificateOfConduct', date: todayInput(), validUntil: '' },
    validate: { date: requiredDate(t), validUntil: optionalDate(t) },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      addCheck(volunteer.id, {
        kind: v.kind,
        date: dateOrNull(v.date) as string,
        validUntil: dateOrNull(v.validUntil),
      }),
    invalidate: [volunteerKeys.all],
    notify: t('volunteers.checks.saved'),
    onSaved: () => form.reset(),
  });
  const checkColumns: Column<VolunteerCheck>[] = [
    { key: 'kind', header: t('volunteers.checks.kind'), render: (c) => t(`volunteers.checkKind.${c.kind}`) },
    { key: 'date', header: t('volunteers.checks.date'), render: (c) => formatDate(c.date) },
    {
      key: 'validUntil',
      header: t('volunteers.checks.validUntil'),
      render: (c) => formatDate(c.validUntil) || '–',
    },
  ];
  return (
    <Stack>
      <DataTable
        label={t('volunteers.checks.table')}
        columns={checkColumns}
        rows={volunteer.checks}
        rowKey={(c) => c.id}
        emptyText={t('volunteers.checks.none')}
      />
      {writable ? (
        <form
          ref={scaffold.formRef}
          noValidate
          onSubmit={scaffold.onSubmit}
          aria-label={t('volunteers.checks.add')}
        >
          <ErrorAlert error={scaffold.mutation.error} />
          <Group align="flex-start">
            <Select
              label={t('volunteers.checks.kind')}
              allowDeselect={false}
              data={checkKinds.map((k) => ({ value: k, label: t(`volunteers.checkKind.${k}`) }))}
              {...form.getInputProps('kind')}
            />
            <DateField label={t('volunteers.checks.date')} required {...form.getInputProps('date')} />
            <DateField
              label={t('volunteers.checks.validUntil')}
              description={t('volunteers.checks.validUntilHint')}
              {...form.getInputProps('validUntil')}
            />
            <Button type="submit" mt={24} loading={scaffold.mutation.isPending}>
              {t('volunteers.checks.add')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
