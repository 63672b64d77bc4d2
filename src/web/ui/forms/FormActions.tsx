import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface FormActionsProps {
  /** "Abbrechen" as a button … */
  onCancel?(): void;
  /** … or as a link to this path; neither: no cancel */
  cancelTo?: string;
  /** the save button's text; "Speichern" unless given */
  submitLabel?: ReactNode;
  submitColor?: string;
  loading?: boolean;
}

/** The footer of every form: cancel on the left of save, both at the end of the line. */
export function FormActions({ onCancel, cancelTo, submitLabel, submitColor, loading }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {cancelTo ? (
        <Button variant="default" component={Link} to={cancelTo}>
          {t('common.cancel')}
        </Button>
      ) : onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
      <Button type="submit" color={submitColor} loading={loading}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
