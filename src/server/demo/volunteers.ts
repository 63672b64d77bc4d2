import { nameKey } from '../modules/households/name-key.js';
import { isoOf, officeTime, toDay, yearOf } from './calendar.js';
import type { DemoSite } from './context.js';
import { emailOf, type NetworkEmitter, personName, phoneOf, sample, scaledCount } from './network-common.js';
import { pickWeighted, type Rng } from './random.js';

export interface VolunteerPlan {
  id: string;
  siteId: string;
  first: string;
  last: string;
  languages: string[];
  districtCodes: string[];
  interests: string[];
  joined: number;
  /** the day they left (Infinity while they stay) */
  left: number;
  status: 'interested' | 'active' | 'paused' | 'left';
  refugee: boolean;
}

const skills = [
  'Deutsch unterrichten',
  'Hausaufgabenhilfe',
  'Begleitung zu Ämtern',
  'Fahrräder reparieren',
  'Kochen',
  'Nähen',
  'Übersetzen',
  'Computerkenntnisse',
  'Bewerbungen schreiben',
  'Kinderbetreuung',
  'Sport',
  'Musik',
  'Führerschein und Auto',
];

/** Where volunteers with a refugee background come from: name pool and languages beside German. */
const refugeeOrigins: Record<string, { pool: string; languages: string[] }> = {
  SY: { pool: 'SY', languages: ['ar', 'ku'] },
  AF: { pool: 'AF', languages: ['prs', 'fa', 'ps'] },
  IR: { pool: 'IR', languages: ['fa'] },
  IQ: { pool: 'IQ', languages: ['ar', 'ku'] },
  ER: { pool: 'ER', languages: ['ti'] },
  UA: { pool: 'UA', languages: ['uk', 'ru'] },
};
const refugeeWeights = { SY: 35, AF: 18, IR: 8, IQ: 14, ER: 7, UA: 18 };
const sourceWeights = { volunteerAgency: 25, welfareNetwork: 25, event: 20, wordOfMouth: 25, other: 5 };

/** More people came forward in 2015–2017 and again in spring 2022. */
function joinWeight(day: number): number {
  const y = yearOf(day);
  if (y <= 2017) return 1;
  if (y === 2022) return 0.9;
  return 0.45;
}

/** When each volunteer came, whether they stay; refugees among them, languages, districts, interests. */
export function planVolunteers(
  rng: Rng,
  sites: DemoSite[],
  lifeAreas: string[],
  scale: number,
  today: number,
): VolunteerPlan[] {
  const plans: VolunteerPlan[] = [];
  const n = sites.length ? scaledCount(200, scale) : 0;
  for (let i = 0; i < n; i++) {
    const site = sites[i % sites.length];
    const opened = toDay(site.openedOn) - 90;
    let joined = opened;
    for (let k = 0; k < 20; k++) {
      joined = opened + rng.int(0, Math.max(0, today - opened));
      if (rng.chance(joinWeight(joined))) break;
    }
    // refugees volunteer more from their second year on (e.g. as language mentors)
    const refugee = rng.chance(joined > toDay('2017-06-01') ? 0.3 : 0.12);
    const origin = refugee ? refugeeOrigins[pickWeighted(rng, refugeeWeights)] : null;
    const person = personName(rng, origin?.pool ?? (rng.chance(0.1) ? rng.pick(['TR', 'PL']) : 'DE'));
    const languages = ['de', ...(origin ? sample(rng, origin.languages, rng.int(1, 2)) : [])];
    if (rng.chance(0.45)) languages.push('en');
    if (rng.chance(0.08)) languages.push(rng.pick(['fr', 'ru', 'tr', 'es']));
    let status: VolunteerPlan['status'] = 'active';
    let left = Infinity;
    if (today - joined < 150 && rng.chance(0.6)) status = 'interested';
    else {
      const stays = joined + 60 + Math.round(-Math.log(1 - rng.next()) * 3.5 * 365);
      if (stays < today) {
        status = 'left';
        left = stays;
      } else if (rng.chance(0.1)) status = 'paused';
    }
    plans.push({
      id: rng.uuid(),
      siteId: site.id,
      first: person.first,
      last: person.last,
      languages: [...new Set(languages)],
      districtCodes: sample(rng, site.geography.districtCodes, rng.int(1, 2)),
      interests: sample(rng, lifeAreas, rng.int(1, 3)),
      joined,
      left,
      status,
      refugee,
    });
  }
  return plans;
}

/** Whether the volunteer was active (past the first month, not left) on that day. */
export function activeOn(v: VolunteerPlan, day: number): boolean {
  return v.status !== 'interested' && day >= v.joined + 30 && day < v.left;
}

function availability(rng: Rng) {
  return sample(rng, [1, 2, 3, 4, 5, 6], rng.int(1, 3))
    .sort((a, b) => a - b)
    .map((weekday) => {
      const from = rng.pick([9, 10, 14, 15, 16, 17]);
      return { weekday, from: `${String(from).padStart(2, '0')}:00`, to: `${from + rng.int(2, 3)}:00` };
    });
}

/** The volunteers' own rows (their records; checks, assignments and hours follow). */
export function emitVolunteerRows(
  rng: Rng,
  plans: VolunteerPlan[],
  city: string,
  coordinators: Map<string, string[]>,
  out: NetworkEmitter,
) {
  for (const v of plans) {
    const { first, last } = v;
    const created = officeTime(v.joined, rng.int(8 * 60, 16 * 60));
    const staff = coordinators.get(v.siteId) ?? [];
    const withdrawn = v.status === 'left' && rng.chance(0.5) ? isoOf(v.left) : null;
    out.add('volunteers', [
      v.id,
      v.siteId,
      first,
      last,
      nameKey(first),
      nameKey(last),
      rng.chance(0.8) ? emailOf(first, last) : null,
      rng.chance(0.85) ? phoneOf(rng, city) : null,
      v.languages,
      sample(rng, skills, rng.int(1, 4)),
      v.districtCodes,
      JSON.stringify(availability(rng)),
      v.interests,
      v.status,
      pickWeighted(rng, sourceWeights),
      v.refugee,
      isoOf(v.joined),
      withdrawn,
      null,
      true,
      staff.length ? rng.pick(staff) : null,
      created,
      v.left < Infinity ? officeTime(v.left, rng.int(8 * 60, 16 * 60)) : created,
    ]);
  }
}
