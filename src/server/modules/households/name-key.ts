/**
 * Phonetic skeleton of a name, so that transliterations and spellings meet:
 * Mohammed/Muhammad/Mohamad → "md", Al-Hassan/Alhasan/El Hassan → "hsn", Yusuf/Youssef/Jusuf → "ysf",
 * Abdulrahman/Abd al-Rahman → "abdrmn", Aliyev/Aliev → "alv", Şahin/Schahin, Müller/Mueller.
 * Same input rules for stored names and queries; precision comes from the scoring afterwards.
 */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ş', 'sh')
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replaceAll('ı', 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/g, '');
}

export function nameKey(name: string): string {
  let s = normalizeName(name);
  // Arabic article and the "servant of" compounds: Al-Hassan → hassan, Abd al-Rahman / Abdulrahman → abdrahman
  s = s.replace(/^(abd)(al|el|ul|ol|ar|ur|er|ir)(?=[a-z]{3})/, '$1');
  s = s.replace(/^(abd)(u|e|o)(?=[^aeiou])/, '$1');
  s = s.replace(/^(al|el)(?=[^aeiouy][a-z]{2})/, '');
  if (!s) return '';
  s = s
    .replace(/^dsch/, 'j')
    .replace(/schtsch/g, 'shch')
    .replace(/tsch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/^j/, 'y')
    .replace(/ph/g, 'f')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'w')
    .replace(/dj/g, 'j');
  const first = /[aeiouy]/.test(s[0]) ? 'a' : s[0];
  const rest = s.slice(1).replace(/[aeiouyh]/g, '');
  let out = first;
  for (const ch of rest) if (ch !== out[out.length - 1]) out += ch;
  return out;
}

/** Dice similarity of letter pairs of the normalized names (0…1). */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const pairs = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const px = pairs(x);
  const py = pairs(y);
  let common = 0;
  for (const [k, n] of px) common += Math.min(n, py.get(k) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/**
 * German alphabetical order (DIN 5007-1: Ä with A, Ö with O, ß as ss, Ş with S), case-insensitive,
 * for lists sorted in TypeScript; SQL sorts use `germanCollation` — the same order on both engines.
 */
export const germanCollator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/**
 * The ICU root collation: CLDR's German order is the root order, and PGlite ships only this ICU
 * collation ("de-x-icu" exists on PostgreSQL but not in PGlite).
 */
export const germanCollation = '"und-x-icu"';
