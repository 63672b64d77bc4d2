import { isoOf, yearOf } from './calendar.js';
import type { Origin } from './origins.js';
import type { Rng } from './random.js';

/** When a residence title of this kind granted at registration runs out (null: no end). */
export function validUntil(rng: Rng, status: string | null, registered: number): string | null {
  switch (status) {
    case 'ae-humanitaer':
    case 'ae-familie':
      return isoOf(registered + 365 * rng.int(1, 3) + rng.int(-30, 30));
    case 'ae-arbeit-studium':
      return isoOf(registered + 365 * rng.int(1, 2) + rng.int(-30, 30));
    case 'gestattung':
      return isoOf(registered + rng.int(90, 180));
    case 'duldung':
      return isoOf(registered + rng.int(30, 180));
    case 'p24': {
      const y = yearOf(registered);
      if (y <= 2022) return rng.chance(0.4) ? '2024-03-04' : '2025-03-04';
      if (y === 2023) return '2025-03-04';
      return rng.chance(0.5) ? '2026-03-04' : '2027-03-04';
    }
    default:
      return null;
  }
}

/** A person's languages drawn from the origin's; always at least one own language besides German/English. */
export function languagesOf(rng: Rng, origin: Origin): string[] {
  const main = origin.languages[0][0];
  const langs = origin.languages.filter(([, p]) => rng.chance(p)).map(([l]) => l);
  const own = langs.some((l) => l !== 'en' && (l !== 'de' || main === 'de'));
  return own ? langs : [main, ...langs.filter((l) => l !== main)];
}
