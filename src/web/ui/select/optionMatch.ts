import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

/** Lower case without accents, so "Ubersetzung" finds "Übersetzung" and "arbei" finds "Arbeit/Beruf". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * How well a label fits the typed text: 0 the same, 1 it starts with it, 2 a word of it starts with it,
 * 3 it contains it; null no match.
 */
export function matchRank(label: string, typed: string): number | null {
  const l = foldText(label);
  const q = foldText(typed);
  if (!q) return 3;
  if (l === q) return 0;
  if (l.startsWith(q)) return 1;
  if (l.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(q))) return 2;
  return l.includes(q) ? 3 : null;
}

function isGroup(item: ComboboxParsedItem): item is { group: string; items: ComboboxItem[] } {
  return 'group' in item;
}

/** The options that fit the typed text, best first (equal fits keep the list's order). */
export function rankOptions<T extends { label: string }>(options: readonly T[], typed: string): T[] {
  return options
    .map((option, index) => ({ option, index, rank: matchRank(option.label, typed) }))
    .filter((r): r is { option: T; index: number; rank: number } => r.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((r) => r.option);
}

/** The option Enter takes for the text as typed: the best fit, or null if none fits. */
export function bestMatch<T extends { label: string; value: string; disabled?: boolean }>(
  options: readonly T[],
  typed: string,
  exclude: readonly string[] = [],
): T | null {
  if (!foldText(typed)) return null;
  const open = options.filter((o) => !o.disabled && !exclude.includes(o.value));
  return rankOptions(open, typed)[0] ?? null;
}

/** Mantine's filter with the same ranking, so the highlighted first option is the one Enter takes. */
export const rankedFilter: OptionsFilter = ({ options, search, limit }) => {
  const out: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (isGroup(item)) {
      const items = rankOptions(item.items, search);
      if (items.length) out.push({ group: item.group, items });
    }
  }
  const flat = rankOptions(
    options.filter((o): o is ComboboxItem => !isGroup(o)),
    search,
  );
  return [...out, ...flat].slice(0, limit);
};

/** The flat option list of Mantine's `data` (strings, items or groups). */
export function flatOptions(data: unknown): ComboboxItem[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((d): ComboboxItem[] => {
    if (typeof d === 'string') return [{ value: d, label: d }];
    if (d && typeof d === 'object' && 'group' in d) return flatOptions((d as { items: unknown }).items);
    const item = d as { value: string; label?: string; disabled?: boolean };
    return [{ value: String(item.value), label: item.label ?? String(item.value), disabled: item.disabled }];
  });
}
