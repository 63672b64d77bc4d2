import { drawName, namePools } from './names.js';
import type { Rng } from './random.js';

/** Names of the language mediators a site works with: three per language, e.g. "Rania K.", drawn once. */
export function mediatorNames(r: Rng): (lang: string) => string[] {
  const mediators = new Map<string, string[]>();
  return (lang: string) => {
    let list = mediators.get(lang);
    if (!list) {
      const m = r.fork(`mediators-${lang}`);
      const pool =
        namePools[
          { uk: 'UA', ru: 'UA', tr: 'TR', ti: 'ER', so: 'SO', prs: 'AF', ps: 'AF', fa: 'IR' }[lang] ?? 'SY'
        ];
      list = Array.from({ length: 3 }, () => {
        const first = drawName(m, m.chance(0.6) ? pool.female : pool.male).spellings[0];
        return `${first} ${String.fromCharCode(65 + m.int(0, 25))}.`;
      });
      mediators.set(lang, list);
    }
    return list;
  };
}
