import { settleStatus } from './activity.js';
import { drawAddress } from './addresses.js';
import { toDay, workingDayWithin } from './calendar.js';
import type { DemoSite, GeneratorOptions, SitePlan } from './context.js';
import type { Rng } from './random.js';

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
