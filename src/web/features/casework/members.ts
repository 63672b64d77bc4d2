import type { TFunction } from 'i18next';
import { todayBerlin } from '../../../shared/dates';
import type { genders, householdRoles, Person, PersonInput } from '../../../shared/schemas/households';
import { formatDate } from '../../ui/format';
import { dateOrNull, formatBirth, optionalDate, parseBirth, required, textOrNull } from './forms';

export type Gender = (typeof genders)[number];
export type HouseholdRole = (typeof householdRoles)[number];

/** One person as the form holds it: dates as typed, empty strings for empty fields. */
export interface MemberValues {
  /** React key of the row */
  key: string;
  firstName: string;
  lastName: string;
  originalScriptName: string;
  /** `dd.mm.yyyy`, or only the year */
  birth: string;
  gender: Gender;
  nationality: string | null;
  languages: string[];
  residenceStatus: string | null;
  residenceValidUntil: string;
  residenceRequirement: string;
  roleInHousehold: HouseholdRole | null;
}

let counter = 0;

export function emptyMember(role: HouseholdRole | null): MemberValues {
  counter += 1;
  return {
    key: `m${counter}-${Date.now().toString(36)}`,
    firstName: '',
    lastName: '',
    originalScriptName: '',
    birth: '',
    gender: 'unspecified',
    nationality: null,
    languages: [],
    residenceStatus: null,
    residenceValidUntil: '',
    residenceRequirement: '',
    roleInHousehold: role,
  };
}

export function memberFromPerson(p: Person): MemberValues {
  return {
    key: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    originalScriptName: p.originalScriptName ?? '',
    birth: formatBirth(p),
    gender: p.gender,
    nationality: p.nationality,
    languages: p.languages,
    residenceStatus: p.residenceStatus,
    residenceValidUntil: formatDate(p.residenceValidUntil),
    residenceRequirement: p.residenceRequirement ?? '',
    roleInHousehold: p.roleInHousehold,
  };
}

/** The API's person fields from checked form values. */
export function toPersonInput(m: MemberValues): PersonInput {
  const birth = parseBirth(m.birth) ?? { birthDate: null, birthYear: null };
  return {
    firstName: m.firstName.trim(),
    lastName: m.lastName.trim(),
    originalScriptName: textOrNull(m.originalScriptName),
    birthDate: birth.birthDate,
    birthYear: birth.birthYear,
    gender: m.gender,
    nationality: m.nationality,
    languages: m.languages,
    residenceStatus: m.residenceStatus,
    residenceValidUntil: dateOrNull(m.residenceValidUntil),
    residenceRequirement: textOrNull(m.residenceRequirement),
    roleInHousehold: m.roleInHousehold ?? 'other',
  };
}

/** Validation rules of one person's fields (as a nested rule object for `useForm`). */
export function memberRules(t: TFunction) {
  return {
    firstName: required(t),
    lastName: required(t),
    birth: (v: string) => {
      const birth = parseBirth(v);
      if (birth === null) return t('casework.validation.birth');
      return birth.birthDate && birth.birthDate > todayBerlin()
        ? t('casework.validation.birthInFuture')
        : null;
    },
    residenceValidUntil: optionalDate(t),
    roleInHousehold: required(t),
  };
}

/** Server field names → the form's (birth date and year share one field). */
export const memberAliases = { birthDate: 'birth', birthYear: 'birth' };

export function memberMessages(t: TFunction): Record<string, string> {
  return {
    birth: t('casework.validation.birth'),
    residenceValidUntil: t('validation.date'),
  };
}

const roleRank: Record<HouseholdRole, number> = {
  head: 0,
  partner: 1,
  parent: 2,
  child: 3,
  sibling: 4,
  relative: 5,
  other: 6,
};

/** Members in a stable order: current before former, head and partner first, then the eldest. */
export function sortMembers<T extends Person>(members: T[]): T[] {
  const birth = (p: Person) => p.birthDate ?? (p.birthYear ? `${p.birthYear}` : '9999');
  return [...members].sort(
    (a, b) =>
      Number(!!a.leftOn) - Number(!!b.leftOn) ||
      roleRank[a.roleInHousehold] - roleRank[b.roleInHousehold] ||
      birth(a).localeCompare(birth(b)) ||
      a.lastName.localeCompare(b.lastName) ||
      a.firstName.localeCompare(b.firstName),
  );
}

/** The household's members as select options, in the order of `sortMembers`. */
export function memberOptions(household: { members: Person[] }) {
  return sortMembers(household.members).map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }));
}

export function memberName(household: { members: Person[] }, id: string | null): string {
  const m = id ? household.members.find((x) => x.id === id) : undefined;
  return m ? `${m.firstName} ${m.lastName}` : '';
}
