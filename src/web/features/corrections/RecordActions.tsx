import { Button, Group } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../casework/api';
import { type RecordKind, useMayCorrect } from './api';
import { DeleteRecordModal } from './DeleteRecordModal';

/**
 * "Bearbeiten" and "Löschen" of one record, shown only to whoever may correct it (its author within the
 * window, the site lead) and never on a restricted household; `children` are the row's other actions.
 */
export function RecordActions({
  household,
  kind,
  recordId,
  label,
  authorId,
  createdAt,
  onEdit,
  children,
}: {
  household: Household;
  kind: RecordKind;
  recordId: string;
  /** the record as the buttons' labels name it, e.g. "Kontakt vom 05.03.2024" */
  label: string;
  authorId: string | null | undefined;
  createdAt: string | undefined;
  onEdit?(): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const mayCorrect = useMayCorrect();
  const [deleting, setDeleting] = useState(false);
  const may = !household.restriction && mayCorrect(authorId, createdAt);
  if (!may && !children) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {children}
      {may && onEdit ? (
        <Button
          size="xs"
          variant="default"
          onClick={onEdit}
          aria-label={t('corrections.editLabel', { record: label })}
        >
          {t('corrections.edit')}
        </Button>
      ) : null}
      {may ? (
        <Button
          size="xs"
          variant="default"
          c="red.9"
          onClick={() => setDeleting(true)}
          aria-label={t('corrections.deleteLabel', { record: label })}
        >
          {t('corrections.delete')}
        </Button>
      ) : null}
      {deleting ? (
        <DeleteRecordModal
          householdId={household.id}
          kind={kind}
          recordId={recordId}
          label={label}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </Group>
  );
}
