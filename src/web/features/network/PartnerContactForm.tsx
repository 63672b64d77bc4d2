import { Group, Select, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { parseDateInput } from '../../ui/format';
import { FormActions } from '../../ui/forms/FormActions';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { requiredDate, textOrNull, todayInput } from '../casework/forms';
import { networkKeys, type PartnerContact } from './api';
import { useNetworkOptions } from './labels';

interface Values {
  date: string;
  kind: string | null;
  note: string;
}

/** Adds an entry to the partner's contact history (meeting, call, agreement …). */
export function PartnerContactForm({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const options = useNetworkOptions();
  const form = useForm<Values>({
    initialValues: { date: todayInput(), kind: 'meeting', note: '' },
    validate: { date: requiredDate(t), kind: (v) => (v ? null : t('validation.required')) },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      api.post<PartnerContact>(`/api/partners/${partnerId}/contacts`, {
        date: parseDateInput(v.date),
        kind: v.kind,
        note: textOrNull(v.note),
      }),
    invalidate: [
      networkKeys.partnerContacts(partnerId),
      networkKeys.partner(partnerId),
      networkKeys.partners(),
    ],
    notify: t('network.history.saved'),
    onSaved: () => form.setValues({ date: todayInput(), kind: 'meeting', note: '' }),
    messages: { date: t('validation.date') },
  });
  return (
    <form
      ref={scaffold.formRef}
      noValidate
      onSubmit={scaffold.onSubmit}
      aria-labelledby="partner-contact-add"
    >
      <Stack gap="sm">
        <Title order={3} id="partner-contact-add">
          {t('network.history.add')}
        </Title>
        <ErrorAlert error={scaffold.mutation.error} />
        <Group grow align="flex-start">
          <DateField label={t('network.history.date')} required {...form.getInputProps('date')} />
          <Select
            label={t('network.history.kind')}
            required
            data={options.contactKinds}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
        </Group>
        <Textarea label={t('network.history.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <FormActions submitLabel={t('network.history.submit')} loading={scaffold.mutation.isPending} />
      </Stack>
    </form>
  );
}
