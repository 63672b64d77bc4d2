/** A LIKE pattern matching `text` anywhere, with the wildcards % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The rows of `db.execute()`: node-postgres answers `{ rows }`, PGlite's Drizzle driver the array itself. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
