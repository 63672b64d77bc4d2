import { ConfirmDialog } from '../ConfirmDialog';
import type { FormScaffold } from './useFormMutation';

/** The question a form asks before it sends (`useFormMutation({ ask })`): yes sends, cancel goes back. */
export function FormQuestionDialog({ scaffold }: { scaffold: FormScaffold }) {
  const question = scaffold.question;
  return (
    <ConfirmDialog
      opened={!!question}
      title={question?.title ?? ''}
      message={question?.message ?? ''}
      confirmLabel={question?.confirmLabel ?? ''}
      onConfirm={() => scaffold.answer?.(true)}
      onCancel={() => scaffold.answer?.(false)}
    />
  );
}
