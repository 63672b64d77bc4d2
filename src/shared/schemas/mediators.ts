import { z } from 'zod';
import { isoDate, nonEmptyPatch, paged, pageQuery, uuid } from './common.js';

/** Sprachmittler*innen: the pool (kept by site leads and central) and their bookings. */
export const mediatorKinds = ['staff', 'freelance', 'volunteer'] as const;
export type MediatorKind = (typeof mediatorKinds)[number];
export const bookingStatuses = ['requested', 'confirmed', 'done', 'cancelled', 'noShow'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
/** statuses that hold the mediator's time (an overlapping booking is refused) */
export const activeBookingStatuses: readonly BookingStatus[] = ['requested', 'confirmed', 'done'];

// control characters are refused for every request by platform/input-guard.ts
const plain = (max: number) => z.string().trim().max(max);

export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'timeFormat');
const languageCode = z.string().min(2).max(8);

export const availabilitySlot = z
  .object({ weekday: z.number().int().min(1).max(7), from: timeOfDay, to: timeOfDay })
  .refine((s) => s.from < s.to, { message: 'toBeforeFrom', path: ['to'] });
export type AvailabilitySlot = z.infer<typeof availabilitySlot>;

const mediatorFields = {
  name: plain(120).pipe(z.string().min(1)),
  kind: z.enum(mediatorKinds),
  languages: z.array(languageCode).min(1).max(30),
  districtCodes: z.array(z.string().min(1).max(60)).max(50),
  /** euro per hour */
  rate: z.number().min(0).max(1000).nullable(),
  availability: z.array(availabilitySlot).max(50),
  phone: plain(40).nullable(),
  email: z.email().max(200).nullable(),
  active: z.boolean(),
};

export const createMediatorBody = z.object({
  ...mediatorFields,
  districtCodes: mediatorFields.districtCodes.default([]),
  rate: mediatorFields.rate.optional(),
  availability: mediatorFields.availability.default([]),
  phone: mediatorFields.phone.optional(),
  email: mediatorFields.email.optional(),
  active: mediatorFields.active.default(true),
});
export type CreateMediatorBody = z.infer<typeof createMediatorBody>;
export const updateMediatorBody = nonEmptyPatch(z.object(mediatorFields).partial());
export type UpdateMediatorBody = z.infer<typeof updateMediatorBody>;

export const mediator = z.object({
  id: uuid,
  name: z.string(),
  kind: z.enum(mediatorKinds),
  languages: z.array(z.string()),
  districtCodes: z.array(z.string()),
  rate: z.number().nullable(),
  availability: z.array(z.object({ weekday: z.number(), from: z.string(), to: z.string() })),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Mediator = z.infer<typeof mediator>;
export const mediatorList = paged(mediator);

export const mediatorsQuery = pageQuery.extend({
  q: plain(100).optional().describe('name, tolerant of spelling variants'),
  language: languageCode.optional(),
  districtCode: z.string().min(1).max(60).optional(),
  kind: z.enum(mediatorKinds).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  sort: z.enum(['name', '-name']).default('name'),
});
export type MediatorsQuery = z.infer<typeof mediatorsQuery>;

export const availableQuery = z.object({
  language: languageCode,
  date: isoDate,
  from: timeOfDay,
  to: timeOfDay,
});
export type AvailableQuery = z.infer<typeof availableQuery>;
export const availableMediator = z.object({
  id: uuid,
  name: z.string(),
  kind: z.enum(mediatorKinds),
  languages: z.array(z.string()),
  rate: z.number().nullable(),
  /** false: no availability plan kept (by arrangement) — offered, ranked after those whose plan covers the time */
  availableByPlan: z.boolean(),
});
export const availableList = z.array(availableMediator);

export const createBookingBody = z.object({
  mediatorId: uuid,
  language: languageCode,
  date: isoDate,
  from: timeOfDay,
  to: timeOfDay,
  appointmentId: uuid.optional(),
  householdId: uuid.optional(),
  /** without appointment or household: one of the booker's sites (default their first) */
  siteId: uuid.optional(),
});
export type CreateBookingBody = z.infer<typeof createBookingBody>;

export const bookingHours = z
  .number()
  .positive()
  .max(24)
  .refine((h) => Math.abs(h * 100 - Math.round(h * 100)) < 1e-9, 'invalid');
export const updateBookingBody = z.object({
  status: z.enum(bookingStatuses),
  /** required for done */
  hours: bookingHours.optional(),
});
export type UpdateBookingBody = z.infer<typeof updateBookingBody>;

export const booking = z.object({
  id: uuid,
  mediatorId: uuid,
  mediatorName: z.string(),
  siteId: uuid,
  language: z.string(),
  date: isoDate,
  from: z.string(),
  to: z.string(),
  appointmentId: uuid.nullable(),
  householdId: uuid.nullable(),
  /** only for viewers who see the household's case file */
  caseNumber: z.string().nullable(),
  status: z.enum(bookingStatuses),
  hours: z.number().nullable(),
  costCents: z.number().int().nullable(),
  requestedBy: uuid.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Booking = z.infer<typeof booking>;
export const bookingList = paged(booking);

export const bookingsQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(bookingStatuses).optional(),
  siteId: uuid.optional(),
  mediatorId: uuid.optional(),
  householdId: uuid.optional(),
});
export type BookingsQuery = z.infer<typeof bookingsQuery>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const figuresQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  siteIds: z
    .string()
    .max(4000)
    .refine((s) => s.split(',').every((id) => uuidPattern.test(id.trim())), 'siteIdList')
    .optional(),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;

/** Aggregates only: bookings by the booking's date in [from, to], of the selected sites. */
export const mediatorFigures = z.object({
  from: isoDate.nullable(),
  to: isoDate,
  siteIds: z.array(uuid),
  /** bookings requested per language and month (every status) */
  demand: z.array(z.object({ month: z.string(), language: z.string(), bookings: z.number().int() })),
  /** bookings not served, per language: cancelled, no-show, never confirmed (still requested, date past) */
  notServed: z.array(
    z.object({
      language: z.string(),
      cancelled: z.number().int(),
      noShow: z.number().int(),
      neverConfirmed: z.number().int(),
    }),
  ),
  /** per site: bookings, done ones, their hours and cost */
  perSite: z.array(
    z.object({
      siteId: uuid,
      bookings: z.number().int(),
      done: z.number().int(),
      hours: z.number(),
      costCents: z.number().int(),
    }),
  ),
});
export type MediatorFigures = z.infer<typeof mediatorFigures>;
