import { z } from 'zod';
import { uuid } from './common.js';
import { protectedCount, statisticsFilters, statisticsQuery, suppressed } from './statistics.js';
import { statisticsProtection } from './statistics-protection.js';

export { type NetworkStatisticsTable, networkStatisticsTables } from './statistics.js';

/**
 * Network and community work in the report (issue 9 §6), for the same period and sites as the report:
 * - events: events of the sites dated in the period; participants are the five counted groups
 *   (neighbours, refugees, volunteers, partners, others) — people counted per event, not distinct persons;
 * - volunteers of the sites: active (an assignment that overlaps the period, hours logged in it, or — when
 *   the period reaches today — the status "active"), new (recorded in the period) and hours logged in it;
 * - mediator bookings of the sites dated in the period by language: served (done), not served (cancelled,
 *   no-show, still requested after the date) and open (requested or confirmed, date not yet passed),
 *   hours of the served ones;
 * - referrals of the sites' households (current site) in the period that point to an offer, by the
 *   referral's life area;
 * - the gap table of the network survey: the districts of the sites, life areas with open needs
 *   (households, today) but no active offer.
 * Hours follow the protection of the count they belong to (a withheld count withholds its hours).
 */
export const networkStatisticsQuery = statisticsQuery.omit({ category: true });
export type NetworkStatisticsQuery = z.infer<typeof networkStatisticsQuery>;

export const participantGroups = ['neighbours', 'refugees', 'volunteers', 'partners', 'others'] as const;
export type ParticipantGroup = (typeof participantGroups)[number];

const protectedHours = z
  .number()
  .min(0)
  .nullable()
  .describe('hours (two decimals); null when the count it belongs to is withheld');

const eventMeasures = {
  events: protectedCount,
  participants: protectedCount.describe('sum of the five participant groups'),
  neighbours: protectedCount,
  refugees: protectedCount,
  volunteers: protectedCount,
  partners: protectedCount,
  others: protectedCount,
  suppressed,
};
export const eventBreakdown = z.object({
  items: z.array(
    z.object({
      /** event type or district code; null: events without a district */
      code: z.string().nullable(),
      label: z.string(),
      ...eventMeasures,
    }),
  ),
  total: z.object(eventMeasures),
});
export type EventBreakdown = z.infer<typeof eventBreakdown>;

const volunteerMeasures = {
  active: protectedCount,
  new: protectedCount.describe('recorded in the period'),
  hours: protectedHours.describe('hours logged in the period (follows `active`)'),
  suppressed,
};
export const volunteerFigures = z.object({
  rows: z.array(z.object({ siteId: uuid, siteCode: z.string(), siteName: z.string(), ...volunteerMeasures })),
  total: z.object(volunteerMeasures),
});

const bookingMeasures = {
  bookings: protectedCount.describe('served + notServed + open'),
  served: protectedCount,
  notServed: protectedCount,
  open: protectedCount,
  hours: protectedHours.describe('hours of the served bookings (follows `served`)'),
  suppressed,
};
export const mediatorBookingFigures = z.object({
  items: z.array(z.object({ code: z.string().describe('language'), label: z.string(), ...bookingMeasures })),
  total: z.object(bookingMeasures),
});

export const referralsToOffers = z.object({
  items: z.array(z.object({ code: z.string(), label: z.string(), count: protectedCount, suppressed })),
  total: z.object({ count: protectedCount, suppressed }),
});

export const networkGapTable = z.object({
  items: z.array(
    z.object({
      districtCode: z.string(),
      districtLabel: z.string(),
      lifeArea: z.string(),
      lifeAreaLabel: z.string(),
      openNeeds: protectedCount.describe('households of the district with an open need, today'),
      activeOffers: z.number().int(),
      suppressed,
    }),
  ),
});

export const networkReport = z.object({
  filters: statisticsFilters.omit({ category: true, chartCategory: true }),
  protection: statisticsProtection,
  eventsByType: eventBreakdown,
  eventsByDistrict: eventBreakdown,
  volunteers: volunteerFigures,
  mediatorBookings: mediatorBookingFigures,
  referralsToOffers,
  gaps: networkGapTable,
});
export type NetworkReport = z.infer<typeof networkReport>;
export type NetworkFilters = NetworkReport['filters'];
