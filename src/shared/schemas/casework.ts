import { z } from 'zod';
import { isoDate, nonEmptyPatch, uuid } from './common.js';

const text = (max: number) => z.string().trim().max(max);

// Needs assessment (Integrationsbedarf)
export const needLevels = [0, 1, 2, 3] as const;
export const createNeedBody = z.object({
  assessedOn: isoDate,
  personId: uuid.nullable().optional(),
  lifeArea: z.string().min(1).max(60),
  level: z.number().int().min(0).max(3),
  obstacles: z.array(z.string().min(1).max(60)).max(20).default([]),
  goals: text(2000).nullable().optional(),
});
export const need = z.object({
  id: uuid,
  householdId: uuid,
  personId: uuid.nullable(),
  assessedOn: isoDate,
  lifeArea: z.string(),
  level: z.number().int(),
  obstacles: z.array(z.string()),
  goals: z.string().nullable(),
  /** who recorded it (the author may correct it for QUARTIER_CORRECTION_DAYS) */
  createdBy: uuid.nullable().optional(),
  createdAt: z.string(),
});

// Referral (Vermittlung)
export const referralStatuses = ['proposed', 'sent', 'accepted', 'completed', 'declined', 'noShow'] as const;
export const createReferralBody = z.object({
  date: isoDate,
  personId: uuid.nullable().optional(),
  /** organisation code from the organisations list */
  organisation: z.string().min(1).max(60),
  lifeArea: z.string().min(1).max(60),
  /** the offer of the network directory referred to, if any */
  offerId: uuid.nullable().optional(),
  status: z.enum(referralStatuses).default('proposed'),
  /** true when personal data is passed to the organisation: needs the household's consent for it */
  sharesData: z.boolean().default(false),
  outcome: text(2000).nullable().optional(),
});
export const updateReferralBody = nonEmptyPatch(
  z
    .object({ status: z.enum(referralStatuses), outcome: text(2000).nullable(), sharesData: z.boolean() })
    .partial(),
);
export const referral = z.object({
  id: uuid,
  householdId: uuid,
  personId: uuid.nullable(),
  date: isoDate,
  organisation: z.string(),
  lifeArea: z.string(),
  offerId: uuid.nullable(),
  status: z.enum(referralStatuses),
  sharesData: z.boolean(),
  outcome: z.string().nullable(),
  /** who recorded it (the author may correct it for QUARTIER_CORRECTION_DAYS) */
  createdBy: uuid.nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

// Follow-up (Wiedervorlage)
export const createFollowUpBody = z.object({
  dueOn: isoDate,
  assigneeId: uuid.optional(),
  text: text(1000).min(1),
});
export const updateFollowUpBody = nonEmptyPatch(
  z.object({ dueOn: isoDate, assigneeId: uuid, text: text(1000).min(1), done: z.boolean() }).partial(),
);
export const followUp = z.object({
  id: uuid,
  householdId: uuid.nullable(),
  caseNumber: z.string().nullable(),
  siteId: uuid,
  assigneeId: uuid.nullable(),
  dueOn: isoDate,
  text: z.string(),
  /** eventAction: an agreed action of an event (events module); volunteerRecheck: a certificate re-check; both household-less */
  kind: z.enum(['general', 'welcomeVisit', 'eventAction', 'volunteerRecheck']),
  /** the event of an agreed action (eventAction), else null */
  eventId: uuid.nullable(),
  eventTitle: z.string().nullable(),
  done: z.boolean(),
  createdAt: z.string(),
});
export const followUpsQuery = z.object({
  due: z.enum(['today', 'overdue', 'open', 'all']).default('open'),
});

// Appointments
export const createAppointmentBody = z.object({
  date: isoDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'timeFormat'),
  durationMinutes: z
    .number()
    .int()
    .min(5, 'appointmentDurationRange')
    .max(600, 'appointmentDurationRange')
    .default(30),
  staffUserId: uuid.optional(),
  languageNeeded: z.string().min(2).max(8).nullable().optional(),
  note: text(1000).nullable().optional(),
});
export const appointment = z.object({
  id: uuid,
  siteId: uuid,
  staffUserId: uuid.nullable(),
  householdId: uuid.nullable(),
  caseNumber: z.string().nullable(),
  date: isoDate,
  startTime: z.string(),
  durationMinutes: z.number().int(),
  languageNeeded: z.string().nullable(),
  note: z.string().nullable(),
  /** display name of the staff member (for the site agenda) */
  staffName: z.string().nullable(),
  /** who recorded it (the author may correct it for QUARTIER_CORRECTION_DAYS) */
  createdBy: uuid.nullable().optional(),
  createdAt: z.string().optional(),
});
export const updateAppointmentBody = nonEmptyPatch(
  z
    .object({
      date: isoDate,
      startTime: createAppointmentBody.shape.startTime,
      durationMinutes: z
        .number()
        .int()
        .min(5, 'appointmentDurationRange')
        .max(600, 'appointmentDurationRange'),
      staffUserId: uuid,
      languageNeeded: z.string().min(2).max(8).nullable(),
      note: text(1000).nullable(),
    })
    .partial(),
);
export const appointmentsQuery = z.object({
  /** the agenda's day; default today (Europe/Berlin) */
  date: isoDate.optional(),
  /** one of the user's sites; default all of them */
  siteId: uuid.optional(),
});

// Consent (Einwilligung)
export const createConsentBody = z.object({
  givenOn: isoDate,
  givenByPersonId: uuid.nullable().optional(),
  processing: z.boolean().default(true),
  contactByPhone: z.boolean().default(false),
  /** the contact person's name, phone and languages may be released to a volunteer (mentorship) */
  volunteerContact: z.boolean().default(false),
  sharingOrganisationCodes: z.array(z.string().min(1).max(60)).max(50).default([]),
  noticeLanguage: z.string().min(2).max(8).nullable().optional(),
  noticeVersion: text(40).nullable().optional(),
  /** the privacy notice handed out (GET /api/privacy-notices): its language and version are recorded */
  privacyNoticeId: uuid.nullable().optional(),
});
export const withdrawConsentBody = z.object({ withdrawnOn: isoDate });
export const consent = z.object({
  id: uuid,
  householdId: uuid,
  givenOn: isoDate,
  givenByPersonId: uuid.nullable(),
  processing: z.boolean(),
  contactByPhone: z.boolean(),
  volunteerContact: z.boolean(),
  sharingOrganisationCodes: z.array(z.string()),
  noticeLanguage: z.string().nullable(),
  noticeVersion: z.string().nullable(),
  privacyNoticeId: uuid.nullable().optional(),
  withdrawnOn: isoDate.nullable(),
  /** who recorded it (the author may correct it for QUARTIER_CORRECTION_DAYS) */
  createdBy: uuid.nullable().optional(),
  createdAt: z.string(),
});

// Transfer to another site
export const createTransferBody = z.object({
  toSiteId: uuid,
  transferredOn: isoDate,
  note: text(2000).nullable().optional(),
});
export const transfer = z.object({
  id: uuid,
  householdId: uuid,
  fromSiteId: uuid,
  toSiteId: uuid,
  transferredOn: isoDate,
  note: z.string().nullable(),
  createdAt: z.string(),
});

// KIM / MigraDo case plan
export const casePlanStep = z.object({
  text: text(500).min(1),
  responsible: text(120).nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  done: z.boolean().default(false),
});
export const casePlanGoal = z.object({
  text: text(500).min(1),
  steps: z.array(casePlanStep).max(30).default([]),
});
export const createCasePlanBody = z.object({
  programme: z.enum(['KIM', 'MigraDo']),
  personId: uuid.nullable().optional(),
  responsibleUserId: uuid.nullable().optional(),
  goals: z.array(casePlanGoal).max(20).default([]),
  reviewDates: z.array(isoDate).max(20).default([]),
});
export const updateCasePlanBody = nonEmptyPatch(
  z
    .object({
      responsibleUserId: uuid.nullable(),
      goals: z.array(casePlanGoal).max(20),
      reviewDates: z.array(isoDate).max(20),
      status: z.enum(['open', 'closed']),
    })
    .partial(),
);
export const casePlan = z.object({
  id: uuid,
  householdId: uuid,
  personId: uuid.nullable(),
  programme: z.enum(['KIM', 'MigraDo']),
  responsibleUserId: uuid.nullable(),
  goals: z.array(casePlanGoal),
  reviewDates: z.array(isoDate),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const subIdParams = z.object({ id: uuid, subId: uuid });

/** `:id` of a record that is addressed directly (follow-up, appointment). */
export const recordIdParams = z.object({ id: uuid });

export const needList = z.array(need);
export const referralList = z.array(referral);
export const followUpList = z.array(followUp);
export const appointmentList = z.array(appointment);
export const consentList = z.array(consent);
export const transferList = z.array(transfer);
export const casePlanList = z.array(casePlan);

export type Need = z.infer<typeof need>;
export type Referral = z.infer<typeof referral>;
export type FollowUp = z.infer<typeof followUp>;
export type Appointment = z.infer<typeof appointment>;
export type Consent = z.infer<typeof consent>;
export type Transfer = z.infer<typeof transfer>;
export type CasePlan = z.infer<typeof casePlan>;

// "Mein Tag": my open follow-ups due up to today, today's appointments, recently opened households
export const recentHousehold = z.object({
  id: uuid,
  caseNumber: z.string(),
  headName: z.string(),
  openedAt: z.string(),
});
export const myDay = z.object({
  /** my open follow-ups due today or overdue */
  followUps: z.array(followUp),
  /** my open follow-ups of the next 7 days */
  upcoming: z.array(followUp),
  /** today's appointments: mine first, then my sites' unassigned ones, each in time order */
  appointments: z.array(appointment),
  recentHouseholds: z.array(recentHousehold),
});
export type MyDay = z.infer<typeof myDay>;
