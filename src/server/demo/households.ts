import { drawAddress } from './addresses.js';
import { isoOf, officeTime, yearOf } from './calendar.js';
import { compose, type Gender, type Role } from './members.js';
import { namePools, spell } from './names.js';
import { originMix, origins } from './origins.js';
import { languagesOf, validUntil } from './person-details.js';
import type { Rng } from './random.js';

export type Category = 'refugee' | 'other';

export interface PersonPlan {
  id: string;
  firstName: string;
  lastName: string;
  originalScriptName: string | null;
  birthDate: string | null;
  birthYear: number;
  gender: Gender;
  nationality: string | null;
  languages: string[];
  residenceStatus: string | null;
  residenceValidUntil: string | null;
  residenceRequirement: string | null;
  role: Role;
  age: number;
}

export interface HouseholdPlan {
  id: string;
  caseNumber: string;
  registeredSiteId: string;
  /** responsible site now (differs after a transfer) */
  siteId: string;
  category: Category;
  registered: number;
  origin: string;
  persons: PersonPlan[];
  districtCode: string | null;
  subdistrictCode: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  movedIn: number | null;
  /** registered at the welcome visit after moving into the own flat */
  welcomeVisit: boolean;
  languages: string[];
  mainLanguage: string;
  hasChildren: boolean;
  /** contacts per day at registration (relative), and how fast that decays (days) */
  intensity: number;
  decay: number;
  /** the case is closed or the household moved away on this day (Infinity: still open) */
  end: number;
  status: 'active' | 'inactive' | 'closed' | 'movedAway' | 'transferred';
  /** sorted days of the household's contacts */
  contactDays: number[];
  transfer: { day: number; toSiteId: string; districtCode: string | null } | null;
}

export interface SiteGeography {
  districtCodes: string[];
  subdistricts: Map<string, string[]>;
  city: string | null;
}

export interface HouseholdInput {
  rng: Rng;
  ids: Rng;
  siteId: string;
  category: Category;
  registered: number;
  size: number;
  geography: SiteGeography;
  /** which residence status codes exist in the reference list */
  statuses: Set<string>;
  /** draw the origin first, to pick the size by it (after the seed window) */
  origin?: string;
}

export function drawOrigin(rng: Rng, category: Category, day: number): string {
  return originMix(category, day).pick(rng);
}

/** One household with its members, address, move-in date and how much contact it will need. */
export function planHousehold(input: HouseholdInput): HouseholdPlan {
  const { rng, ids, category, registered, geography } = input;
  const originKey = input.origin ?? drawOrigin(rng, category, registered);
  const origin = origins[originKey];
  const pool = namePools[origin.code];
  const members = compose(rng, input.size, origin, pool);
  const nationality = origin.nationalities.pick(rng);
  const headStatus = nationality === 'DE' ? 'deutsch' : origin.statuses.pick(rng);
  const known = (s: string | null) => (s && input.statuses.has(s) ? s : null);
  const requirement =
    (headStatus === 'ae-humanitaer' && isoOf(registered) >= '2016-08-06' && rng.chance(0.35)) ||
    (headStatus === 'p24' && rng.chance(0.25))
      ? `Wohnsitzauflage ${geography.city ?? 'Kommune'}`
      : null;
  const headValid = validUntil(rng, headStatus, registered);
  const headLanguages = languagesOf(rng, origin);
  const persons: PersonPlan[] = members.map((m, i) => {
    const adult = m.age >= 18;
    const sameStatus = !adult || rng.chance(0.85);
    const status = i === 0 || sameStatus ? headStatus : origin.statuses.pick(rng);
    const langs =
      i === 0
        ? headLanguages
        : adult
          ? languagesOf(rng, origin)
          : [...headLanguages.filter((l) => l !== 'en')];
    if (
      !langs.includes('de') &&
      (origin.german > 0 ? rng.chance(origin.german) : !adult && m.age >= 4 && rng.chance(0.55))
    ) {
      langs.push('de');
    }
    const birthDay = registered - Math.floor(m.age * 365.25) - rng.int(0, 364);
    const year = yearOf(birthDay);
    const yearOnly = rng.chance(m.age >= 60 ? origin.yearOnly * 2.5 : origin.yearOnly);
    const birthDate = yearOnly ? null : rng.chance(origin.januaryFirst) ? `${year}-01-01` : isoOf(birthDay);
    const firstName = spell(rng, m.first);
    const script =
      m.first.script && m.lastScript && adult && rng.chance(0.5) ? `${m.first.script} ${m.lastScript}` : null;
    return {
      id: ids.uuid(),
      firstName,
      lastName: m.lastName,
      originalScriptName: script,
      birthDate,
      birthYear: year,
      gender: m.gender,
      nationality: i === 0 || adult ? (i === 0 ? nationality : origin.nationalities.pick(rng)) : nationality,
      languages: langs,
      residenceStatus: known(status),
      residenceValidUntil: status === headStatus ? headValid : validUntil(rng, status, registered),
      residenceRequirement: status === headStatus ? requirement : null,
      role: m.role,
      age: m.age,
    };
  });

  const districtCode = geography.districtCodes.length ? rng.pick(geography.districtCodes) : null;
  const subs = districtCode ? (geography.subdistricts.get(districtCode) ?? []) : [];
  const subdistrictCode = subs.length ? rng.pick(subs) : null;
  const address = rng.chance(0.95) ? drawAddress(rng, districtCode, geography.city) : null;

  let movedIn: number | null = null;
  let welcomeVisit = false;
  if (category === 'refugee') {
    const x = rng.next();
    if (x < 0.7) {
      movedIn = registered - rng.int(0, 45);
      welcomeVisit = rng.chance(0.65);
    } else if (x < 0.85) movedIn = registered - rng.int(180, 1200);
  }

  const languages = [...new Set(persons.flatMap((p) => p.languages))];
  const mainLanguage = languages.find((l) => l !== 'de' && l !== 'en') ?? languages[0] ?? 'de';
  const refugee = category === 'refugee';
  const end = refugee
    ? rng.chance(0.55)
      ? registered + 60 + Math.round(-1400 * Math.log(1 - rng.next()))
      : Number.POSITIVE_INFINITY
    : rng.chance(0.85)
      ? registered + 14 + Math.round(-300 * Math.log(1 - rng.next()))
      : Number.POSITIVE_INFINITY;
  return {
    id: ids.uuid(),
    caseNumber: '',
    registeredSiteId: input.siteId,
    siteId: input.siteId,
    category,
    registered,
    origin: originKey,
    persons,
    districtCode,
    subdistrictCode,
    street: address?.street ?? null,
    postcode: address?.postcode ?? null,
    city: address?.city ?? null,
    movedIn,
    welcomeVisit,
    languages,
    mainLanguage,
    hasChildren: persons.some((p) => p.age < 16),
    intensity: rng.logNormal(1, 0.6) * (refugee ? 1 : 0.45) * (persons.length >= 4 ? 1.2 : 1),
    decay: refugee ? rng.logNormal(320, 0.5) : rng.logNormal(90, 0.5),
    end,
    status: 'active',
    contactDays: [],
    transfer: null,
  };
}

/** A household's registration as a timestamp (for created_at). */
export function registeredAt(h: HouseholdPlan, rng: Rng): string {
  return officeTime(h.registered, rng.int(8 * 60, 16 * 60));
}
