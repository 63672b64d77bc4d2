import { nameKey } from '../modules/households/name-key.js';
import { addLaterContacts, allocateWindowContacts, settleStatus } from './activity.js';
import { drawAddress } from './addresses.js';
import { firstDayOfMonth, isoOf, monthOf, officeTime, toDay, workingDayWithin, yearOf } from './calendar.js';
import { type CaseworkCodes, CaseworkModel } from './casework.js';
import { type ContactCodes, type ContactDetails, ContactModel } from './contacts.js';
import {
  type Category,
  drawOrigin,
  drawSize,
  type HouseholdPlan,
  otherMeanSize,
  planHousehold,
  registeredAt,
  type SiteGeography,
  sizeModelFor,
} from './households.js';
import { drawName, namePools } from './names.js';
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
import { Rng, Weighted } from './random.js';
import type { DemoSink, Value } from './writer.js';

export interface DemoSite {
  id: string;
  code: string;
  openedOn: string;
  closedOn: string | null;
  geography: SiteGeography;
}

/** Everything the generator reads from the database before it starts: sites, codes, staff, counters. */
export interface DemoContext {
  sites: DemoSite[];
  contactCodes: ContactCodes;
  caseworkCodes: CaseworkCodes;
  residenceStatuses: Set<string>;
  /** demo caseworkers and site leads per site id */
  staffBySite: Map<string, string[]>;
  /** last case number per `${siteId}:${year}` already taken */
  counters: Map<string, number>;
}

export interface GeneratorOptions {
  scale: number;
  seed: number;
  /** YYYY-MM-DD; data run up to this day */
  today: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SitePlan {
  site: DemoSite;
  households: HouseholdPlan[];
  anonymousDays: number[];
  windowEnd: number;
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
    for (const m of monthsBetween(from, lastDay)) {
      const first = Math.max(from, firstDayOfMonth(m));
      const last = Math.min(lastDay, firstDayOfMonth(m + 1) - 1);
      const share = (last - first + 1) / (firstDayOfMonth(m + 1) - firstDayOfMonth(m));
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
    for (const m of monthsBetween(from, lastDay)) {
      const first = Math.max(from, firstDayOfMonth(m));
      const last = Math.min(lastDay, firstDayOfMonth(m + 1) - 1);
      const share = (last - first + 1) / (firstDayOfMonth(m + 1) - firstDayOfMonth(m));
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

/** Status, recent move-ins and transfers (only after the seed window, so its figures stay as they are). */
export function settleSite(plan: SitePlan, sites: DemoSite[], options: GeneratorOptions, root: Rng) {
  const today = toDay(options.today);
  const t = root.fork(plan.site.code).fork('settle');
  for (const h of plan.households) {
    settleStatus(t, h, today);
    const last = h.contactDays[h.contactDays.length - 1] ?? h.registered;
    if (
      h.category === 'refugee' &&
      h.movedIn === null &&
      h.status === 'active' &&
      last >= today - 180 &&
      t.chance(0.2)
    ) {
      h.movedIn = Math.max(h.registered, today - t.int(0, 20));
      h.welcomeVisit = false;
    }
    const earliest = Math.max(h.registered, plan.windowEnd) + 14;
    const latest = Math.min(h.end, today) - 1;
    if (h.status !== 'closed' && h.status !== 'movedAway' && earliest < latest && t.chance(0.015)) {
      const day = workingDayWithin(t.int(earliest, latest), earliest, latest);
      const targets = sites.filter(
        (s) => s.id !== plan.site.id && toDay(s.openedOn) <= day && (!s.closedOn || toDay(s.closedOn) > day),
      );
      if (targets.length === 0) continue;
      const to = t.pick(targets);
      const districtCode = to.geography.districtCodes.length ? t.pick(to.geography.districtCodes) : null;
      const subs = districtCode ? (to.geography.subdistricts.get(districtCode) ?? []) : [];
      const address = drawAddress(t, districtCode, to.geography.city);
      h.transfer = { day, toSiteId: to.id, districtCode };
      h.siteId = to.id;
      h.districtCode = districtCode;
      h.subdistrictCode = subs.length ? t.pick(subs) : null;
      h.street = address.street;
      h.postcode = address.postcode;
      h.city = address.city;
    }
  }
}

/** Emits all rows of the planned sites to the sink, in foreign-key order per site. */
export async function emit(
  ctx: DemoContext,
  plans: SitePlan[],
  options: GeneratorOptions,
  root: Rng,
  sink: DemoSink,
) {
  const today = toDay(options.today);
  const windowEndDay = toDay(seedWindowEnd);
  const total = plans.reduce(
    (s, p) =>
      s +
      p.anonymousDays.length +
      p.households.reduce((x, h) => x + 1 + h.persons.length + h.contactDays.length, 0),
    0,
  );
  let done = 0;
  let reported = 0;
  const progress = (n: number) => {
    done += n;
    if (options.onProgress && (done - reported >= 2000 || done === total)) {
      reported = done;
      options.onProgress(done, total);
    }
  };
  const add = (table: Parameters<DemoSink['add']>[0], row: Value[]) => sink.add(table, row);
  const flush = async () => {
    const p = sink.flushFull();
    if (p) await p;
  };
  const casework = new CaseworkModel(ctx.caseworkCodes, today);
  const contactModel = new ContactModel(ctx.contactCodes);

  for (const plan of plans) {
    const r = root.fork(plan.site.code);
    const x = r.fork('records');
    const xIds = r.fork('records-ids');
    const staffOf = (rng: Rng, siteId: string) => {
      const list = ctx.staffBySite.get(siteId);
      return list?.length && rng.chance(0.6) ? rng.pick(list) : null;
    };
    const staff = (siteId: string) => staffOf(x, siteId);
    // three language mediators per language and site, e.g. "Rania K."
    const mediators = new Map<string, string[]>();
    const mediatorsFor = (lang: string) => {
      let list = mediators.get(lang);
      if (!list) {
        const m = r.fork(`mediators-${lang}`);
        const pool =
          namePools[
            { uk: 'UA', ru: 'UA', tr: 'TR', ti: 'ER', so: 'SO', prs: 'AF', ps: 'AF', fa: 'IR' }[lang] ?? 'SY'
          ];
        list = Array.from({ length: 3 }, () => {
          const first = drawName(m, m.chance(0.6) ? pool.female : pool.male).spellings[0];
          return `${first} ${String.fromCharCode(65 + m.int(0, 25))}.`;
        });
        mediators.set(lang, list);
      }
      return list;
    };

    for (const h of plan.households) {
      const at = registeredAt(h, x);
      add('households', [
        h.id,
        h.caseNumber,
        h.siteId,
        h.registeredSiteId,
        h.category,
        isoOf(h.registered),
        h.street,
        h.postcode,
        h.city,
        h.districtCode,
        h.subdistrictCode,
        h.movedIn === null ? null : isoOf(h.movedIn),
        h.languages,
        h.status,
        true,
        at,
        at,
      ]);
      for (const p of h.persons) {
        add('persons', [
          p.id,
          h.id,
          p.firstName,
          p.lastName,
          p.originalScriptName,
          p.birthDate,
          p.birthYear,
          p.gender,
          p.nationality,
          p.languages,
          p.residenceStatus,
          p.residenceValidUntil,
          p.residenceRequirement,
          p.role,
          nameKey(p.firstName),
          nameKey(p.lastName),
          at,
        ]);
      }
      progress(1 + h.persons.length);
      await flush();
    }
    for (const h of plan.households) {
      for (const [table, row] of casework.householdRecords(x, xIds, h, staff)) add(table, row);
      await flush();
    }
    for (const [table, row] of casework.appointments(x, xIds, plan.site.id, plan.households, staff)) {
      add(table, row);
    }

    // contacts: details drawn from separate streams for the window and the later years
    const windowRng = r.fork('window-details');
    const windowIds = r.fork('window-contact-ids');
    const laterRng = r.fork('later-details');
    const laterIds = r.fork('later-contact-ids');
    const writeContact = (
      id: string,
      householdId: string | null,
      siteId: string,
      day: number,
      category: string,
      d: ContactDetails,
      rng: Rng,
    ) => {
      add('contacts', [
        id,
        householdId,
        siteId,
        staffOf(rng, siteId),
        isoOf(day),
        d.contactType,
        d.durationMinutes,
        d.memberIds,
        d.mediationLanguage,
        d.mediatorName,
        d.note,
        category,
        officeTime(day, rng.int(8 * 60, 16 * 60 + 30)),
      ]);
      for (const [lifeArea, supportKind] of d.reasons) add('contact_reasons', [id, lifeArea, supportKind]);
    };
    // in date order (the statistics triggers then aggregate each batch into few day buckets)
    const order = contactOrder(plan);
    for (let k = 0; k < order.day.length; k++) {
      const day = order.day[k];
      const i = order.household[k];
      const inWindow = day <= windowEndDay;
      const rng = inWindow ? windowRng : laterRng;
      const id = (inWindow ? windowIds : laterIds).uuid();
      if (i < 0) {
        writeContact(id, null, plan.site.id, day, 'other', contactModel.anonymous(rng, day, isoOf(day)), rng);
      } else {
        const h = plan.households[i];
        const siteId = h.transfer && day >= h.transfer.day ? h.transfer.toSiteId : h.registeredSiteId;
        const first = order.index[k] === 0 && day === h.registered;
        const details = contactModel.forHousehold(rng, h, day, isoOf(day), first, mediatorsFor);
        writeContact(id, h.id, siteId, day, h.category, details, rng);
      }
      if (k % 500 === 499 || k === order.day.length - 1) {
        progress((k % 500) + 1);
        await flush();
      }
    }
  }
  await sink.finish();
  options.onProgress?.(total, total);
}

/** All contacts of a site (household index, its contact number; -1 for anonymous ones) sorted by day. */
function contactOrder(plan: SitePlan) {
  let n = plan.anonymousDays.length;
  for (const h of plan.households) n += h.contactDays.length;
  const day = new Int32Array(n);
  const household = new Int32Array(n);
  const index = new Int32Array(n);
  let k = 0;
  plan.households.forEach((h, i) => {
    h.contactDays.forEach((d, j) => {
      day[k] = d;
      household[k] = i;
      index[k++] = j;
    });
  });
  plan.anonymousDays.forEach((d, j) => {
    day[k] = d;
    household[k] = -1;
    index[k++] = j;
  });
  const perm = Array.from({ length: n }, (_, x) => x);
  perm.sort((a, b) => day[a] - day[b] || household[a] - household[b] || index[a] - index[b]);
  return {
    day: Int32Array.from(perm, (x) => day[x]),
    household: Int32Array.from(perm, (x) => household[x]),
    index: Int32Array.from(perm, (x) => index[x]),
  };
}

/** Plans and emits the whole data set. */
export async function runGenerator(ctx: DemoContext, options: GeneratorOptions, sink: DemoSink) {
  const root = new Rng(`quartier-demo:${options.seed}`);
  const plans = ctx.sites.map((site) => planSite(ctx, site, options, root));
  for (const plan of plans) settleSite(plan, ctx.sites, options, root);
  await emit(ctx, plans, options, root, sink);
  return plans;
}
