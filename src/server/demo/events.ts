import { isoOf, isWorkingDay, officeTime, toDay, weekdayOf } from './calendar.js';
import type { DemoSite } from './context.js';
import { cafePlaces, eventAttendance } from './event-texts.js';
import { type NetworkEmitter, sample, timeOf } from './network-common.js';
import type { NetworkContext } from './network-context.js';
import type { PartnerPlan } from './partners.js';
import type { Rng } from './random.js';

export interface EventPlan {
  id: string;
  siteId: string;
  type: string;
  day: number;
}

export interface EventInput {
  type: string;
  title: string;
  site: DemoSite;
  districtCode: string | null;
  place: string | null;
  day: number;
  /** minutes of the day */
  from: number;
  to: number;
  seriesId?: string;
  partnerIds: string[];
  public: boolean;
  minutes?: string | null;
}

/** The offices were closed to groups in the first lockdowns. */
export const lockdown = (day: number) => day >= toDay('2020-03-16') && day <= toDay('2021-05-31');

/** Shared by every kind of event: organisers, counts by group (none for future dates), the row. */
export class EventWriter {
  readonly events: EventPlan[] = [];
  constructor(
    private readonly rng: Rng,
    private readonly net: NetworkContext,
    private readonly today: number,
    private readonly out: NetworkEmitter,
  ) {}

  add(e: EventInput): EventPlan {
    const { rng, net, today } = this;
    const id = rng.uuid();
    const staff = net.eventStaff.get(e.site.id) ?? [];
    const writers = net.networkWorkers.get(e.site.id) ?? [];
    const expected = eventAttendance[e.type] ?? [3, 5, 2, 1, 1];
    const past = e.day < today;
    const counts = expected.map((m) => (past ? rng.poisson(m) : 0));
    counts[3] = past ? Math.max(counts[3], e.partnerIds.length) : 0;
    const created = Math.min(e.day - rng.int(7, 30), today);
    const at = officeTime(created, rng.int(8 * 60, 16 * 60));
    this.out.add('events', [
      id,
      e.type,
      e.title,
      e.site.id,
      e.districtCode,
      e.place,
      isoOf(e.day),
      timeOf(e.from),
      timeOf(e.to),
      e.seriesId ?? null,
      sample(rng, staff, rng.int(1, 2)),
      e.partnerIds,
      e.public,
      ...counts,
      e.minutes ?? null,
      true,
      writers.length ? rng.pick(writers) : null,
      at,
      past ? officeTime(Math.min(e.day + rng.int(0, 3), today), rng.int(8 * 60, 16 * 60)) : at,
    ]);
    const plan = { id, siteId: e.site.id, type: e.type, day: e.day };
    this.events.push(plan);
    return plan;
  }
}

const isoWeekday = (day: number) => weekdayOf(day) || 7;

function closedWeek(day: number): boolean {
  const md = isoOf(day).slice(5);
  return lockdown(day) || md >= '12-22' || md <= '01-06' || (md >= '07-15' && md <= '08-04');
}

/**
 * The weekly Begegnungscafés: one series per site for the first sites (more sites in a larger city),
 * from a few weeks after the opening up to two months ahead, with attendance per date.
 */
export function emitCafes(
  rng: Rng,
  sites: DemoSite[],
  net: NetworkContext,
  partners: PartnerPlan[],
  scale: number,
  today: number,
  w: EventWriter,
  out: NetworkEmitter,
) {
  if (!net.eventTypes.has('begegnungscafe')) return;
  const count = Math.min(sites.length, Math.ceil(3 * Math.sqrt(Math.max(scale, 0.1))));
  for (const site of sites.slice(0, count)) {
    const district = site.geography.districtCodes[0] ?? null;
    const label = district ? (net.districtLabels.get(district) ?? district) : site.code;
    const host = partners.find((p) => p.siteId === site.id && ['parish', 'initiative'].includes(p.kind));
    const weekday = rng.int(2, 4);
    let start = Math.max(toDay(site.openedOn), toDay('2016-10-01')) + rng.int(21, 70);
    while (isoWeekday(start) !== weekday) start++;
    const end = today + 56;
    const seriesId = rng.uuid();
    const title = `Begegnungscafé ${label}`;
    out.add('event_series', [
      seriesId,
      site.id,
      title,
      weekday,
      isoOf(start),
      isoOf(end),
      true,
      officeTime(start - 14, rng.int(8 * 60, 16 * 60)),
    ]);
    const place = host ? `${rng.pick(cafePlaces)} (${host.name})` : `${rng.pick(cafePlaces)} ${label}`;
    for (let day = start; day <= end; day += 7) {
      if (!isWorkingDay(day) || closedWeek(day)) continue;
      w.add({
        type: 'begegnungscafe',
        title,
        site,
        districtCode: district,
        place,
        day,
        from: 15 * 60,
        to: 17 * 60 + 30,
        seriesId,
        partnerIds: host ? [host.id] : [],
        public: true,
      });
    }
  }
}
