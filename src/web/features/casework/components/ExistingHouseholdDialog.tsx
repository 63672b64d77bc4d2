import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExistingHousehold } from './duplicateQuery';

interface Props {
  existing: ExistingHousehold | null;
  onOpen(existing: ExistingHousehold): void;
  onSaveAnyway(): void;
  onCancel(): void;
}

/** Before registering people who all belong to one household already: open that one, or register anyway. */
export function ExistingHouseholdDialog({ existing, onOpen, onSaveAnyway, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={!!existing}
      onClose={onCancel}
      title={t('casework.existingHousehold.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Text>
        {existing
          ? t('casework.existingHousehold.message', {
              caseNumber: existing.caseNumber,
              names: existing.names.join(', '),
            })
          : null}
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onSaveAnyway}>
          {t('casework.existingHousehold.saveAnyway')}
        </Button>
        <Button data-autofocus onClick={() => existing && onOpen(existing)}>
          {t('casework.existingHousehold.open')}
        </Button>
      </Group>
    </Modal>
  );
}
