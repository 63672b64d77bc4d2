import { z } from 'zod';
import { countryCodes } from '../countries.js';
import { isoDate, nonEmptyPatch, paged, pageQuery, pastDate, registrationDate, uuid } from './common.js';

export const householdStatuses = ['active', 'inactive', 'closed', 'movedAway', 'transferred'] as const;
export const genders = ['female', 'male', 'diverse', 'unspecified'] as const;
export const householdRoles = ['head', 'partner', 'child', 'parent', 'sibling', 'relative', 'other'] as const;

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const year = z
  .number()
  .int()
  .min(1900)
  .max(new Date().getFullYear() + 1);

export const address = z.object({
  street: optionalText(200),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'postcodeFormat')
    .nullable()
    .optional(),
  city: optionalText(100),
  subdistrictCode: z.string().max(60).nullable().optional(),
});

export const personInput = z
  .object({
    firstName: name,
    lastName: name,
    originalScriptName: optionalText(200),
    birthDate: pastDate('birthDateInFuture').nullable().optional(),
    birthYear: year.nullable().optional(),
    gender: z.enum(genders).optional(),
    nationality: z
      .enum(countryCodes as [string, ...string[]])
      .nullable()
      .optional(),
    languages: z.array(z.string().min(2).max(8)).max(20).optional(),
    residenceStatus: z.string().max(40).nullable().optional(),
    residenceValidUntil: isoDate.nullable().optional(),
    residenceRequirement: optionalText(200),
    roleInHousehold: z.enum(householdRoles).optional(),
  })
  .refine((p) => !p.birthDate || !p.birthYear || Number(p.birthDate.slice(0, 4)) === p.birthYear, {
    message: 'birthYearMismatch',
    path: ['birthYear'],
  });
export type PersonInput = z.infer<typeof personInput>;

export const person = z.object({
  id: uuid,
  householdId: uuid,
  firstName: z.string(),
  lastName: z.string(),
  originalScriptName: z.string().nullable(),
  birthDate: isoDate.nullable(),
  birthYear: z.number().int().nullable(),
  gender: z.enum(genders),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
  residenceStatus: z.string().nullable(),
  residenceValidUntil: isoDate.nullable(),
  residenceRequirement: z.string().nullable(),
  roleInHousehold: z.enum(householdRoles),
  leftOn: isoDate.nullable(),
});
export type Person = z.infer<typeof person>;

export const createHouseholdBody = z.object({
  siteId: uuid,
  category: z.string().min(1).max(40),
  registeredOn: registrationDate,
  districtCode: z.string().max(60).nullable().optional(),
  address: address.optional(),
  movedInOn: isoDate.nullable().optional(),
  languages: z.array(z.string().min(2).max(8)).max(20).optional(),
  members: z.array(personInput).min(1).max(30),
});
export type CreateHouseholdBody = z.infer<typeof createHouseholdBody>;

export const updateHouseholdBody = nonEmptyPatch(
  z
    .object({
      category: z.string().min(1).max(40),
      registeredOn: registrationDate,
      districtCode: z.string().max(60).nullable(),
      address: address,
      movedInOn: isoDate.nullable(),
      languages: z.array(z.string().min(2).max(8)).max(20),
      status: z.enum(householdStatuses),
    })
    .partial(),
);
export type UpdateHouseholdBody = z.infer<typeof updateHouseholdBody>;

export const household = z.object({
  id: uuid,
  caseNumber: z.string(),
  siteId: uuid,
  registeredSiteId: uuid,
  category: z.string(),
  registeredOn: isoDate,
  districtCode: z.string().nullable(),
  address: z.object({
    street: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    subdistrictCode: z.string().nullable(),
  }),
  movedInOn: isoDate.nullable(),
  languages: z.array(z.string()),
  status: z.enum(householdStatuses),
  members: z.array(person),
  /** set when processing is restricted (Art. 18): only the site lead sees the household, with the reason */
  restriction: z.object({ at: z.string(), reason: z.string().nullable() }).nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof household>;

export const householdSummary = z.object({
  id: uuid,
  caseNumber: z.string(),
  siteId: uuid,
  category: z.string(),
  registeredOn: isoDate,
  districtCode: z.string().nullable(),
  status: z.enum(householdStatuses),
  /** "Lastname, Firstname" of the head (or first member) */
  headName: z.string(),
  memberCount: z.number().int(),
  lastContactOn: isoDate.nullable(),
});
export type HouseholdSummary = z.infer<typeof householdSummary>;

export const householdSortFields = [
  'caseNumber',
  'registeredOn',
  'headName',
  'lastContactOn',
  'status',
] as const;
export const listHouseholdsQuery = pageQuery.extend({
  siteId: uuid.optional(),
  status: z.enum(householdStatuses).optional(),
  category: z.string().max(40).optional(),
  districtCode: z.string().max(60).optional(),
  q: z.string().trim().max(100).optional(),
  /** `true`: only the households whose processing is restricted (Art. 18; site lead), never listed otherwise */
  restricted: z.enum(['true', 'false']).optional(),
  sort: z.enum(householdSortFields).default('registeredOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const householdList = paged(householdSummary);
export const householdIdParams = z.object({ id: uuid });
export const memberParams = z.object({ id: uuid, personId: uuid });

export const updatePersonBody = nonEmptyPatch(
  z
    .object({
      firstName: name,
      lastName: name,
      originalScriptName: z.string().trim().max(200).nullable(),
      birthDate: isoDate.nullable(),
      birthYear: year.nullable(),
      gender: z.enum(genders),
      nationality: z.enum(countryCodes as [string, ...string[]]).nullable(),
      languages: z.array(z.string().min(2).max(8)).max(20),
      residenceStatus: z.string().max(40).nullable(),
      residenceValidUntil: isoDate.nullable(),
      residenceRequirement: z.string().trim().max(200).nullable(),
      roleInHousehold: z.enum(householdRoles),
      leftOn: isoDate.nullable(),
    })
    .partial(),
);
export const moveMemberBody = z.object({ toHouseholdId: uuid, movedOn: isoDate });

export const personSearchQuery = z
  .object({
    name: z.string().trim().min(2).max(200),
    birthDate: isoDate.optional(),
    birthYear: z.coerce.number().int().min(1900).max(2100).optional(),
  })
  .refine((q) => !(q.birthDate && q.birthYear), {
    message: 'birthDateOrYear',
    path: ['birthYear'],
  });
export const personMatch = z.object({
  personId: uuid,
  householdId: uuid,
  fullName: z.string(),
  birthDate: isoDate.nullable(),
  birthYear: z.number().int().nullable(),
  siteId: uuid,
  score: z.number(),
});
export const personSearchResult = z.array(personMatch);
export const duplicateCheckResult = z.object({
  matches: z.array(personMatch.extend({ caseNumber: z.string() })),
  /** matches in sites outside the caller's scope: only the site, never a name */
  otherSites: z.array(z.object({ siteId: uuid, siteName: z.string() })),
  /**
   * whether other sites were looked at: only for both names and the full birth date
   * (`needsFullQuery`), at most 30 times in 10 minutes per user (`limitReached`)
   */
  otherSitesChecked: z.enum(['checked', 'needsFullQuery', 'limitReached']),
  /** a household of the own sites whose processing is restricted (Art. 18) matches: no details (full query only) */
  restrictedMatch: z.boolean().optional(),
});
