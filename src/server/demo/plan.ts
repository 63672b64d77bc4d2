import { isoOf, monthOf } from './calendar.js';

/** Last day of the seed's statistics (Okt. 2016 bis Okt. 2021). */
export const seedWindowEnd = '2021-10-31';

/**
 * The seed's table: households registered by each site from its opening to 31 Oct 2021, the persons in
 * them and the contacts the site logged in that time. At scale 1 the demo data reproduce it exactly.
 */
export const seedTable: Record<string, { households: number; persons: number; contacts: number }> = {
  BA: { households: 671, persons: 1829, contacts: 8791 },
  MH: { households: 573, persons: 2037, contacts: 8027 },
  HH: { households: 400, persons: 1212, contacts: 6098 },
  ES: { households: 569, persons: 1928, contacts: 6983 },
  LD: { households: 381, persons: 1239, contacts: 4534 },
  IWO: { households: 346, persons: 827, contacts: 3749 },
  IN: { households: 461, persons: 1106, contacts: 2574 },
};

/** A site the seed does not know (another city's profile): an average Dortmund site per month open. */
export const perMonthWithoutSeed = { households: 11, persons: 32, contacts: 120 };

/** Share of 'other' (non-refugee) households among those registered, and of anonymous contacts. */
export const otherHouseholdShare = 0.09;
export const anonymousContactShare = 0.05;

/**
 * Relative weight of a month for registrations in the seed window: a ramp-up after a site opens,
 * more households moving out of transitional accommodation in 2016/17, a dip in the first lockdown.
 */
export function windowMonthWeight(month: number, openingMonth: number): number {
  const sinceOpening = month - openingMonth;
  const rampUp = sinceOpening < 4 ? 0.45 + 0.15 * sinceOpening : 1;
  const iso = isoOf(Math.round(Date.UTC(Math.floor(month / 12), month % 12, 15) / 86_400_000)).slice(0, 7);
  const year = Math.floor(month / 12);
  const trend = { 2016: 1.3, 2017: 1.2, 2018: 1.05, 2019: 0.95, 2020: 0.9, 2021: 1 }[year] ?? 1;
  const covid = iso === '2020-04' ? 0.45 : iso === '2020-05' ? 0.6 : iso === '2020-12' ? 0.75 : 1;
  const evacuation = iso === '2021-09' || iso === '2021-10' ? 1.2 : 1;
  const summer = month % 12 === 7 ? 0.85 : 1;
  return rampUp * trend * covid * evacuation * summer;
}

/**
 * After the seed window: new households per site and month as a factor of the site's average in its last
 * window year — at that level with the window's summer dip, a little fewer from 2024 on, and the arrivals
 * from Ukraine on top from March 2022 (most in spring 2022, then fading).
 */
export function laterMonthFactor(month: number): number {
  const iso = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  const ukraine: Record<string, number> = {
    '2022-03': 1.3,
    '2022-04': 1.2,
    '2022-05': 0.9,
    '2022-06': 0.7,
    '2022-07': 0.5,
    '2022-08': 0.4,
    '2022-09': 0.35,
    '2022-10': 0.3,
    '2022-11': 0.3,
    '2022-12': 0.25,
  };
  const base = iso < '2023-01' ? 0.65 : iso < '2024-01' ? 0.7 : iso < '2025-01' ? 0.68 : 0.66;
  const summer = month % 12 === 7 ? 0.85 : 1;
  return base * summer + laterUkraineWeight * (ukraine[iso] ?? 0);
}

/** How strongly the arrivals from Ukraine add to a site's registrations (× its monthly average). */
const laterUkraineWeight = 0.5;

/**
 * Contacts per household after the seed window relative to the window's rate: the same, so the trend
 * continues without a step at November 2021.
 */
export const laterContactRate = 1;

export function monthsBetween(fromDay: number, toDay: number): number[] {
  const months: number[] = [];
  for (let m = monthOf(fromDay); m <= monthOf(toDay); m++) months.push(m);
  return months;
}
