import { drawFamilyName, drawName, namePools } from './names.js';
import type { Rng } from './random.js';
import type { DemoTable, Value } from './writer.js';

/**
 * Counts of the network demo data: `min` at scale 1, growing slower than the case data (a city with ten
 * times the households has more partners and volunteers, but not ten times as many).
 */
export function scaledCount(min: number, scale: number): number {
  return Math.max(1, Math.round(min * (scale >= 1 ? scale ** 0.6 : scale)));
}

export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

export const timeOf = (minutes: number) => `${hhmm(minutes)}:00`;

/** A placeholder text filled with a district's and the city's name. */
export function fill(template: string, district: string, city: string): string {
  return template.replaceAll('{d}', district).replaceAll('{c}', city);
}

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[c] ?? c)
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '');

/** A demo address (example.org: never a real mailbox). */
export function emailOf(first: string, last: string, domain = 'example.org'): string {
  return `${ascii(first)}.${ascii(last)}@${domain}`;
}

export function phoneOf(rng: Rng, city: string): string {
  const prefix = city === 'Dortmund' ? '0231' : '0201';
  return rng.chance(0.35)
    ? `01${rng.int(51, 79)} ${rng.int(1_000_000, 9_999_999)}`
    : `${prefix} ${rng.int(100_000, 9_999_999)}`;
}

/** A person's name from a pool of the name lists (German by default). */
export function personName(rng: Rng, poolCode = 'DE'): { first: string; last: string; female: boolean } {
  const pool = namePools[poolCode] ?? namePools.DE;
  const female = rng.chance(0.6);
  const first = drawName(rng, female ? pool.female : pool.male).spellings[0];
  const last = drawFamilyName(rng, pool).spellings[0];
  return { first, last, female };
}

/** Up to `n` distinct items drawn from the list. */
export function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  return rng.shuffle([...items]).slice(0, Math.max(0, Math.min(n, items.length)));
}

/** Languages in the order of how many demo households speak them (German left out). */
export function householdLanguageWeights(
  plans: { households: { mainLanguage: string; languages: string[] }[] }[],
): [string, number][] {
  const count = new Map<string, number>();
  for (const p of plans)
    for (const h of p.households)
      if (h.mainLanguage !== 'de') count.set(h.mainLanguage, (count.get(h.mainLanguage) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Where the network generators put their rows. */
export interface NetworkEmitter {
  add(table: DemoTable, row: Value[]): void;
}
