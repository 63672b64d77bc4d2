import { ActionIcon, Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export interface ContactPersonValues {
  name: string;
  function: string;
  phone: string;
  email: string;
}

export const emptyContactPerson: ContactPersonValues = { name: '', function: '', phone: '', email: '' };

/** The partner's contact persons: a repeatable group of name, function, phone and e-mail. */
export function ContactPersonsFields<V extends { contactPersons: ContactPersonValues[] }>({
  form,
}: {
  form: UseFormReturnType<V>;
}) {
  const { t } = useTranslation();
  const persons = form.values.contactPersons;
  return (
    <Fieldset legend={t('network.partners.contactPersons')}>
      <Stack>
        {persons.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id before they are saved
          <Group key={i} align="flex-end" wrap="wrap">
            <TextInput
              label={t('network.partners.cpName')}
              required
              {...form.getInputProps(`contactPersons.${i}.name`)}
            />
            <TextInput
              label={t('network.partners.cpFunction')}
              {...form.getInputProps(`contactPersons.${i}.function`)}
            />
            <TextInput
              label={t('network.partners.cpPhone')}
              type="tel"
              {...form.getInputProps(`contactPersons.${i}.phone`)}
            />
            <TextInput
              label={t('network.partners.cpEmail')}
              type="email"
              {...form.getInputProps(`contactPersons.${i}.email`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('network.partners.removeContactPerson', { n: i + 1 })}
              onClick={() => form.removeListItem('contactPersons', i)}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => form.insertListItem('contactPersons', { ...emptyContactPerson } as never)}
          >
            {t('network.partners.addContactPerson')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
