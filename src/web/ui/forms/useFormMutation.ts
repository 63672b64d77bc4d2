import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../notify';
import { applyFieldIssues, focusFirstError, type IssueForm } from './fieldIssues';
import { useUnsavedChanges } from './unsavedChanges';

/** What the scaffold needs of a Mantine `useForm()`. */
export interface ScaffoldForm<V> extends IssueForm {
  onSubmit(handle: (values: V) => void, invalid?: () => void): (event?: FormEvent<HTMLFormElement>) => void;
  /** Mantine's: changed since the start (or the last `resetDirty`)? Leaving then asks first. */
  isDirty?(): boolean;
  resetDirty?(values?: V): void;
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
  /**
   * A question before sending (a date in the past, a probable duplicate): the values pass the checks,
   * then this resolves to a question, or null to send at once. Yes sends, no goes back to the form.
   */
  ask?(values: V): FormQuestion | null | Promise<FormQuestion | null>;
}

/** What a form asks before it sends; `data` is the form's own (e.g. the existing household). */
export interface FormQuestion {
  title: string;
  message: string;
  confirmLabel: string;
  data?: unknown;
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
  // leaving with unsaved changes asks first (route change, tab close); a saved form may leave
  const saving = useRef(false);
  const latest = useRef(form);
  latest.current = form;
  const isDirty = useCallback(() => !saving.current && (latest.current.isDirty?.() ?? false), []);
  useUnsavedChanges(isDirty);

  const mutation = useMutation({
    mutationFn: (values: V) => options.mutationFn(values),
    onMutate: () => options.onStart?.(),
    onSuccess: async (saved, values) => {
      saving.current = true;
      form.resetDirty?.();
      if (saved !== null) {
        const keys =
          typeof options.invalidate === 'function' ? options.invalidate(saved) : (options.invalidate ?? []);
        for (const queryKey of keys) await queryClient.invalidateQueries({ queryKey });
        await options.onSaved?.(saved, values);
        const message = typeof options.notify === 'function' ? options.notify(saved, values) : options.notify;
        if (message) notifySuccess(message);
      }
      options.close?.();
      // a form that stays (the next anonymous contact) starts clean from what it shows now
      form.resetDirty?.();
      saving.current = false;
    },
    onError: (error, values) => {
      if (!options.onFailed?.(error, values))
        applyFieldIssues(form, error, t('validation.invalid'), options.messages, options.aliases);
      focusErrors();
    },
  });

  const [question, setQuestion] = useState<(FormQuestion & { values: V }) | null>(null);
  const send = async (values: V) => {
    const asked = options.ask ? await options.ask(values) : null;
    if (asked) setQuestion({ ...asked, values });
    else mutation.mutate(values);
  };

  return {
    mutation,
    formRef,
    /** focuses the first field with an error (after the browser's own checks failed) */
    focusErrors,
    /** for `<form onSubmit>`: checks the fields, asks `ask`'s question if any, then sends */
    onSubmit: form.onSubmit((values) => void send(values), focusErrors),
    /** the open question of `ask`, and its answer: true sends the values, false goes back */
    question,
    answer(yes: boolean) {
      if (yes && question) mutation.mutate(question.values);
      setQuestion(null);
    },
    /** the user leaves on purpose (e.g. to the existing household): no unsaved-changes question */
    discard() {
      form.resetDirty?.();
    },
  };
}

/** What a form component needs of `useFormMutation()`'s result. */
export interface FormScaffold {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit(event?: FormEvent<HTMLFormElement>): void;
  mutation: { error: unknown; isPending: boolean };
  question?: FormQuestion | null;
  answer?(yes: boolean): void;
}
