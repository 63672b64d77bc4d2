import type { Translate } from '../../../shared/statistics-tables.js';
import de from '../../../web/i18n/de.statistics.json' with { type: 'json' };
import en from '../../../web/i18n/en.statistics.json' with { type: 'json' };

/**
 * The exports' texts come from the web's translation files, so page, XLSX and CSV say the same. Only
 * `{{name}}` interpolation is needed (no plurals, no nesting).
 */
type Tree = { [key: string]: string | Tree };
const trees: Record<'de' | 'en', Tree> = { de, en };

export function translator(lang: 'de' | 'en'): Translate {
  const tree = trees[lang];
  return (key, values) => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`statistics text missing: ${key}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
  };
}
