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
  const inWords = sql`p.name_words @> ${sql.param(words)}::text[]`;
  const anyWord = words.length
    ? { where: inWords, rank: sql`CASE WHEN ${inWords} THEN 2 ELSE ${sql.raw(String(noMatch))} END` }
    : null;
  return [...whole, ...splits, anyWord].filter((m) => m !== null);
}

const householdId = sql.raw('"households"."id"');
const caseNumber = sql.raw('"households"."case_number"');

/** The filter and the rank (lower is better) of the list search, or null when nothing is typed. */
export function householdSearch(q: string): { where: SQL; rank: SQL } | null {
  const typed = q.trim().slice(0, 100);
  if (!typed) return null;
  // names have no digits, case numbers do: "BA-2024" finds case numbers, not everyone named Ba…
  if (/\d/.test(typed)) {
    const number = typed.toUpperCase().replace(/\s+/g, '');
    const where = sql`${caseNumber} LIKE ${`${escapeLike(number)}%`}`;
    return { where, rank: sql`CASE WHEN ${caseNumber} = ${number} THEN 0 ELSE 2 END` };
  }
  const persons = personMatches(typed);
  if (persons.length === 0) return { where: sql`false`, rank: sql`NULL::int` };
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
  // a semi-join (no OR with the case number), so the planner knows how few households match
  return {
    where: sql`${householdId} IN (SELECT p.household_id FROM persons p WHERE ${personWhere})`,
    rank: sql`(SELECT min(${personRank}) FROM persons p WHERE p.household_id = ${householdId} AND (${personWhere}))`,
  };
}
