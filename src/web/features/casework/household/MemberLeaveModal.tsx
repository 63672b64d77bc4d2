import { Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { DateField } from '../../../ui/DateField';
import { parseDateInput } from '../../../ui/format';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { caseworkKeys, type Household, type Person } from '../api';
import { requiredDate, todayInput } from '../forms';

/** A member leaves the household on a date (stays listed as a former member). */
export function MemberLeaveModal({
  household,
  person,
  onClose,
}: {
  household: Household;
  person: Person;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const name = `${person.firstName} ${person.lastName}`;
  const form = useForm({ initialValues: { leftOn: todayInput() }, validate: { leftOn: requiredDate(t) } });
  const scaffold = useFormMutation({
    form,
    mutationFn: (values: { leftOn: string }) =>
      api.patch<Person>(`/api/households/${household.id}/members/${person.id}`, {
        leftOn: parseDateInput(values.leftOn),
      }),
    invalidate: [caseworkKeys.household(household.id)],
    notify: t('casework.members.leftNotice', { name }),
    close: onClose,
    messages: { leftOn: t('validation.date') },
  });
  return (
    <ModalForm
      title={t('casework.members.leaveTitle', { name })}
      size="md"
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={t('casework.members.leave')}
    >
      <Text size="sm">{t('casework.members.leaveText')}</Text>
      <DateField
        label={t('casework.members.leftOn')}
        required
        data-autofocus
        {...form.getInputProps('leftOn')}
      />
    </ModalForm>
  );
}
