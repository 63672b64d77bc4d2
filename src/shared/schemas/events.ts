import { z } from 'zod';
import { code, isoDate, nonEmptyPatch, paged, pageQuery, plainText, uuid } from './common.js';

/** The groups participants are counted by (columns neighbours, refugees, volunteers, partner_count, others). */
export const participantGroups = ['neighbours', 'refugees', 'volunteers', 'partners', 'others'] as const;
export type ParticipantGroup = (typeof participantGroups)[number];

/** The event type whose volunteer participants count as a training attended. */
export const trainingEventType = 'schulung';

/** The longest weekly series one request may create. */
export const maxSeriesYears = 2;

const count = z.number().int().min(0).max(100_000);
export const participantCounts = z.object({
  neighbours: count,
  refugees: count,
  volunteers: count,
  partners: count,
  others: count,
});
export type ParticipantCounts = z.infer<typeof participantCounts>;

/** A time of day `HH:MM` (seconds are dropped). */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidFormat');

const eventFields = {
  /** code of the reference list event-types */
  type: code,
  title: plainText(200).min(1),
  siteId: uuid,
  districtCode: z.string().max(60).nullable().optional(),
  place: plainText(200).nullable().optional(),
  date: isoDate,
  startTime: timeOfDay.nullable().optional(),
  endTime: timeOfDay.nullable().optional(),
  /** staff accounts who organise it */
  organiserIds: z.array(uuid).max(20).optional(),
  partnerIds: z.array(uuid).max(50).default([]),
  public: z.boolean().default(false),
  participants: participantCounts.default({
    neighbours: 0,
    refugees: 0,
    volunteers: 0,
    partners: 0,
    others: 0,
  }),
  /** Protokoll */
  minutes: plainText(50_000).nullable().optional(),
};

export const createEventBody = z.object({
  ...eventFields,
  /** a weekly series from `date` up to `until` (at most two years): one event per week */
  repeat: z.object({ weekly: z.literal(true), until: isoDate }).optional(),
});
export type CreateEventBody = z.infer<typeof createEventBody>;

export const updateEventBody = nonEmptyPatch(
  z.object({
    type: code.optional(),
    title: plainText(200).min(1).optional(),
    districtCode: z.string().max(60).nullable().optional(),
    place: plainText(200).nullable().optional(),
    date: isoDate.optional(),
    startTime: timeOfDay.nullable().optional(),
    endTime: timeOfDay.nullable().optional(),
    organiserIds: z.array(uuid).max(20).optional(),
    partnerIds: z.array(uuid).max(50).optional(),
    public: z.boolean().optional(),
    participants: participantCounts.partial().optional(),
    minutes: plainText(50_000).nullable().optional(),
  }),
);
export type UpdateEventBody = z.infer<typeof updateEventBody>;

export const eventSummary = z.object({
  id: uuid,
  type: z.string(),
  title: z.string(),
  siteId: uuid,
  districtCode: z.string().nullable(),
  place: z.string().nullable(),
  date: isoDate,
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  seriesId: uuid.nullable(),
  public: z.boolean(),
  participants: participantCounts,
  /** sum of the counts */
  participantTotal: z.number().int(),
});
export type EventSummary = z.infer<typeof eventSummary>;

export const eventDetail = eventSummary.extend({
  organiserIds: z.array(uuid),
  partnerIds: z.array(uuid),
  partners: z.array(z.object({ id: uuid, name: z.string() })),
  minutes: z.string().nullable(),
  series: z.object({ id: uuid, count: z.number().int() }).nullable(),
  /** events created by this request (1, or the series' dates) */
  createdCount: z.number().int().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventDetail = z.infer<typeof eventDetail>;

export const eventSortFields = ['date', 'title', 'type'] as const;
export const listEventsQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  type: z.string().max(40).optional(),
  siteId: uuid.optional(),
  districtCode: z.string().max(60).optional(),
  series: uuid.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(eventSortFields).default('date'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListEventsQuery = z.infer<typeof listEventsQuery>;
export const eventList = paged(eventSummary);

export const eventIdParams = z.object({ id: uuid });
export const eventParticipantParams = z.object({ id: uuid, participantId: uuid });

export const createParticipantBody = z.object({
  name: plainText(200).min(1),
  group: z.enum(participantGroups),
  volunteerId: uuid.nullable().optional(),
  /** the day the person agreed to be named */
  consentedOn: isoDate,
});
export const eventParticipant = z.object({
  id: uuid,
  eventId: uuid,
  name: z.string(),
  group: z.enum(participantGroups),
  volunteerId: uuid.nullable(),
  consentedOn: isoDate,
  createdAt: z.string(),
});
export type EventParticipant = z.infer<typeof eventParticipant>;
export const eventParticipantList = z.array(eventParticipant);

export const createActionBody = z.object({
  text: plainText(1000).min(1),
  ownerUserId: uuid,
  dueOn: isoDate,
});
export const eventAction = z.object({
  id: uuid,
  eventId: uuid,
  text: z.string(),
  ownerUserId: uuid,
  ownerName: z.string(),
  dueOn: isoDate,
  followUpId: uuid,
  done: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EventAction = z.infer<typeof eventAction>;
export const eventActionList = z.array(eventAction);

export const eventStaffQuery = z.object({ siteId: uuid });
export const eventStaffList = z.array(z.object({ id: uuid, displayName: z.string() }));
export type EventStaff = z.infer<typeof eventStaffList>[number];

/** For the start page: today's and this week's events of my sites, my open agreed actions. */
export const eventsStart = z.object({
  today: z.array(eventSummary),
  week: z.array(eventSummary),
  myActions: z.array(eventAction.extend({ eventTitle: z.string(), eventDate: isoDate })),
});
export type EventsStart = z.infer<typeof eventsStart>;
