import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export interface Slot {
  weekday: string;
  from: string;
  to: string;
}
export const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/** When a volunteer is usually free: one line per weekday and time span. */
export function WeeklySlots<V extends { availability: Slot[] }>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const days = ['1', '2', '3', '4', '5', '6', '7'].map((d) => ({
    value: d,
    label: t(`volunteers.weekday.${d}`),
  }));
  const field = (i: number, name: keyof Slot) => form.getInputProps(`availability.${i}.${name}`);
  return (
    <Fieldset legend={t('volunteers.field.availability')}>
      <Stack gap="xs">
        {form.values.availability.map((_slot, i) => (
          <Group key={form.key(`availability.${i}`)} align="flex-end" gap="xs">
            <NativeSelect label={t('volunteers.match.weekday')} data={days} {...field(i, 'weekday')} />
            <TextInput label={t('volunteers.form.from')} w={90} placeholder="16:00" {...field(i, 'from')} />
            <TextInput label={t('volunteers.form.to')} w={90} placeholder="18:00" {...field(i, 'to')} />
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              aria-label={t('volunteers.form.removeSlot', { n: i + 1 })}
              onClick={() => form.removeListItem('availability', i)}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          size="xs"
          w="fit-content"
          onClick={() =>
            form.insertListItem('availability', { weekday: '1', from: '16:00', to: '18:00' } as never)
          }
        >
          {t('volunteers.form.addSlot')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
