import { trainingEventType } from '../../shared/schemas/events.js';
import { isoOf, isWorkingDay, officeTime, toDay, weekdayOf, yearOf } from './calendar.js';
import type { DemoSite } from './context.js';
import { eventRates, eventTitles } from './event-texts.js';
import { type EventWriter, lockdown } from './events.js';
import { fill, type NetworkEmitter, sample } from './network-common.js';
import type { NetworkContext } from './network-context.js';
import type { PartnerPlan } from './partners.js';
import type { Rng } from './random.js';
import { activeOn, type VolunteerPlan } from './volunteers.js';

/** When in the year each kind of event takes place (months 1–12); all year when not listed. */
const seasons: Record<string, number[]> = {
  nachbarschaftsfest: [6, 7, 8, 9],
  ehrenamtsspaziergang: [4, 5, 9, 10],
  radwerkstatt: [3, 4, 5, 6, 7, 8, 9],
};

function dayIn(rng: Rng, year: number, type: string): number {
  const months = seasons[type] ?? [1, 2, 3, 4, 5, 6, 9, 10, 11];
  const month = rng.pick(months);
  let day = toDay(`${year}-${String(month).padStart(2, '0')}-01`) + rng.int(0, 27);
  const weekend = type === 'nachbarschaftsfest' || type === 'oeffentlichkeitsarbeit';
  for (let k = 0; k < 7 && (weekend ? weekdayOf(day) !== 6 : !isWorkingDay(day)); k++) day++;
  return day;
}

/**
 * Workshops, information events, festivals, bike workshops, volunteer walks, exchange meetings and
 * trainings at every site since its opening (none in the lockdowns). The volunteers present at a
 * training are named (they agreed) and have it as a check of kind training.
 */
export function emitCommunityEvents(
  rng: Rng,
  sites: DemoSite[],
  net: NetworkContext,
  partners: PartnerPlan[],
  volunteers: VolunteerPlan[],
  scale: number,
  today: number,
  w: EventWriter,
  out: NetworkEmitter,
) {
  const factor = Math.sqrt(Math.max(scale, 0.1));
  const types = Object.keys(eventRates).filter((t) => net.eventTypes.has(t));
  for (const site of sites) {
    const local = partners.filter((p) => p.siteId === site.id);
    const team = volunteers.filter((v) => v.siteId === site.id);
    const coordinators = net.coordinators.get(site.id) ?? [];
    for (let year = yearOf(toDay(site.openedOn)); year <= yearOf(today); year++) {
      for (const type of types) {
        const n = rng.poisson(eventRates[type] * factor);
        for (let i = 0; i < n; i++) {
          const day = dayIn(rng, year, type);
          if (day < toDay(site.openedOn) || day > today + 90 || lockdown(day)) continue;
          const district = rng.pick(site.geography.districtCodes) ?? null;
          const label = district ? (net.districtLabels.get(district) ?? district) : site.code;
          const from = type === 'nachbarschaftsfest' ? 14 * 60 : rng.pick([10, 14, 16, 17, 18]) * 60;
          const long = type === 'nachbarschaftsfest' || type === 'fachveranstaltung';
          const event = w.add({
            type,
            title: fill(rng.pick(eventTitles[type]), label, site.geography.city ?? ''),
            site,
            districtCode: district,
            place: local.length && rng.chance(0.6) ? rng.pick(local).name : `Welcome-Treff ${site.code}`,
            day,
            from,
            to: from + (long ? rng.int(4, 6) * 60 : rng.pick([90, 120, 150])),
            partnerIds: sample(
              rng,
              local.filter((p) => p.since <= day),
              rng.int(0, 3),
            ).map((p) => p.id),
            public: type !== 'schulung' && type !== 'austausch-ehrenamt',
          });
          if (type !== trainingEventType || day >= today) continue;
          for (const v of sample(
            rng,
            team.filter((x) => activeOn(x, day)),
            rng.int(3, 10),
          )) {
            out.add('event_participants', [
              rng.uuid(),
              event.id,
              `${v.first} ${v.last}`,
              'volunteers',
              v.id,
              isoOf(day),
              officeTime(day, 20 * 60),
            ]);
            out.add('volunteer_checks', [
              rng.uuid(),
              v.id,
              'training',
              isoOf(day),
              null,
              event.id,
              null,
              coordinators.length ? rng.pick(coordinators) : null,
              officeTime(Math.min(day + 1, today), rng.int(8 * 60, 16 * 60)),
            ]);
          }
        }
      }
    }
  }
}
