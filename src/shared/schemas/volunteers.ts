import { z } from 'zod';
import { isoDate, nonEmptyPatch, paged, pageQuery, plainText, uuid } from './common.js';

// Ehrenamtliche*r: volunteers, their checks, assignments and hours (issue 9, section 3)
export const volunteerStatuses = ['interested', 'active', 'paused', 'left'] as const;
export const volunteerSources = [
  'volunteerAgency',
  'welfareNetwork',
  'event',
  'wordOfMouth',
  'other',
] as const;
export const checkKinds = ['certificateOfConduct', 'confidentialityPledge', 'training'] as const;
export const assignmentKinds = ['mentorship', 'offer', 'event'] as const;
export const assignmentStatuses = ['proposed', 'active', 'ended'] as const;
/** valid: seen and not expiring within a month; dueSoon: expires within a month; overdue: expired */
export const conductStates = ['valid', 'dueSoon', 'overdue', 'missing'] as const;
export const matchReasons = ['language', 'district', 'availability', 'interest', 'certificate'] as const;

export type VolunteerStatus = (typeof volunteerStatuses)[number];
export type ConductState = (typeof conductStates)[number];

const name = plainText(100).refine((s) => s.length > 0, { message: 'required' });
const optionalText = (max: number) => plainText(max).nullable().optional();
const codeList = (max: number) => z.array(z.string().min(1).max(60)).max(max);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidFormat');

export const availabilitySlot = z
  .object({ weekday: z.number().int().min(1).max(7), from: time, to: time })
  .refine((s) => s.from < s.to, { message: 'endNotAfterStart', path: ['to'] });

const email = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]{2,}$/u, 'invalidFormat');
const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ()/-]{5,40}$/, 'invalidFormat');

const volunteerFields = {
  firstName: name,
  lastName: name,
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  languages: codeList(20).default([]),
  districtCodes: codeList(30).default([]),
  skills: z
    .array(plainText(60).refine((s) => s.length > 0, { message: 'required' }))
    .max(30)
    .optional(),
  interests: codeList(30).optional(),
  status: z.enum(volunteerStatuses).default('interested'),
  source: z.enum(volunteerSources).nullable().optional(),
  availability: z.array(availabilitySlot).max(21).optional(),
  hasRefugeeBackground: z.boolean().optional(),
  consentGivenOn: isoDate.nullable().optional(),
  consentWithdrawnOn: isoDate.nullable().optional(),
  note: optionalText(2000),
};

export const createVolunteerBody = z.object({
  ...volunteerFields,
  /** for users with several sites (or central); default: the coordinator's only site */
  siteId: uuid.optional(),
});
export const updateVolunteerBody = nonEmptyPatch(
  z.object({
    firstName: name.optional(),
    lastName: name.optional(),
    email: volunteerFields.email,
    phone: volunteerFields.phone,
    languages: codeList(20).optional(),
    districtCodes: codeList(30).optional(),
    skills: volunteerFields.skills,
    interests: volunteerFields.interests,
    status: z.enum(volunteerStatuses).optional(),
    source: volunteerFields.source,
    availability: volunteerFields.availability,
    hasRefugeeBackground: z.boolean().optional(),
    consentGivenOn: volunteerFields.consentGivenOn,
    consentWithdrawnOn: volunteerFields.consentWithdrawnOn,
    note: volunteerFields.note,
  }),
);
export type CreateVolunteerBody = z.infer<typeof createVolunteerBody>;
export type UpdateVolunteerBody = z.infer<typeof updateVolunteerBody>;

export const volunteerIdParams = z.object({ id: uuid });
export const assignmentIdParams = z.object({ id: uuid, assignmentId: uuid });

export const conduct = z.object({ state: z.enum(conductStates), validUntil: isoDate.nullable() });

export const volunteerListItem = z.object({
  id: uuid,
  siteId: uuid,
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(volunteerStatuses),
  languages: z.array(z.string()),
  districtCodes: z.array(z.string()),
  conduct,
});
export type VolunteerListItem = z.infer<typeof volunteerListItem>;

export const volunteerCheck = z.object({
  id: uuid,
  kind: z.enum(checkKinds),
  date: isoDate,
  validUntil: isoDate.nullable(),
  followUpId: uuid.nullable(),
  createdAt: z.string(),
});
export type VolunteerCheck = z.infer<typeof volunteerCheck>;

/** What a caseworker released of a household for a volunteer assignment — never case content. */
export const releasedHousehold = z.object({
  householdId: uuid,
  caseNumber: z.string(),
  /** false once the consent is withdrawn: then nothing but the case number is shown */
  released: z.boolean(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
});
export type ReleasedHousehold = z.infer<typeof releasedHousehold>;

export const assignment = z.object({
  id: uuid,
  volunteerId: uuid,
  kind: z.enum(assignmentKinds),
  status: z.enum(assignmentStatuses),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  householdId: uuid.nullable(),
  offerId: uuid.nullable(),
  eventId: uuid.nullable(),
  /** the offer's or event's title */
  targetTitle: z.string().nullable(),
  household: releasedHousehold.nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Assignment = z.infer<typeof assignment>;

export const volunteer = volunteerListItem.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  interests: z.array(z.string()),
  source: z.enum(volunteerSources).nullable(),
  availability: z.array(z.object({ weekday: z.number().int(), from: z.string(), to: z.string() })),
  hasRefugeeBackground: z.boolean(),
  consentGivenOn: isoDate.nullable(),
  consentWithdrawnOn: isoDate.nullable(),
  note: z.string().nullable(),
  checks: z.array(volunteerCheck),
  assignments: z.array(assignment),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Volunteer = z.infer<typeof volunteer>;

export const volunteerSorts = ['name', '-name', 'createdAt', '-createdAt'] as const;
export const volunteerListQuery = pageQuery.extend({
  sort: z.enum(volunteerSorts).default('name'),
  status: z.enum(volunteerStatuses).optional(),
  language: z.string().min(2).max(8).optional(),
  districtCode: z.string().min(1).max(60).optional(),
  siteId: uuid.optional(),
  q: plainText(100).optional(),
});
export type VolunteerListQuery = z.infer<typeof volunteerListQuery>;
export const volunteerList = paged(volunteerListItem);

export const createCheckBody = z
  .object({ kind: z.enum(checkKinds), date: isoDate, validUntil: isoDate.nullable().optional() })
  .refine((c) => !c.validUntil || c.validUntil > c.date, {
    message: 'endNotAfterStart',
    path: ['validUntil'],
  });
export type CreateCheckBody = z.infer<typeof createCheckBody>;

export const createAssignmentBody = z.object({
  householdId: uuid.optional(),
  offerId: uuid.optional(),
  eventId: uuid.optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  note: optionalText(1000),
});
export type CreateAssignmentBody = z.infer<typeof createAssignmentBody>;
export const updateAssignmentBody = z.object({
  status: z.enum(['active', 'ended']),
  endsOn: isoDate.nullable().optional(),
});
export type UpdateAssignmentBody = z.infer<typeof updateAssignmentBody>;

/** A caseworker proposes a volunteer for a household; the volunteer's coordinator confirms it. */
export const proposeVolunteerBody = z.object({
  volunteerId: uuid,
  note: optionalText(1000),
});
export type ProposeVolunteerBody = z.infer<typeof proposeVolunteerBody>;

export const householdLookupQuery = z.object({
  caseNumber: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[A-Za-z0-9-]+$/, 'invalidFormat'),
});

export const createHoursBody = z.object({
  date: isoDate,
  hours: z.number().min(0.25).max(24),
  assignmentId: uuid.nullable().optional(),
  note: optionalText(500),
});
export type CreateHoursBody = z.infer<typeof createHoursBody>;
export const hoursQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const hoursEntry = z.object({
  id: uuid,
  date: isoDate,
  hours: z.number(),
  assignmentId: uuid.nullable(),
  /** the assignment's kind; null for hours without an assignment */
  kind: z.enum(assignmentKinds).nullable(),
  note: z.string().nullable(),
});
export type HoursEntry = z.infer<typeof hoursEntry>;
export const hoursByKind = z.object({ kind: z.enum(assignmentKinds).nullable(), hours: z.number() });
export const hoursYear = z.object({
  year: z.number().int(),
  items: z.array(hoursEntry),
  byKind: z.array(hoursByKind),
  total: z.number(),
});
export type HoursYear = z.infer<typeof hoursYear>;

/** The data of the printable Ehrenamtsnachweis. */
export const certificate = z.object({
  year: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  siteName: z.string(),
  firstActiveOn: isoDate.nullable(),
  byKind: z.array(hoursByKind),
  total: z.number(),
  issuedOn: isoDate,
});
export type Certificate = z.infer<typeof certificate>;

export const matchQuery = z.object({
  language: z.string().min(2).max(8).optional(),
  districtCode: z.string().min(1).max(60).optional(),
  weekday: z.coerce.number().int().min(1).max(7).optional(),
  lifeArea: z.string().min(1).max(60).optional(),
  siteId: uuid.optional(),
});
export type MatchQuery = z.infer<typeof matchQuery>;
export const matchCandidate = z.object({
  volunteerId: uuid,
  score: z.number(),
  firstName: z.string(),
  lastName: z.string(),
  languages: z.array(z.string()),
  districtCodes: z.array(z.string()),
  conduct,
  reasons: z.array(z.enum(matchReasons)),
});
export type MatchCandidate = z.infer<typeof matchCandidate>;
export const matchList = z.array(matchCandidate);

/** The coordinator's start page: checks due or overdue, proposals to confirm, new interested people. */
export const volunteerStart = z.object({
  checksDue: z.array(volunteerListItem),
  proposals: z.array(assignment.extend({ firstName: z.string(), lastName: z.string() })),
  interested: z.array(volunteerListItem),
});
export type VolunteerStart = z.infer<typeof volunteerStart>;
