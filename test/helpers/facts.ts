/**
 * Statistics facts in a form that rollups and plain SQL compare equal in: every list of rows without the
 * rows that count nothing, each row with its keys in order, the list sorted; nested fact trees (e.g. the
 * cell keys' sums) alike. Use as `expect(normalFacts(await rollupFacts(…))).toEqual(normalFacts(await plainFacts(…)))`.
 */
export function normalFacts(facts: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(facts)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [
        name,
        Array.isArray(value) ? value.filter(countsSomething).map(stableRow).sort() : normalFacts(value),
      ]),
  );
}

const countsSomething = (row: object) => Object.values(row).some((v) => typeof v === 'number' && v !== 0);
const stableRow = (row: object) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));
