import { ApiError } from '../../app/api';

/** What the mapper needs of a Mantine form. */
export interface IssueForm {
  values: object;
  setFieldError(path: string, error: string): void;
}

function valueAt(values: unknown, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The form field a server path names, or null: `members.0.birthYear` → `members.0.birth` (alias). */
function fieldPath(values: object, path: string, aliases: Record<string, string>): string[] | null {
  let parts = path.split('.');
  const last = parts[parts.length - 1] ?? '';
  if (aliases[last]) parts = [...parts.slice(0, -1), aliases[last]];
  // drop trailing parts until the path names a field of the form
  while (parts.length > 0 && valueAt(values, parts.join('.')) === undefined) parts = parts.slice(0, -1);
  // an index into a multi-value field (`languages.2`) lands on the field
  while (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1] ?? '')) parts = parts.slice(0, -1);
  return parts.length > 0 ? parts : null;
}

/**
 * Puts the server's field issues on the form fields they name, also nested ones (`members.0.firstName`,
 * `address.postcode`, `reasons.1.lifeArea`). The text is the UI's own wording for the field where
 * `messages` has one (by the field's own name, e.g. `postcode`), otherwise the server's message, which
 * the server localises by the request's Accept-Language; `fallback` only when the server sent none.
 * `aliases` rename server fields to form fields (`birthYear` → `birth`).
 * Returns true if any issue landed on a field.
 */
export function applyFieldIssues(
  form: IssueForm,
  error: unknown,
  fallback: string,
  messages: Record<string, string> = {},
  aliases: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || error.fieldIssues.length === 0) return false;
  const found = new Map<string, string[]>();
  for (const issue of error.fieldIssues) {
    const parts = fieldPath(form.values, issue.path, aliases);
    if (!parts) continue;
    const path = parts.join('.');
    const name = parts[parts.length - 1] ?? '';
    const list = found.get(path) ?? [];
    list.push(messages[name] ?? (issue.message || fallback));
    found.set(path, list);
  }
  for (const [path, list] of found) form.setFieldError(path, [...new Set(list)].join(' '));
  return found.size > 0;
}

/** After errors are shown (the next frames), focus the first field that has one (inside `root`). */
export function focusFirstError(root: HTMLElement | null): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }),
  );
}
