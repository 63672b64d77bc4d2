/**
 * The fields of `next` that differ from `before` (compared as JSON), for a correction's PATCH; null when
 * nothing changed, so the form closes without a request (useFormMutation's "nothing changed").
 */
export function changedOnly<T extends object>(before: T, next: T): Partial<T> | null {
  const changes = Object.fromEntries(
    Object.entries(next).filter(
      ([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k]),
    ),
  ) as Partial<T>;
  return Object.keys(changes).length ? changes : null;
}
