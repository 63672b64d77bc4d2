import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../ErrorAlert';
import { FormActions } from './FormActions';
import { FormModal } from './FormModal';
import { FormQuestionDialog } from './FormQuestionDialog';
import type { FormScaffold } from './useFormMutation';

export interface ModalFormProps {
  title: string;
  onClose(): void;
  /** `useFormMutation()`'s result */
  scaffold: FormScaffold;
  children: ReactNode;
  size?: string;
  submitLabel?: ReactNode;
  submitColor?: string;
  /** shown instead of the error alert (e.g. an explained refusal) */
  alert?: ReactNode;
}

/** A dialog holding one form: the request's error on top, the fields, then cancel and save (and its question). */
export function ModalForm({
  title,
  onClose,
  scaffold,
  children,
  size,
  submitLabel,
  submitColor,
  alert,
}: ModalFormProps) {
  return (
    <FormModal title={title} onClose={onClose} size={size}>
      <form ref={scaffold.formRef} noValidate onSubmit={scaffold.onSubmit}>
        <Stack>
          {alert ?? <ErrorAlert error={scaffold.mutation.error} />}
          {children}
          <FormActions
            onCancel={onClose}
            submitLabel={submitLabel}
            submitColor={submitColor}
            loading={scaffold.mutation.isPending}
          />
        </Stack>
      </form>
      <FormQuestionDialog scaffold={scaffold} />
    </FormModal>
  );
}
