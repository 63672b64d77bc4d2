import { Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CountedTextarea } from '../../ui/forms/CountedTextarea';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { caseworkKeys } from '../casework/api';
import { type RecordKind, removeRecord } from './api';

export const reasonMax = 500;

/** The reason a deletion or restriction needs: 3 to 500 characters (the server refuses control characters). */
export function useReasonForm() {
  const { t } = useTranslation();
  return useForm({
    initialValues: { reason: '' },
    validate: { reason: (v: string) => (v.trim().length >= 3 ? null : t('corrections.reasonRequired')) },
  });
}

/** Confirms deleting one record of a household; the reason is required and kept with the deletion. */
export function DeleteRecordModal({
  householdId,
  kind,
  recordId,
  label,
  onClose,
}: {
  householdId: string;
  kind: RecordKind;
  recordId: string;
  /** what is deleted, e.g. "Kontakt vom 05.03.2024" */
  label: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const form = useReasonForm();
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: { reason: string }) => removeRecord(householdId, kind, recordId, v.reason.trim()),
    invalidate: [caseworkKeys.household(householdId), caseworkKeys.myDay],
    notify: t('corrections.deleted'),
    close: onClose,
    messages: { reason: t('corrections.reasonRequired') },
  });
  return (
    <ModalForm
      title={t('corrections.deleteTitle', { record: label })}
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={t('corrections.confirmDelete')}
      submitColor="red.8"
      size="md"
    >
      <Text>{t('corrections.deleteExplain')}</Text>
      <CountedTextarea
        label={t('corrections.reason')}
        description={t('corrections.reasonDescription')}
        required
        maxLength={reasonMax}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </ModalForm>
  );
}
