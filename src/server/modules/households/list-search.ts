import { type SQL, sql } from 'drizzle-orm';
import { nameFold, nameWords } from '../../db/name-fold.js';
import { nameKey } from './name-key.js';
import { splitName } from './search.js';

/**
 * The household list's `q`: a case number (exact or its beginning) or a member's name, matched with the
 * tolerance of the duplicate check — folded spellings (Muller/Müller, Zielinska/Zielińska, "Al Saadi"/
 * Al-Saadi) and phonetic keys (Mohamad/Mohammed) — on indexed columns (`persons.*_fold`, `*_key`,
 * `households.case_number`). Rank of a match, best first:
 *   0 exact (case-insensitive), 1 equal when folded, 2 beginning of the folded name / case number or
 *   a whole word of a double name, 3 phonetic variant.
 */

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const noMatch = 9;

type Part = 'first' | 'last';

/** A typed name against one name of a person: the condition (indexable) and the rank of the match. */
function partMatch(part: Part, typed: string): { where: SQL; rank: SQL } | null {
  const fold = nameFold(typed);
  if (!fold) return null;
  const key = nameKey(typed);
  const foldCol = sql.raw(`p.${part}_fold`);
  const keyCol = sql.raw(`p.${part}_key`);
  const nameCol = sql.raw(`p.${part}_name`);
  const prefix = sql`${foldCol} LIKE ${`${escapeLike(fold)}%`}`;
  // a skeleton of one letter ("Ali" → "al" is two) would match nearly everyone: folded spelling only
  const variant = key.length >= 2 ? sql`${keyCol} = ${key}` : null;
  return {
    where: variant ? sql`(${prefix} OR ${variant})` : prefix,
    rank: sql`CASE WHEN lower(${nameCol}) = lower(${typed}) THEN 0 WHEN ${foldCol} = ${fold} THEN 1
      WHEN ${prefix} THEN 2 ${variant ? sql`WHEN ${variant} THEN 3 ` : sql``}ELSE ${sql.raw(String(noMatch))} END`,
  };
}

/** Both names of a split must match; the weaker of the two is the rank. */
function pairMatch(first: string, last: string) {
  const a = partMatch('first', first);
  const b = partMatch('last', last);
  if (!a || !b) return null;
  return { where: sql`(${a.where} AND ${b.where})`, rank: sql`GREATEST(${a.rank}, ${b.rank})` };
}

/** The ways the typed text can name a person: as one name (first or last), or split into both (either order). */
function personMatches(q: string) {
  const whole = [partMatch('last', q), partMatch('first', q)];
  const splits = splitName(q)
    .filter((s) => s.first)
    .flatMap((s) => [pairMatch(s.first, s.last), pairMatch(s.last, s.first)]);
  // every typed word is a word of the names, in any order: Schmidt → Koehler-Schmidt, Maria → Anna Maria
  const words = nameWords(q);
  // names of two words are found by their first and last name; only longer ones need the word index
  const inWords = sql`(cardinality(p.name_words) > 2 AND p.name_words @> ${sql.param(words)}::text[])`;
  const anyWord = words.length
    ? { where: inWords, rank: sql`CASE WHEN ${inWords} THEN 2 ELSE ${sql.raw(String(noMatch))} END` }
    : null;
  return [...whole, ...splits, anyWord].filter((m) => m !== null);
}

const caseNumber = sql.raw('"households"."case_number"');

/**
 * What the list search adds to the list query: a filter on the households (a case number), or the matching
 * members of the scope's sites with the best rank per household (`matches`, to join on `household_id`).
 */
export type HouseholdSearch =
  | { kind: 'caseNumber'; where: SQL; rank: SQL }
  | { kind: 'names'; matches: SQL }
  | { kind: 'none' };

/**
 * The list search for `q` at the given sites (the user's sites, or the one chosen), or null when nothing is
 * typed. Names are read from the site-bounded indexes on persons (`persons.site_id` is the household's site,
 * kept by the database), so "Ahmad" reads the Ahmads of the user's sites only, once, with their rank.
 */
export function householdSearch(q: string, siteIds: string[]): HouseholdSearch | null {
  const typed = q.trim().slice(0, 100);
  if (!typed) return null;
  // names have no digits, case numbers do: "BA-2024" finds case numbers, not everyone named Ba…
  if (/\d/.test(typed)) {
    const number = typed.toUpperCase().replace(/\s+/g, '');
    const where = sql`${caseNumber} LIKE ${`${escapeLike(number)}%`}`;
    return { kind: 'caseNumber', where, rank: sql`CASE WHEN ${caseNumber} = ${number} THEN 0 ELSE 2 END` };
  }
  const persons = personMatches(typed);
  if (persons.length === 0) return { kind: 'none' };
  const personWhere = sql.join(
    persons.map((m) => m.where),
    sql` OR `,
  );
  const personRank =
    persons.length === 1
      ? persons[0].rank
      : sql`LEAST(${sql.join(
          persons.map((m) => m.rank),
          sql`, `,
        )})`;
  return {
    kind: 'names',
    matches: sql`SELECT p.household_id, min(${personRank}) AS rank FROM persons p
      WHERE p.site_id = ANY(${sql.param(siteIds)}::uuid[]) AND (${personWhere}) GROUP BY p.household_id`,
  };
}
