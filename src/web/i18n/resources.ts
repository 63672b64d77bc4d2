import deCasework from './de.casework.json';
import de from './de.json';
import deStatistics from './de.statistics.json';
import enCasework from './en.casework.json';
import en from './en.json';
import enStatistics from './en.statistics.json';

export type Tree = { [key: string]: string | Tree };

/** Deep merge: feature files add their own top-level sections (e.g. `casework`, `statistics`). */
function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [k, v] of Object.entries(tree)) {
      const current = out[k];
      out[k] = typeof v === 'object' && typeof current === 'object' ? merge(current, v) : v;
    }
  }
  return out;
}

export const translations = {
  de: merge(de, deCasework, deStatistics),
  en: merge(en, enCasework, enStatistics),
};
