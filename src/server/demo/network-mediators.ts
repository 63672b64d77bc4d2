import { mediatorNameKey } from '../modules/mediators/pool.js';
import { isoOf, isWorkingDay, officeTime, toDay } from './calendar.js';
import { type NetworkEmitter, personName, phoneOf, sample, scaledCount, timeOf } from './network-common.js';
import { type Rng, Weighted } from './random.js';

export interface MediatorPlan {
  id: string;
  name: string;
  kind: 'staff' | 'freelance' | 'volunteer';
  languages: string[];
  districtCodes: string[];
  rate: number | null;
  since: number;
  active: boolean;
}

/** Languages a mediator of the first language often speaks, too. */
const alsoSpoken: Record<string, string[]> = {
  ar: ['ku', 'en', 'fr'],
  ku: ['ar', 'tr'],
  ckb: ['ar', 'ku'],
  fa: ['prs'],
  prs: ['fa', 'ps'],
  ps: ['prs', 'fa'],
  ti: ['am', 'ar'],
  so: ['ar', 'en'],
  uk: ['ru'],
  ru: ['uk'],
  tr: ['ku'],
  bg: ['tr'],
  pl: ['ru'],
};

const namePoolOf: Record<string, string> = {
  ar: 'SY',
  ku: 'IQ',
  ckb: 'IQ',
  fa: 'IR',
  prs: 'AF',
  ps: 'AF',
  ti: 'ER',
  am: 'ER',
  so: 'SO',
  uk: 'UA',
  ru: 'UA',
  tr: 'TR',
  fr: 'GN',
  ff: 'GN',
  en: 'NG',
  pl: 'PL',
  ro: 'RO',
  bg: 'BG',
  sq: 'XK',
  el: 'GR',
  it: 'IT',
};

/**
 * The city's pool of language mediators: every language many households speak has at least one, the
 * most common ones several; staff, freelancers (with an hourly rate) and volunteers.
 */
export function planMediators(
  rng: Rng,
  languageWeights: [string, number][],
  districts: string[],
  scale: number,
  today: number,
): MediatorPlan[] {
  const n = scaledCount(30, scale);
  const common = languageWeights.slice(0, 14);
  if (common.length === 0) common.push(['ar', 1], ['en', 1]);
  const top = common.map(([l]) => l);
  const byDemand = new Weighted(
    top,
    common.map(([, c]) => c),
  );
  const names = new Set<string>();
  const pool: MediatorPlan[] = [];
  for (let i = 0; i < n; i++) {
    // one for each common language first, the rest by how many households speak it
    const first = i < top.length ? top[i] : byDemand.pick(rng);
    const others = sample(rng, alsoSpoken[first] ?? ['en'], rng.int(0, 2));
    let name = '';
    for (let k = 0; k < 20 && (!name || names.has(name)); k++) {
      const p = personName(rng, namePoolOf[first] ?? 'SY');
      name = `${p.first} ${p.last}`;
    }
    names.add(name);
    const x = rng.next();
    const kind = x < 0.2 ? 'staff' : x < 0.75 ? 'freelance' : 'volunteer';
    pool.push({
      id: rng.uuid(),
      name,
      kind,
      languages: [...new Set([first, ...others, ...(kind === 'staff' ? ['de'] : [])])],
      districtCodes: rng.chance(0.4) ? [] : sample(rng, districts, rng.int(1, 4)),
      rate: kind === 'freelance' ? rng.int(28, 45) : kind === 'volunteer' ? 10 : null,
      since: toDay('2016-09-01') + Math.floor(rng.next() ** 2 * Math.max(0, today - toDay('2016-09-01'))),
      active: rng.chance(0.92),
    });
  }
  return pool;
}

function plan(rng: Rng, kind: MediatorPlan['kind']) {
  if (kind === 'staff') return [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '16:00' }));
  if (rng.chance(0.25)) return [];
  return sample(rng, [1, 2, 3, 4, 5], rng.int(1, 3))
    .sort((a, b) => a - b)
    .map((weekday) => ({
      weekday,
      from: rng.pick(['08:00', '09:00', '13:00']),
      to: rng.pick(['12:00', '17:00']),
    }))
    .map((s) => (s.from < s.to ? s : { ...s, to: '17:00' }));
}

export function emitMediatorRows(rng: Rng, pool: MediatorPlan[], city: string, out: NetworkEmitter) {
  for (const m of pool) {
    const at = officeTime(m.since, rng.int(8 * 60, 16 * 60));
    out.add('mediators', [
      m.id,
      m.name,
      mediatorNameKey(m.name),
      m.kind,
      m.languages,
      m.districtCodes,
      JSON.stringify(plan(rng, m.kind)),
      m.rate,
      phoneOf(rng, city),
      null,
      m.active,
      true,
      at,
      at,
    ]);
  }
}

/** A booking to write: the mediator is free then (the caller asked `free`). */
export interface BookingInput {
  mediator: MediatorPlan;
  siteId: string;
  language: string;
  day: number;
  from: number;
  to: number;
  appointmentId: string | null;
  householdId: string | null;
  status: 'requested' | 'confirmed' | 'done' | 'cancelled' | 'noShow';
  requestedBy: string | null;
}

/** Bookings of the pool; no two bookings of one mediator overlap (whatever their status). */
export class BookingBook {
  private readonly busy = new Map<string, [number, number][]>();
  constructor(
    private readonly rng: Rng,
    private readonly today: number,
    private readonly out: NetworkEmitter,
  ) {}

  free(m: MediatorPlan, day: number, from: number, to: number): boolean {
    return !(this.busy.get(`${m.id}:${day}`) ?? []).some(([a, b]) => a < to && b > from);
  }

  /** A free start between 8:00 and 15:30 for that long, or null after a few tries. */
  slot(m: MediatorPlan, day: number, minutes: number): number | null {
    for (let k = 0; k < 4; k++) {
      const from = 8 * 60 + this.rng.int(0, 15) * 30;
      if (this.free(m, day, from, from + minutes)) return from;
    }
    return null;
  }

  add(b: BookingInput): void {
    const { rng, today } = this;
    const key = `${b.mediator.id}:${b.day}`;
    this.busy.set(key, [...(this.busy.get(key) ?? []), [b.from, b.to]]);
    const hours = b.status === 'done' ? Math.max(0.5, Math.round(((b.to - b.from) / 60) * 4) / 4) : null;
    const created = officeTime(Math.min(today, b.day - rng.int(1, 12)), rng.int(8 * 60, 16 * 60));
    const updated = b.status === 'requested' ? created : officeTime(Math.min(b.day, today), 17 * 60);
    this.out.add('mediator_bookings', [
      rng.uuid(),
      b.mediator.id,
      b.siteId,
      b.language,
      isoOf(b.day),
      timeOf(b.from),
      timeOf(b.to),
      b.appointmentId,
      b.householdId,
      b.status,
      hours,
      hours !== null && b.mediator.rate !== null ? Math.round(hours * b.mediator.rate * 100) : null,
      true,
      b.requestedBy,
      created,
      updated,
    ]);
  }
}

/** An earlier working day (for a booking that was cancelled or not kept before the contact took place). */
export function earlierWorkingDay(rng: Rng, day: number): number {
  let d = day - rng.int(3, 20);
  while (!isWorkingDay(d)) d--;
  return d;
}
