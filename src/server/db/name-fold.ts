/**
 * The folded spelling of a name, for the list search: lower case, letters a–z only, accents and umlauts
 * dropped, and the German ae/oe/ue written as a/o/u — so Müller, Mueller and Muller, Zielińska and
 * Zielinska, Al-Saadi and "Al Saadi", Şimşek and Simsek fold alike ("muller", "zielinska", "alsadi",
 * "simsek"). Transliteration variants (Mohamad/Mohammed) are the phonetic key's job (`modules/households/name-key.ts`).
 *
 * The database computes the same fold for the stored names (generated columns `persons.first_fold` /
 * `last_fold`, from `nameFoldSql`), so the two definitions are built from one table below and cannot
 * drift apart; `test/api/household-search.test.ts` checks that they agree on both engines.
 * No `lower()`: PostgreSQL's lower() depends on the database locale (ASCII only under C), a table does not.
 */

/** Letters that are two letters in a–z (before the table; translate() maps one character to one). */
const expansions: [string, string][] = [
  ['ß', 'ss'],
  ['ẞ', 'ss'],
  ['æ', 'ae'],
  ['Æ', 'ae'],
  ['œ', 'oe'],
  ['Œ', 'oe'],
  ['þ', 'th'],
  ['Þ', 'th'],
];

/** Letters without a decomposition into base letter + accent. */
const plain = 'łŁđĐðÐøØħĦıŧŦŀĿƀɨ';
const plainBase = 'llddddoohhittllbi';

function buildTable(): { from: string; to: string } {
  let from = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${plain}`;
  let to = `abcdefghijklmnopqrstuvwxyz${plainBase}`;
  const ranges: [number, number][] = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [start, end] of ranges) {
    for (let code = start; code <= end; code++) {
      const ch = String.fromCodePoint(code);
      const base = ch.normalize('NFD')[0];
      if (ch.length === 1 && ch !== base && /[A-Za-z]/.test(base) && !from.includes(ch)) {
        from += ch;
        to += base.toLowerCase();
      }
    }
  }
  return { from, to };
}

const table = buildTable();
const map = new Map([...table.from].map((ch, i) => [ch, table.to[i]]));

/** Letters a–z with the table applied: the other characters stay (and are dropped or split on later). */
function letters(name: string): string {
  let s = name;
  for (const [ch, rep] of expansions) s = s.replaceAll(ch, rep);
  return [...s].map((ch) => map.get(ch) ?? ch).join('');
}

export function nameFold(name: string): string {
  return letters(name)
    .replace(/[^a-z]/g, '')
    .replace(/([aou])e/g, '$1');
}

/** The folded words of a name ("Koehler-Schmidt" → ["kohler", "schmidt"]), for a match of any one word. */
export function nameWords(name: string): string[] {
  return letters(name)
    .replace(/[^a-z]+/g, ' ')
    .replace(/([aou])e/g, '$1')
    .split(' ')
    .filter(Boolean);
}

function lettersSql(expression: string): string {
  let s = expression;
  for (const [ch, rep] of expansions) s = `replace(${s}, '${ch}', '${rep}')`;
  return `translate(${s}, '${table.from}', '${table.to}')`;
}

/** The same fold as SQL over a column, for the generated columns (immutable functions only). */
export function nameFoldSql(column: string): string {
  return `regexp_replace(regexp_replace(${lettersSql(`"${column}"`)}, '[^a-z]', '', 'g'), '([aou])e', '\\1', 'g')`;
}

/** `nameWords` as SQL over an expression, a text[] for a GIN index. */
export function nameWordsSql(expression: string): string {
  return `array_remove(string_to_array(regexp_replace(regexp_replace(${lettersSql(expression)}, '[^a-z]+', ' ', 'g'), '([aou])e', '\\1', 'g'), ' '), '')`;
}
