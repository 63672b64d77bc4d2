import { drawName, namePools } from './names.js';
import type { Rng } from './random.js';

/**
 * Names of the language mediators a site works with: three per language, drawn once — from the city's
 * pool where someone in it speaks the language, else made up ("Rania K.").
 */
export function mediatorNames(
  r: Rng,
  cityPool: { name: string; languages: string[] }[] = [],
): (lang: string) => string[] {
  const mediators = new Map<string, string[]>();
  return (lang: string) => {
    let list = mediators.get(lang);
    if (!list) {
      const m = r.fork(`mediators-${lang}`);
      const speaking = cityPool.filter((p) => p.languages.includes(lang));
      if (speaking.length) {
        list = m
          .shuffle([...speaking])
          .slice(0, 3)
          .map((p) => p.name);
        mediators.set(lang, list);
        return list;
      }
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
