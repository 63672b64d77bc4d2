import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { useRefOptions } from '../options';
import type { ContactValues } from './contactValues';
import { maxReasons } from './contactValues';
import type { FieldSource } from './MemberFields';
import { Shortcut } from './Shortcut';

interface ReasonForm extends FieldSource {
  values: Pick<ContactValues, 'reasons'>;
  errors: Record<string, unknown>;
}

/** The contact's counselling reasons: life area × support kind, one row each; Alt+N adds one. */
export function ContactReasonFields({
  form,
  onAdd,
  onRemove,
}: {
  form: ReasonForm;
  onAdd(): void;
  onRemove(index: number): void;
}) {
  const { t } = useTranslation();
  const lifeAreas = useRefOptions('life-areas');
  const supportKinds = useRefOptions('support-kinds');
  const reasonsError = form.errors.reasons;
  return (
    <Fieldset legend={t('casework.contact.reasons')} variant="filled">
      <Stack gap="sm">
        <Text size="sm">{t('casework.contact.reasonsHint')}</Text>
        {form.values.reasons.map((reason, index) => (
          <Fieldset
            key={reason.key}
            variant="unstyled"
            legend={
              <Text component="span" size="sm" fw={700}>
                {t('casework.contact.reason', { n: index + 1 })}
              </Text>
            }
            data-testid="reason-row"
          >
            <Group align="flex-start" wrap="wrap" gap="sm">
              <QuickSelect
                label={t('casework.contact.lifeArea')}
                required
                data={lifeAreas.options}
                style={{ flex: '1 1 16rem' }}
                {...form.getInputProps(`reasons.${index}.lifeArea`)}
              />
              <QuickSelect
                label={t('casework.contact.supportKind')}
                required
                data={supportKinds.options}
                style={{ flex: '1 1 12rem' }}
                {...form.getInputProps(`reasons.${index}.supportKind`)}
              />
              {form.values.reasons.length > 1 ? (
                <Button
                  variant="default"
                  mt={25}
                  onClick={() => onRemove(index)}
                  aria-label={t('casework.contact.removeReasonAria', { n: index + 1 })}
                >
                  {t('casework.contact.removeReason')}
                </Button>
              ) : null}
            </Group>
          </Fieldset>
        ))}
        {typeof reasonsError === 'string' ? (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {reasonsError}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="default"
            onClick={onAdd}
            aria-keyshortcuts="Alt+N"
            disabled={form.values.reasons.length >= maxReasons}
          >
            {t('casework.contact.addReason')}&nbsp;
            <Shortcut keys={['Alt', 'N']} />
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
