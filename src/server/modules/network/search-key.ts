import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { containsPattern } from '../../platform/sql.js';
import { nameKey } from '../households/name-key.js';

/** The words of a name or title (hyphens and slashes split words too: "Caritas-Verband"). */
function words(text: string): string[] {
  return text.split(/[\s\-/,.;:&+()"„“']+/).filter(Boolean);
}

/**
 * The stored search key of a partner's name or an offer's title: the phonetic skeleton of each word,
 * space-separated ("Caritasverband Dortmund" → "krtswrbnd drtmnd"). Karitas/Caritas, Türkisch/Tuerkisch/
 * Turkisch, Moschee/Moshe meet on the same skeleton. The demo generator must fill `name_key` /
 * `title_key` with this function, too.
 */
export function searchKey(text: string): string {
  return words(text).map(nameKey).filter(Boolean).join(' ');
}

/**
 * Free-text search tolerant of spelling variants (partners, offers, volunteers, mediators; the household
 * list ranks on top of the same keys, `households/list-search.ts`): every typed word must either start a word of the
 * stored key (by its skeleton) or appear literally in one of the texts. `null` when nothing is typed.
 */
export function tolerantMatch(q: string | undefined, keys: AnyPgColumn[], texts: AnyPgColumn[]): SQL | null {
  const typed = words(q ?? '').slice(0, 8);
  if (typed.length === 0) return null;
  const each = typed.map((word) => {
    const key = nameKey(word);
    const literal = texts.map((t) => sql`lower(${t}) LIKE ${containsPattern(word)}`);
    // a skeleton of one letter ("am" → "a") would match nearly everything: literal matches only
    const phonetic = key.length >= 2 ? keys.map((k) => sql`(' ' || ${k}) LIKE ${`% ${key}%`}`) : [];
    return sql`(${sql.join([...phonetic, ...literal], sql` OR `)})`;
  });
  return sql.join(each, sql` AND `);
}

/** German alphabetical order for the pages of the lists: the one collator of all name lists. */
export { germanCollator } from '../households/name-key.js';
