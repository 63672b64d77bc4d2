import { ApiError } from '../app/api';

interface FormLike {
  values: object;
  setFieldError(path: string, error: string): void;
}

/**
 * Puts the server's field issues (`path` like "password" or "siteIds.0") on the form fields they name.
 * The server's field messages are technical English; `localMessages` gives the UI's own wording for
 * a field's usual mistake. Returns true if any issue landed on a field.
 */
export function applyFieldIssues(
  form: FormLike,
  error: unknown,
  fallback: string,
  localMessages: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return false;
  const fields = new Set(Object.keys(form.values));
  let applied = false;
  const messages = new Map<string, string[]>();
  for (const issue of error.fieldIssues) {
    const head = issue.path.split('.')[0] ?? '';
    const field = head;
    if (!fields.has(field)) continue;
    const list = messages.get(field) ?? [];
    list.push(localMessages[field] ?? (issue.message || fallback));
    messages.set(field, list);
  }
  for (const [field, list] of messages) {
    form.setFieldError(field, [...new Set(list)].join(' '));
    applied = true;
  }
  return applied;
}
