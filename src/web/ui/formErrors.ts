import { ApiError } from '../app/api';

interface FormLike {
  values: object;
  setFieldError(path: string, error: string): void;
}

/**
 * Puts the server's field issues (`path` like "password" or "siteIds.0") on the form fields they name.
 * `aliases` maps server paths to form fields where the names differ. Returns true if any issue
 * landed on a field, so the caller can keep the general alert short.
 */
export function applyFieldIssues(
  form: FormLike,
  error: unknown,
  fallback: string,
  aliases: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return false;
  const fields = new Set(Object.keys(form.values));
  let applied = false;
  const messages = new Map<string, string[]>();
  for (const issue of error.fieldIssues) {
    const head = issue.path.split('.')[0] ?? '';
    const field = aliases[head] ?? head;
    if (!fields.has(field)) continue;
    const list = messages.get(field) ?? [];
    list.push(issue.message || fallback);
    messages.set(field, list);
  }
  for (const [field, list] of messages) {
    form.setFieldError(field, [...new Set(list)].join(' '));
    applied = true;
  }
  return applied;
}
