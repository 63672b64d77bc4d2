import { isoOf, yearOf } from './calendar.js';
import { Weighted } from './random.js';

/** What a household's country of origin implies: nationality codes, languages, residence statuses, customs. */
export interface Origin {
  /** key of the name pool */
  code: string;
  /** ISO codes as recorded (XX stateless, ZZ undetermined) */
  nationalities: Weighted<string>;
  /** languages of adults: [code, share of speakers]; the first is the main language */
  languages: [string, number][];
  /** residence statuses (codes of the 'residence-statuses' list) of adults */
  statuses: Weighted<string>;
  /** share of birth dates recorded as 1 January (common for Afghan documents) */
  januaryFirst: number;
  /** share of persons with only a birth year on record */
  yearOnly: number;
  /** share of households headed by a woman (single or with children) */
  femaleHead: number;
  /** share of wives who keep their own family name */
  ownNameWife: number;
  /** share of households whose members speak German at home (advice seekers born here) */
  german: number;
}

const w = (table: Record<string, number>) => Weighted.of(table);

export const origins: Record<string, Origin> = {
  SY: {
    code: 'SY',
    nationalities: w({ SY: 95, XX: 3, ZZ: 2 }),
    languages: [
      ['ar', 1],
      ['ku', 0.15],
      ['en', 0.15],
    ],
    statuses: w({
      'ae-humanitaer': 68,
      'ae-familie': 12,
      gestattung: 10,
      niederlassung: 6,
      duldung: 2,
      unbekannt: 2,
    }),
    januaryFirst: 0.08,
    yearOnly: 0.08,
    femaleHead: 0.22,
    ownNameWife: 0.55,
    german: 0,
  },
  IQ: {
    code: 'IQ',
    nationalities: w({ IQ: 97, XX: 2, ZZ: 1 }),
    languages: [
      ['ar', 0.75],
      ['ku', 0.35],
      ['ckb', 0.1],
      ['en', 0.1],
    ],
    statuses: w({
      'ae-humanitaer': 40,
      gestattung: 24,
      duldung: 22,
      'ae-familie': 8,
      niederlassung: 4,
      unbekannt: 2,
    }),
    januaryFirst: 0.12,
    yearOnly: 0.1,
    femaleHead: 0.2,
    ownNameWife: 0.5,
    german: 0,
  },
  AF: {
    code: 'AF',
    nationalities: w({ AF: 99, ZZ: 1 }),
    languages: [
      ['prs', 0.72],
      ['ps', 0.35],
      ['en', 0.1],
    ],
    statuses: w({ 'ae-humanitaer': 36, gestattung: 30, duldung: 24, 'ae-familie': 6, unbekannt: 4 }),
    januaryFirst: 0.35,
    yearOnly: 0.15,
    femaleHead: 0.15,
    ownNameWife: 0.5,
    german: 0,
  },
  IR: {
    code: 'IR',
    nationalities: w({ IR: 100 }),
    languages: [
      ['fa', 1],
      ['az', 0.08],
      ['ku', 0.06],
      ['en', 0.3],
    ],
    statuses: w({ gestattung: 34, 'ae-humanitaer': 36, duldung: 20, 'ae-familie': 6, unbekannt: 4 }),
    januaryFirst: 0.03,
    yearOnly: 0.05,
    femaleHead: 0.25,
    ownNameWife: 0.7,
    german: 0,
  },
  ER: {
    code: 'ER',
    nationalities: w({ ER: 100 }),
    languages: [
      ['ti', 0.95],
      ['ar', 0.12],
      ['am', 0.1],
      ['en', 0.2],
    ],
    statuses: w({ 'ae-humanitaer': 74, 'ae-familie': 14, gestattung: 10, unbekannt: 2 }),
    januaryFirst: 0.15,
    yearOnly: 0.1,
    femaleHead: 0.35,
    ownNameWife: 1,
    german: 0,
  },
  GN: {
    code: 'GN',
    nationalities: w({ GN: 100 }),
    languages: [
      ['fr', 0.75],
      ['ff', 0.5],
      ['en', 0.1],
    ],
    statuses: w({ duldung: 48, gestattung: 40, 'ae-humanitaer': 5, 'ae-familie': 5, unbekannt: 2 }),
    januaryFirst: 0.2,
    yearOnly: 0.1,
    femaleHead: 0.3,
    ownNameWife: 0.6,
    german: 0,
  },
  NG: {
    code: 'NG',
    nationalities: w({ NG: 100 }),
    languages: [
      ['en', 0.95],
      ['yo', 0.25],
      ['ig', 0.2],
      ['ha', 0.15],
    ],
    statuses: w({ duldung: 45, gestattung: 34, 'ae-familie': 12, 'ae-humanitaer': 6, unbekannt: 3 }),
    januaryFirst: 0.05,
    yearOnly: 0.05,
    femaleHead: 0.45,
    ownNameWife: 0.3,
    german: 0,
  },
  SO: {
    code: 'SO',
    nationalities: w({ SO: 100 }),
    languages: [
      ['so', 1],
      ['ar', 0.15],
      ['en', 0.15],
    ],
    statuses: w({ 'ae-humanitaer': 45, gestattung: 30, duldung: 20, 'ae-familie': 5 }),
    januaryFirst: 0.3,
    yearOnly: 0.12,
    femaleHead: 0.4,
    ownNameWife: 1,
    german: 0,
  },
  TR: {
    code: 'TR',
    nationalities: w({ TR: 100 }),
    languages: [
      ['tr', 0.92],
      ['ku', 0.35],
      ['en', 0.25],
    ],
    statuses: w({ gestattung: 50, 'ae-humanitaer': 36, duldung: 10, unbekannt: 4 }),
    januaryFirst: 0.02,
    yearOnly: 0.03,
    femaleHead: 0.2,
    ownNameWife: 0.1,
    german: 0,
  },
  UA: {
    code: 'UA',
    nationalities: w({ UA: 100 }),
    languages: [
      ['uk', 0.85],
      ['ru', 0.6],
      ['en', 0.2],
    ],
    statuses: w({ p24: 95, 'ae-arbeit-studium': 2, 'ae-familie': 2, unbekannt: 1 }),
    januaryFirst: 0,
    yearOnly: 0.02,
    femaleHead: 0.8,
    ownNameWife: 0.05,
    german: 0,
  },
  // other advice seekers: German advice seekers and long-established migrants
  DE: {
    code: 'DE',
    nationalities: w({ DE: 100 }),
    languages: [['de', 1]],
    statuses: w({ deutsch: 100 }),
    januaryFirst: 0,
    yearOnly: 0.02,
    femaleHead: 0.55,
    ownNameWife: 0.2,
    german: 1,
  },
  'TR-settled': {
    code: 'TR',
    nationalities: w({ TR: 55, DE: 45 }),
    languages: [
      ['tr', 0.95],
      ['de', 0.8],
      ['ku', 0.2],
    ],
    statuses: w({ niederlassung: 60, 'ae-familie': 30, 'ae-arbeit-studium': 10 }),
    januaryFirst: 0.02,
    yearOnly: 0.02,
    femaleHead: 0.35,
    ownNameWife: 0.1,
    german: 0.5,
  },
  PL: {
    code: 'PL',
    nationalities: w({ PL: 100 }),
    languages: [
      ['pl', 1],
      ['de', 0.5],
    ],
    statuses: w({ 'eu-freizuegigkeit': 100 }),
    januaryFirst: 0,
    yearOnly: 0.02,
    femaleHead: 0.4,
    ownNameWife: 0.1,
    german: 0.2,
  },
  RO: {
    code: 'RO',
    nationalities: w({ RO: 100 }),
    languages: [
      ['ro', 0.9],
      ['rom', 0.3],
      ['de', 0.2],
    ],
    statuses: w({ 'eu-freizuegigkeit': 100 }),
    januaryFirst: 0,
    yearOnly: 0.05,
    femaleHead: 0.35,
    ownNameWife: 0.1,
    german: 0,
  },
  BG: {
    code: 'BG',
    nationalities: w({ BG: 100 }),
    languages: [
      ['bg', 0.7],
      ['tr', 0.4],
      ['rom', 0.2],
    ],
    statuses: w({ 'eu-freizuegigkeit': 100 }),
    januaryFirst: 0,
    yearOnly: 0.05,
    femaleHead: 0.35,
    ownNameWife: 0.1,
    german: 0,
  },
  XK: {
    code: 'XK',
    nationalities: w({ XK: 70, RS: 20, DE: 10 }),
    languages: [
      ['sq', 1],
      ['sr', 0.25],
      ['de', 0.6],
    ],
    statuses: w({ niederlassung: 45, 'ae-familie': 30, 'ae-arbeit-studium': 15, duldung: 10 }),
    januaryFirst: 0,
    yearOnly: 0.03,
    femaleHead: 0.3,
    ownNameWife: 0.1,
    german: 0.3,
  },
  IT: {
    code: 'IT',
    nationalities: w({ IT: 100 }),
    languages: [
      ['it', 1],
      ['de', 0.7],
    ],
    statuses: w({ 'eu-freizuegigkeit': 100 }),
    januaryFirst: 0,
    yearOnly: 0.02,
    femaleHead: 0.3,
    ownNameWife: 0.1,
    german: 0.5,
  },
  GR: {
    code: 'GR',
    nationalities: w({ GR: 100 }),
    languages: [
      ['el', 1],
      ['de', 0.7],
    ],
    statuses: w({ 'eu-freizuegigkeit': 100 }),
    januaryFirst: 0,
    yearOnly: 0.02,
    femaleHead: 0.3,
    ownNameWife: 0.1,
    german: 0.5,
  },
};

/**
 * Countries of origin of refugee households registered in a year: Syria first, then Iraq and
 * Afghanistan; West Africa and Türkei rising from 2018; Ukraine from March 2022 (and then leading).
 */
const refugeeMixByYear: Record<number, Record<string, number>> = {
  2016: { SY: 46, IQ: 15, AF: 12, ER: 9, IR: 6, SO: 4, NG: 3, GN: 3, TR: 2 },
  2017: { SY: 41, IQ: 15, AF: 14, ER: 8, IR: 7, SO: 3, NG: 4, GN: 5, TR: 3 },
  2018: { SY: 36, IQ: 13, AF: 13, ER: 6, IR: 7, SO: 3, NG: 6, GN: 7, TR: 6 },
  2019: { SY: 34, IQ: 11, AF: 13, ER: 5, IR: 6, SO: 3, NG: 7, GN: 7, TR: 9 },
  2020: { SY: 33, IQ: 10, AF: 15, ER: 4, IR: 6, SO: 3, NG: 6, GN: 6, TR: 10 },
  2021: { SY: 33, IQ: 9, AF: 21, ER: 3, IR: 5, SO: 3, NG: 5, GN: 5, TR: 10 },
  2022: { UA: 55, SY: 15, AF: 12, TR: 7, IQ: 4, IR: 3, ER: 1, SO: 1, NG: 1, GN: 1 },
  2023: { UA: 26, SY: 22, AF: 18, TR: 16, IQ: 5, IR: 4, ER: 2, SO: 2, NG: 2, GN: 3 },
  2024: { UA: 27, SY: 22, AF: 18, TR: 12, IQ: 6, IR: 4, ER: 2, SO: 2, NG: 3, GN: 4 },
  2025: { UA: 24, SY: 19, AF: 19, TR: 12, IQ: 7, IR: 5, ER: 3, SO: 3, NG: 3, GN: 5 },
};

const otherMix = w({ DE: 46, 'TR-settled': 18, RO: 9, BG: 8, PL: 8, XK: 5, IT: 3, GR: 3 });

const mixCache = new Map<string, Weighted<string>>();

export function originMix(category: 'refugee' | 'other', day: number): Weighted<string> {
  if (category === 'other') return otherMix;
  const year = Math.min(2025, Math.max(2016, yearOf(day)));
  const beforeWar = year === 2022 && isoOf(day) < '2022-03-01';
  const key = `${year}${beforeWar ? '-' : ''}`;
  let mix = mixCache.get(key);
  if (!mix) {
    const table = { ...refugeeMixByYear[beforeWar ? 2021 : year] };
    mix = w(table);
    mixCache.set(key, mix);
  }
  return mix;
}
