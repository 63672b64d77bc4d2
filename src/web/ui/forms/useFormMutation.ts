import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../notify';
import { applyFieldIssues, focusFirstError, type IssueForm } from './fieldIssues';

/** What the scaffold needs of a Mantine `useForm()`. */
export interface ScaffoldForm<V> extends IssueForm {
  onSubmit(handle: (values: V) => void, invalid?: () => void): (event?: FormEvent<HTMLFormElement>) => void;
}

export interface FormMutationOptions<V, R> {
  form: ScaffoldForm<V>;
  /** the request; resolving to `null` means there was nothing to save (no invalidation, no message) */
  mutationFn(values: V): Promise<R | null>;
  /** query keys to refresh after a save, or a function of the saved record */
  invalidate?: QueryKey[] | ((saved: R) => QueryKey[]);
  /** the success message, or a function of the saved record and the values */
  notify?: string | ((saved: R, values: V) => string);
  /** more to do after a save (before `close`): put a record in the cache, navigate, reset the form */
  onSaved?(saved: R, values: V): void | Promise<void>;
  /** closes the dialog (also after a save with nothing to save) */
  close?(): void;
  /** the UI's own wording for a field's server issue, by field name */
  messages?: Record<string, string>;
  /** server field name → form field name (`birthYear` → `birth`) */
  aliases?: Record<string, string>;
  /** an error this form explains itself (e.g. 409 "no consent"): return true and the issues are not mapped */
  onFailed?(error: Error, values: V): boolean | undefined;
  /** runs before each request (e.g. clears a refusal shown earlier) */
  onStart?(): void;
}

/**
 * The write behind a form: sends, refreshes the queries it names, says so, closes; on a 400 puts the
 * server's field issues on the fields and focuses the first field with an error.
 * `onSubmit` goes on the `<form>`, `formRef` on the same element.
 */
export function useFormMutation<V, R>(options: FormMutationOptions<V, R>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const { form } = options;
  const focusErrors = () => focusFirstError(formRef.current);

  const mutation = useMutation({
    mutationFn: (values: V) => options.mutationFn(values),
    onMutate: () => options.onStart?.(),
    onSuccess: async (saved, values) => {
      if (saved !== null) {
        const keys =
          typeof options.invalidate === 'function' ? options.invalidate(saved) : (options.invalidate ?? []);
        for (const queryKey of keys) await queryClient.invalidateQueries({ queryKey });
        await options.onSaved?.(saved, values);
        const message = typeof options.notify === 'function' ? options.notify(saved, values) : options.notify;
        if (message) notifySuccess(message);
      }
      options.close?.();
    },
    onError: (error, values) => {
      if (!options.onFailed?.(error, values))
        applyFieldIssues(form, error, t('validation.invalid'), options.messages, options.aliases);
      focusErrors();
    },
  });

  return {
    mutation,
    formRef,
    /** focuses the first field with an error (after the browser's own checks failed) */
    focusErrors,
    /** for `<form onSubmit>`: checks the fields, then sends */
    onSubmit: form.onSubmit((values) => mutation.mutate(values), focusErrors),
  };
}

/** What a form component needs of `useFormMutation()`'s result. */
export interface FormScaffold {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit(event?: FormEvent<HTMLFormElement>): void;
  mutation: { error: unknown; isPending: boolean };
}
