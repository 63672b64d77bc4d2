import { Button, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

export interface SlotValues {
  /** a key for React only */
  key: string;
  weekday: string;
  from: string;
  to: string;
}

export const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The weekly plan of a mediator: rows of weekday, from, to; empty means "by arrangement". */
export function AvailabilityFields<V extends { availability: SlotValues[] }>({
  form,
}: {
  form: UseFormReturnType<V>;
}) {
  const { t } = useTranslation();
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`mediators.weekday.${d}`),
  }));
  const slots = form.values.availability;
  return (
    <Fieldset legend={t('mediators.field.availability')}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('mediators.form.availabilityHint')}
        </Text>
        {slots.map((slot, i) => (
          <Group
            key={slot.key}
            align="flex-end"
            role="group"
            aria-label={t('mediators.form.slot', { n: i + 1 })}
          >
            <Select
              label={t('mediators.field.weekday')}
              data={weekdays}
              allowDeselect={false}
              w={150}
              {...form.getInputProps(`availability.${i}.weekday`)}
            />
            <TextInput
              label={t('mediators.field.from')}
              placeholder="09:00"
              w={100}
              {...form.getInputProps(`availability.${i}.from`)}
            />
            <TextInput
              label={t('mediators.field.to')}
              placeholder="13:00"
              w={100}
              {...form.getInputProps(`availability.${i}.to`)}
            />
            <Button
              variant="default"
              aria-label={t('mediators.form.removeSlot', { n: i + 1 })}
              onClick={() => form.removeListItem('availability', i)}
            >
              ✕
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              form.insertListItem('availability', {
                key: randomId(),
                weekday: '1',
                from: '09:00',
                to: '13:00',
              } as never)
            }
          >
            {t('mediators.form.addSlot')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
