import { drawFamilyName, drawName, feminize, type Name, type NamePool, spell } from './names.js';
import type { Origin } from './origins.js';
import type { Rng } from './random.js';

export type Gender = 'female' | 'male' | 'diverse' | 'unspecified';
export type Role = 'head' | 'partner' | 'child' | 'parent' | 'sibling' | 'relative' | 'other';

export interface Member {
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
export function compose(rng: Rng, size: number, origin: Origin, pool: NamePool): Member[] {
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
