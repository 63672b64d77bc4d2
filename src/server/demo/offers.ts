import { searchKey } from '../modules/network/search-key.js';
import { drawAddress } from './addresses.js';
import { isoOf, officeTime } from './calendar.js';
import type { DemoSite } from './context.js';
import { hhmm, type NetworkEmitter, sample, scaledCount } from './network-common.js';
import type { NetworkContext } from './network-context.js';
import { offerTemplates, weekdayNames } from './network-texts.js';
import type { PartnerPlan } from './partners.js';
import type { Rng } from './random.js';

export interface OfferPlan {
  id: string;
  siteId: string;
  districtCode: string;
  status: string;
  created: number;
  /** the day it ended (Infinity while it runs) */
  ended: number;
}

/** The offer's schedule as staff write it: "Di 15:00–17:00", "Mo und Do 09:00–12:00". */
function openingHours(rng: Rng): string {
  const days = sample(rng, [0, 1, 2, 3, 4, 5], rng.chance(0.7) ? 1 : 2).sort((a, b) => a - b);
  const from = rng.pick([9, 10, 14, 15, 16, 17]) * 60 + rng.pick([0, 0, 30]);
  const to = from + rng.pick([90, 120, 120, 180]);
  return `${days.map((d) => weekdayNames[d]).join(' und ')} ${hhmm(from)}–${hhmm(to)}`;
}

/**
 * Offers across all districts (round robin) and life areas, run by fitting partners: some paused or
 * ended, some not checked for more than six months (flagged for review).
 */
export function emitOffers(
  rng: Rng,
  sites: DemoSite[],
  net: NetworkContext,
  partners: PartnerPlan[],
  lifeAreas: string[],
  languages: string[],
  scale: number,
  today: number,
  out: NetworkEmitter,
): OfferPlan[] {
  const city = sites[0]?.geography.city ?? null;
  const siteOf = new Map<string, string>();
  for (const s of sites) for (const d of s.geography.districtCodes) if (!siteOf.has(d)) siteOf.set(d, s.id);
  const districts = [...siteOf.keys()];
  const areas = new Set(lifeAreas);
  const titles = new Set<string>();
  const plans: OfferPlan[] = [];
  const n = districts.length ? scaledCount(150, scale) : 0;
  for (let i = 0; i < n; i++) {
    const district = districts[i % districts.length];
    const label = net.districtLabels.get(district) ?? district;
    const t = rng.pick(offerTemplates);
    const local = partners.filter((p) => p.districtCodes.includes(district));
    const fitting = local.filter((p) => t.by.includes(p.kind));
    const partner = rng.pick(fitting.length ? fitting : local.length ? local : partners);
    let title = rng.chance(0.5) ? `${t.title} ${label}` : t.title;
    if (titles.has(`${district}:${title}`)) title = `${t.title} (${partner.name})`;
    titles.add(`${district}:${title}`);
    const area = areas.has(t.area) ? t.area : rng.pick(lifeAreas);
    const second = rng.chance(0.2) ? rng.pick(lifeAreas) : area;
    const spoken = [
      'de',
      ...sample(rng, languages.slice(0, 10), rng.int(0, area === 'migrationsspezifisch' ? 4 : 2)),
    ];
    const address = drawAddress(rng, district, city);
    const created = partner.since + rng.int(0, Math.max(0, today - partner.since - 30));
    const x = rng.next();
    const status = x < 0.1 ? 'ended' : x < 0.18 ? 'paused' : 'active';
    const ended =
      status === 'ended' ? Math.min(today, created + rng.int(60, Math.max(61, today - created))) : Infinity;
    const checked =
      status === 'ended'
        ? Math.min(ended, today)
        : Math.max(created, rng.chance(0.72) ? today - rng.int(0, 170) : today - rng.int(190, 720));
    plans.push({
      id: rng.uuid(),
      siteId: siteOf.get(district)!,
      districtCode: district,
      status,
      created,
      ended,
    });
    out.add('offers', [
      plans[i].id,
      title,
      searchKey(title),
      partner.id,
      null,
      [...new Set([area, second])],
      t.groups,
      spoken,
      district,
      address.postcode ? `${address.street}, ${address.postcode} ${address.city}` : address.street,
      t.appointmentOnly ? null : openingHours(rng),
      t.appointmentOnly ?? false,
      t.fee ? rng.chance(0.2) : true,
      rng.chance(0.6),
      status,
      isoOf(checked),
      true,
      officeTime(created, rng.int(8 * 60, 16 * 60)),
      officeTime(checked, rng.int(8 * 60, 16 * 60)),
    ]);
  }
  return plans;
}
