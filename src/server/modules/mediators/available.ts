import { and, arrayContains, eq, inArray, notExists, sql } from 'drizzle-orm';
import {
  type AvailabilitySlot,
  type AvailableQuery,
  activeBookingStatuses,
  type MediatorKind,
} from '../../../shared/schemas/mediators.js';
import { mediatorBookings, mediators } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import { assertLanguage } from '../households/validate.js';
import { byName } from './pool.js';

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Whether one slot of the plan covers [from, to] on the date's weekday. */
export function planCovers(plan: AvailabilitySlot[], date: string, from: string, to: string): boolean {
  const weekday = isoWeekday(date);
  return plan.some((s) => s.weekday === weekday && s.from <= from && s.to >= to);
}

/** Active bookings of the mediator that overlap [from, to) on the date (touching ends do not overlap). */
export function overlapping(
  mediatorId: string | typeof mediators.id,
  date: string,
  from: string,
  to: string,
) {
  return and(
    eq(mediatorBookings.mediatorId, mediatorId),
    eq(mediatorBookings.date, date),
    inArray(mediatorBookings.status, [...activeBookingStatuses]),
    sql`${mediatorBookings.fromTime} < ${to}::time`,
    sql`${mediatorBookings.toTime} > ${from}::time`,
  );
}

export function assertTimes(from: string, to: string) {
  if (from >= to) throw fieldError('toBeforeFrom', 'to');
}

/**
 * Mediators who speak the language, are active, are free at that time and whose plan covers it; those
 * without a plan ("by arrangement") are offered too, after the others.
 */
export async function availableMediators(db: Db, q: AvailableQuery) {
  assertLanguage(q.language, 'language');
  assertTimes(q.from, q.to);
  const rows = await db
    .select()
    .from(mediators)
    .where(
      and(
        eq(mediators.active, true),
        arrayContains(mediators.languages, [q.language]),
        notExists(
          db
            .select({ one: sql`1` })
            .from(mediatorBookings)
            .where(overlapping(mediators.id, q.date, q.from, q.to)),
        ),
      ),
    );
  return rows
    .map((m) => {
      const plan = m.availability as AvailabilitySlot[];
      return {
        id: m.id,
        name: m.name,
        kind: m.kind as MediatorKind,
        languages: m.languages,
        rate: m.rate,
        availableByPlan: planCovers(plan, q.date, q.from, q.to),
        byArrangement: plan.length === 0,
      };
    })
    .filter((m) => m.availableByPlan || m.byArrangement)
    .sort((a, b) => Number(b.availableByPlan) - Number(a.availableByPlan) || byName.compare(a.name, b.name))
    .map(({ byArrangement: _, ...m }) => m);
}
