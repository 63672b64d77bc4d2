import { searchKey } from '../modules/network/search-key.js';
import { isoOf, isWorkingDay, officeTime, toDay } from './calendar.js';
import type { DemoSite } from './context.js';
import {
  emailOf,
  fill,
  type NetworkEmitter,
  personName,
  phoneOf,
  sample,
  scaledCount,
} from './network-common.js';
import type { NetworkContext } from './network-context.js';
import {
  contactFunctions,
  partnerContactNotes,
  partnerKindWeights,
  partnerNames,
  partnerTags,
} from './network-texts.js';
import { pickWeighted, type Rng } from './random.js';

export interface PartnerPlan {
  id: string;
  name: string;
  kind: string;
  siteId: string;
  districtCodes: string[];
  /** first day of the relation */
  since: number;
}

const contactKindWeights = { meeting: 30, phone: 35, email: 25, agreement: 5, other: 5 };

/** The partners: the city's welfare associations and authorities of the reference list, then local ones. */
function planPartners(rng: Rng, sites: DemoSite[], net: NetworkContext, scale: number, today: number) {
  const city = sites[0]?.geography.city ?? 'Stadt';
  const first = Math.min(...sites.map((s) => toDay(s.openedOn)));
  const allDistricts = [...new Set(sites.flatMap((s) => s.geography.districtCodes))];
  const plans: PartnerPlan[] = [];
  const names = new Set<string>();
  const add = (name: string, kind: string, siteId: string, districtCodes: string[], since: number) => {
    names.add(name);
    plans.push({ id: rng.uuid(), name, kind, siteId, districtCodes, since: Math.min(since, today) });
  };
  net.organisations
    .filter((o) => ['welfareAssociation', 'authority', 'cityOffice'].includes(o.kind ?? ''))
    .forEach((o, i) => {
      const kind = o.kind === 'welfareAssociation' ? 'welfareAssociation' : 'authority';
      add(o.label, kind, sites[i % sites.length].id, allDistricts, first + rng.int(0, 60));
    });
  const total = scaledCount(60, scale) + plans.length;
  for (let tries = 0; plans.length < total && tries < total * 20; tries++) {
    const site = rng.pick(sites);
    const district = rng.pick(site.geography.districtCodes);
    if (!district) continue;
    const kind = pickWeighted(rng, partnerKindWeights);
    const name = fill(rng.pick(partnerNames[kind]), net.districtLabels.get(district) ?? district, city);
    if (names.has(name)) continue;
    const opened = toDay(site.openedOn);
    const since = opened + Math.floor(rng.next() ** 1.6 * Math.max(1, today - opened));
    add(name, kind, site.id, [district], since);
  }
  return plans;
}

function contactPersons(rng: Rng, kind: string, city: string) {
  return Array.from({ length: rng.int(1, 3) }, () => {
    const n = personName(rng, rng.chance(0.15) ? rng.pick(['TR', 'SY', 'PL']) : 'DE');
    return {
      name: `${n.first} ${n.last}`,
      function: rng.pick(contactFunctions[kind] ?? contactFunctions.other),
      phone: phoneOf(rng, city),
      email: rng.chance(0.8) ? emailOf(n.first, n.last) : null,
    };
  });
}

/** Partners with contact persons and their dated contact history (meetings, calls, agreements). */
export function emitPartners(
  rng: Rng,
  sites: DemoSite[],
  net: NetworkContext,
  scale: number,
  today: number,
  out: NetworkEmitter,
): PartnerPlan[] {
  const city = sites[0]?.geography.city ?? 'Stadt';
  const plans = planPartners(rng, sites, net, scale, today);
  for (const p of plans) {
    const staff = net.networkWorkers.get(p.siteId) ?? net.eventStaff.get(p.siteId) ?? [];
    let day = p.since;
    let last = p.since;
    while (day <= today) {
      if (isWorkingDay(day)) {
        const kind = pickWeighted(rng, contactKindWeights);
        out.add('partner_contacts', [
          rng.uuid(),
          p.id,
          isoOf(day),
          kind,
          rng.chance(0.85) ? rng.pick(partnerContactNotes[kind]) : null,
          staff.length && rng.chance(0.8) ? rng.pick(staff) : null,
          officeTime(day, rng.int(8 * 60, 16 * 60)),
        ]);
        last = day;
      }
      day += Math.max(1, Math.round(-Math.log(1 - rng.next()) * 80));
    }
    out.add('partners', [
      p.id,
      p.name,
      searchKey(p.name),
      p.kind,
      p.districtCodes,
      p.siteId,
      JSON.stringify(contactPersons(rng, p.kind, city)),
      sample(rng, partnerTags, rng.int(0, 3)),
      rng.chance(0.2) ? 'Räume können für Veranstaltungen genutzt werden.' : null,
      true,
      officeTime(p.since, rng.int(8 * 60, 16 * 60)),
      officeTime(last, rng.int(8 * 60, 16 * 60)),
    ]);
  }
  return plans;
}
