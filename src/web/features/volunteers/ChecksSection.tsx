import { Button, Group, Select, Stack, Table } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { checkKinds } from '../../../shared/schemas/volunteers';
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
  return (
    <Stack>
      <Table fz="sm" aria-label={t('volunteers.checks.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('volunteers.checks.kind')}</Table.Th>
            <Table.Th>{t('volunteers.checks.date')}</Table.Th>
            <Table.Th>{t('volunteers.checks.validUntil')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {volunteer.checks.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{t(`volunteers.checkKind.${c.kind}`)}</Table.Td>
              <Table.Td>{formatDate(c.date)}</Table.Td>
              <Table.Td>{formatDate(c.validUntil) || '–'}</Table.Td>
            </Table.Tr>
          ))}
          {volunteer.checks.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={3}>{t('volunteers.checks.none')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
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
