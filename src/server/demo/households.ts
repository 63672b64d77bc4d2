import { drawAddress } from './addresses.js';
import { isoOf, officeTime, yearOf } from './calendar.js';
import { drawFamilyName, drawName, feminize, type Name, type NamePool, namePools, spell } from './names.js';
import { type Origin, originMix, origins } from './origins.js';
import { pickWeighted, type Rng } from './random.js';

export type Category = 'refugee' | 'other';
type Gender = 'female' | 'male' | 'diverse' | 'unspecified';
type Role = 'head' | 'partner' | 'child' | 'parent' | 'sibling' | 'relative' | 'other';

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

/** Household sizes: single with probability `single`, else 2 + Poisson(`extra`), at most 11. */
export interface SizeModel {
  single: number;
  extra: number;
}

export function sizeModelFor(meanSize: number): SizeModel {
  const single = Math.min(0.55, Math.max(0.15, 0.75 - 0.13 * meanSize));
  const extra = Math.max(0.2, (meanSize - single) / (1 - single) - 2);
  return { single, extra };
}

export const otherSizes = { 1: 48, 2: 24, 3: 13, 4: 10, 5: 4, 6: 1 } as const;
const ukrainianSizes = { 1: 28, 2: 30, 3: 24, 4: 12, 5: 5, 6: 1 } as const;
export const otherMeanSize = 2.01;

export function drawSize(rng: Rng, category: Category, model: SizeModel, origin?: string): number {
  if (category === 'other') return Number(pickWeighted(rng, otherSizes));
  if (origin === 'UA') return Number(pickWeighted(rng, ukrainianSizes));
  if (rng.chance(model.single)) return 1;
  return Math.min(11, 2 + rng.poisson(model.extra));
}

interface Member {
  gender: Gender;
  age: number;
  role: Role;
  first: Name;
  lastName: string;
  lastScript: string | null;
}

function otherGender(rng: Rng, g: 'female' | 'male'): Gender {
  // a few records without a binary gender, as in real files
  const x = rng.next();
  if (x < 0.004) return 'unspecified';
  if (x < 0.005) return 'diverse';
  return g;
}

function firstNameOf(rng: Rng, pool: NamePool, gender: 'female' | 'male', taken: Set<string>): Name {
  const names = gender === 'female' ? pool.female : pool.male;
  let n = drawName(rng, names);
  for (let i = 0; i < 3 && taken.has(n.spellings[0]); i++) n = drawName(rng, names);
  taken.add(n.spellings[0]);
  return n;
}

function adultAge(rng: Rng, young: boolean): number {
  return young ? rng.int(18, 34) : rng.int(35, 66);
}

/** The members of a household of `size` persons: who they are, their ages, names. */
function compose(rng: Rng, size: number, origin: Origin, pool: NamePool): Member[] {
  const taken = new Set<string>();
  const familyName = drawFamilyName(rng, pool);
  const familySpelling = spell(rng, familyName);
  const members: Member[] = [];
  const lastFor = (gender: 'female' | 'male', ownName: boolean) => {
    const n = ownName ? drawFamilyName(rng, pool) : familyName;
    const s = ownName ? spell(rng, n) : familySpelling;
    return { lastName: gender === 'female' ? feminize(pool, s) : s, lastScript: n.script };
  };

  if (size === 1) {
    const female = rng.chance(origin.code === 'UA' ? 0.72 : Math.min(0.45, origin.femaleHead + 0.1));
    const g = female ? 'female' : 'male';
    const age = adultAge(rng, rng.chance(0.68));
    return [
      {
        gender: otherGender(rng, g),
        age,
        role: 'head',
        first: firstNameOf(rng, pool, g, taken),
        ...lastFor(g, false),
      },
    ];
  }

  const singleParent = rng.chance(origin.femaleHead);
  let extraAdults = 0;
  if (size >= 4 && rng.chance(origin.code === 'UA' ? 0.3 : 0.12)) extraAdults = 1;
  const parents = singleParent ? 1 : 2;
  let children = Math.max(0, size - parents - extraAdults);
  if (children === 0 && singleParent) {
    // a mother alone is not a household of two: an adult child or a sibling lives with her
    children = size - 1;
    extraAdults = 0;
  }
  const minMotherAge = 18 + Math.ceil(1.6 * Math.max(0, children - 1)) + (children > 0 ? rng.int(0, 6) : 0);
  const motherAge = Math.max(minMotherAge, children === 0 ? adultAge(rng, rng.chance(0.6)) : rng.int(20, 44));
  const mother: Member = {
    gender: 'female',
    age: motherAge,
    role: singleParent ? 'head' : 'partner',
    first: firstNameOf(rng, pool, 'female', taken),
    ...lastFor('female', !singleParent && rng.chance(origin.ownNameWife)),
  };
  let father: Member | undefined;
  if (!singleParent) {
    const age = Math.max(19, motherAge + rng.int(-2, 9));
    const name = firstNameOf(rng, pool, 'male', taken);
    father = { gender: otherGender(rng, 'male'), age, role: 'head', first: name, ...lastFor('male', false) };
    members.push(father);
  }
  members.push(mother);

  // children: the youngest 0–5, then one to four years apart, none older than mother − 16
  let age = children > 0 ? rng.int(0, Math.min(5, Math.max(0, motherAge - 17))) : 0;
  const childAges: number[] = [];
  for (let i = 0; i < children; i++) {
    childAges.push(Math.min(age, Math.max(0, motherAge - 16)));
    age += rng.int(1, 3) + (rng.chance(0.2) ? 1 : 0);
  }
  const patronym = pool.patronymic
    ? father
      ? { lastName: spell(rng, father.first), lastScript: father.first.script }
      : (() => {
          const n = drawName(rng, pool.male);
          return { lastName: spell(rng, n), lastScript: n.script };
        })()
    : null;
  for (const a of childAges.reverse()) {
    const g = rng.chance(0.51) ? 'male' : 'female';
    const last =
      patronym ?? (father ? { lastName: father.lastName, lastScript: father.lastScript } : lastFor(g, false));
    members.push({
      gender: otherGender(rng, g),
      age: a,
      role: 'child',
      first: firstNameOf(rng, pool, g, taken),
      lastName: g === 'female' && !patronym ? feminize(pool, last.lastName) : last.lastName,
      lastScript: last.lastScript,
    });
  }
  for (let i = 0; i < extraAdults; i++) {
    const grandparent = rng.chance(0.65);
    const g = grandparent ? (rng.chance(0.7) ? 'female' : 'male') : rng.chance(0.5) ? 'female' : 'male';
    members.push({
      gender: g,
      age: grandparent ? Math.min(88, motherAge + rng.int(20, 30)) : rng.int(17, 30),
      role: grandparent ? 'parent' : rng.chance(0.6) ? 'sibling' : 'relative',
      first: firstNameOf(rng, pool, g, taken),
      ...lastFor(g, rng.chance(0.5)),
    });
  }
  return members;
}

function validUntil(rng: Rng, status: string | null, registered: number): string | null {
  switch (status) {
    case 'ae-humanitaer':
    case 'ae-familie':
      return isoOf(registered + 365 * rng.int(1, 3) + rng.int(-30, 30));
    case 'ae-arbeit-studium':
      return isoOf(registered + 365 * rng.int(1, 2) + rng.int(-30, 30));
    case 'gestattung':
      return isoOf(registered + rng.int(90, 180));
    case 'duldung':
      return isoOf(registered + rng.int(30, 180));
    case 'p24': {
      const y = yearOf(registered);
      if (y <= 2022) return rng.chance(0.4) ? '2024-03-04' : '2025-03-04';
      if (y === 2023) return '2025-03-04';
      return rng.chance(0.5) ? '2026-03-04' : '2027-03-04';
    }
    default:
      return null;
  }
}

function languagesOf(rng: Rng, origin: Origin): string[] {
  const main = origin.languages[0][0];
  const langs = origin.languages.filter(([, p]) => rng.chance(p)).map(([l]) => l);
  const own = langs.some((l) => l !== 'en' && (l !== 'de' || main === 'de'));
  return own ? langs : [main, ...langs.filter((l) => l !== main)];
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
