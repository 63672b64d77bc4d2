import { addLaterContacts, allocateWindowContacts } from './activity.js';
import { firstDayOfMonth, monthOf, toDay, workingDayWithin, yearOf } from './calendar.js';
import type { DemoContext, DemoSite, GeneratorOptions, SitePlan } from './context.js';
import { type Category, drawOrigin, type HouseholdPlan, planHousehold } from './households.js';
import {
  anonymousContactShare,
  laterContactRate,
  laterMonthFactor,
  monthsBetween,
  otherHouseholdShare,
  perMonthWithoutSeed,
  seedTable,
  seedWindowEnd,
  windowMonthWeight,
} from './plan.js';
import { type Rng, Weighted } from './random.js';
import { drawSize, otherMeanSize, sizeModelFor } from './sizes.js';

/** The months of [from, to] with their first and last day inside it and the share of the month covered. */
function monthSlices(from: number, to: number) {
  return monthsBetween(from, to).map((m) => {
    const first = Math.max(from, firstDayOfMonth(m));
    const last = Math.min(to, firstDayOfMonth(m + 1) - 1);
    return { m, first, last, share: (last - first + 1) / (firstDayOfMonth(m + 1) - firstDayOfMonth(m)) };
  });
}

/** Spreads `n` days over the months of [from, to] in proportion to `weight(month)`, on working days. */
function spreadDays(
  rng: Rng,
  n: number,
  from: number,
  to: number,
  weight: (month: number) => number,
): number[] {
  if (n <= 0 || to < from) return [];
  const months = monthsBetween(from, to);
  const pick = new Weighted(
    months,
    months.map((m) => {
      const first = Math.max(from, firstDayOfMonth(m));
      const last = Math.min(to, firstDayOfMonth(m + 1) - 1);
      return weight(m) * ((last - first + 1) / 30.4);
    }),
  );
  const days: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = pick.pick(rng);
    const first = Math.max(from, firstDayOfMonth(m));
    const last = Math.min(to, firstDayOfMonth(m + 1) - 1);
    days.push(workingDayWithin(rng.int(first, last), first, last));
  }
  return days.sort((a, b) => a - b);
}

/** Household sizes for the seed window whose sum is exactly `persons`. */
function windowSizes(rng: Rng, categories: Category[], persons: number): number[] {
  const others = categories.filter((c) => c === 'other').length;
  const refugees = categories.length - others;
  const refugeeMean = refugees > 0 ? (persons - others * otherMeanSize) / refugees : 1;
  const model = sizeModelFor(Math.max(1, refugeeMean));
  const sizes = categories.map((c) => drawSize(rng, c, model));
  let diff = persons - sizes.reduce((s, x) => s + x, 0);
  for (let guard = 0; diff !== 0 && guard < 1_000_000; guard++) {
    const i = rng.int(0, sizes.length - 1);
    if (diff > 0 && sizes[i] < 11 && (categories[i] === 'refugee' || rng.chance(0.2))) {
      sizes[i]++;
      diff--;
    } else if (diff < 0 && sizes[i] > 1) {
      sizes[i]--;
      diff++;
    }
  }
  return sizes;
}

/** Plans one site: households with members and their contact days, anonymous contact days. */
export function planSite(
  ctx: DemoContext,
  site: DemoSite,
  options: GeneratorOptions,
  root: Rng,
): SitePlan & { windowHouseholds: number } {
  const today = toDay(options.today);
  const opened = toDay(site.openedOn);
  const closed = site.closedOn ? toDay(site.closedOn) - 1 : Number.POSITIVE_INFINITY;
  const windowEnd = Math.min(toDay(seedWindowEnd), closed, today);
  const lastDay = Math.min(today, closed);
  const r = root.fork(site.code);
  const seed = seedTable[site.code];
  const windowMonths = opened <= windowEnd ? monthsBetween(opened, windowEnd).length : 0;
  const target = seed
    ? { households: seed.households, persons: seed.persons, contacts: seed.contacts }
    : {
        households: perMonthWithoutSeed.households * windowMonths,
        persons: perMonthWithoutSeed.persons * windowMonths,
        contacts: perMonthWithoutSeed.contacts * windowMonths,
      };
  const H = opened <= windowEnd ? Math.round(target.households * options.scale) : 0;
  const P = H > 0 ? Math.max(H, Math.round(target.persons * options.scale)) : 0;
  const C = H > 0 ? Math.round(target.contacts * options.scale) : 0;
  const openingMonth = monthOf(opened);

  // the seed window: exactly H households with P persons
  const a = r.fork('window');
  const ids = r.fork('window-ids');
  const regDays = spreadDays(a, H, opened, windowEnd, (m) => windowMonthWeight(m, openingMonth));
  const categories: Category[] = regDays.map(() => (a.chance(otherHouseholdShare) ? 'other' : 'refugee'));
  const sizes = windowSizes(a, categories, P);
  const households: HouseholdPlan[] = regDays.map((day, i) =>
    planHousehold({
      rng: a,
      ids,
      siteId: site.id,
      category: categories[i],
      registered: day,
      size: sizes[i],
      geography: site.geography,
      statuses: ctx.residenceStatuses,
    }),
  );

  // contacts in the window: registration contacts, the rest dealt out by activity, some anonymous
  let anonymous = Math.min(C, Math.round(C * anonymousContactShare));
  if (C - anonymous < H) anonymous = Math.max(0, C - H);
  const extra = Math.max(0, C - anonymous - H);
  const b = r.fork('window-contacts');
  const weightSum = allocateWindowContacts(b, households, extra, windowEnd);
  const rate = weightSum > 0 && extra > 0 ? extra / weightSum : 0.03;
  const anonymousDays = spreadDays(b, anonymous, opened, windowEnd, (m) =>
    windowMonthWeight(m, openingMonth),
  );

  // after the window, up to today: new households at the site's recent pace, contacts at its rate
  const later = r.fork('later');
  const laterIds = r.fork('later-ids');
  const from = Math.max(opened, windowEnd + 1);
  const recent = households.filter((h) => h.registered > windowEnd - 365).length;
  const monthlyBase =
    H > 0 ? recent / Math.min(12, windowMonths) : perMonthWithoutSeed.households * options.scale;
  const sizeModel = sizeModelFor(
    P > 0 ? Math.max(1, (P - H * 0.09 * otherMeanSize) / Math.max(1, H * 0.91)) : 3,
  );
  const laterHouseholds: HouseholdPlan[] = [];
  if (from <= lastDay) {
    for (const { m, first, last, share } of monthSlices(from, lastDay)) {
      const n = later.poisson(monthlyBase * laterMonthFactor(m) * share);
      const days: number[] = [];
      for (let i = 0; i < n; i++) days.push(workingDayWithin(later.int(first, last), first, last));
      for (const day of days.sort((x, y) => x - y)) {
        const category: Category = later.chance(otherHouseholdShare) ? 'other' : 'refugee';
        const origin = drawOrigin(later, category, day);
        laterHouseholds.push(
          planHousehold({
            rng: later,
            ids: laterIds,
            siteId: site.id,
            category,
            registered: day,
            size: drawSize(later, category, sizeModel, origin),
            geography: site.geography,
            statuses: ctx.residenceStatuses,
            origin,
          }),
        );
      }
    }
  }
  const all = [...households, ...laterHouseholds];
  const e = r.fork('later-contacts');
  addLaterContacts(e, all, rate * laterContactRate, windowEnd, lastDay);
  const windowAnonymousPerMonth = windowMonths > 0 ? anonymous / windowMonths : 4 * options.scale;
  if (from <= lastDay) {
    for (const { first, last, share } of monthSlices(from, lastDay)) {
      const n = e.poisson(windowAnonymousPerMonth * 0.6 * share);
      for (let i = 0; i < n; i++) anonymousDays.push(workingDayWithin(e.int(first, last), first, last));
    }
  }

  // case numbers per site and registration year, continuing any numbers already taken
  const next = new Map<number, number>();
  for (const h of all) {
    const year = yearOf(h.registered);
    const n = (next.get(year) ?? ctx.counters.get(`${site.id}:${year}`) ?? 0) + 1;
    next.set(year, n);
    h.caseNumber = `${site.code}-${year}-${String(n).padStart(4, '0')}`;
  }
  return { site, households: all, anonymousDays, windowEnd, windowHouseholds: H };
}
