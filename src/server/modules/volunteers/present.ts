import { and, eq, inArray, max } from 'drizzle-orm';
import { addMonths, todayBerlin } from '../../../shared/dates.js';
import type {
  ConductState,
  VolunteerCheck,
  VolunteerListItem,
  VolunteerStatus,
} from '../../../shared/schemas/volunteers.js';
import { volunteerChecks } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';
import { germanCollator } from '../households/name-key.js';
import type { VolunteerRow } from './scope.js';

/** The certificate of conduct's state on a day: a month before it expires it is due for renewal. */
export function conductState(validUntil: string | null, today = todayBerlin()): ConductState {
  if (!validUntil) return 'missing';
  if (validUntil < today) return 'overdue';
  if (addMonths(validUntil, -1) <= today) return 'dueSoon';
  return 'valid';
}

/** The latest expiry of each volunteer's certificates of conduct (one query for a page). */
export async function conductUntil(db: Db, volunteerIds: string[]): Promise<Map<string, string | null>> {
  if (volunteerIds.length === 0) return new Map();
  const rows = await db
    .select({ volunteerId: volunteerChecks.volunteerId, until: max(volunteerChecks.validUntil) })
    .from(volunteerChecks)
    .where(
      and(
        inArray(volunteerChecks.volunteerId, volunteerIds),
        eq(volunteerChecks.kind, 'certificateOfConduct'),
      ),
    )
    .groupBy(volunteerChecks.volunteerId);
  return new Map(rows.map((r) => [r.volunteerId, r.until]));
}

export function presentListItem(row: VolunteerRow, until: string | null | undefined): VolunteerListItem {
  return {
    id: row.id,
    siteId: row.siteId,
    firstName: row.firstName,
    lastName: row.lastName,
    status: row.status as VolunteerStatus,
    languages: row.languages,
    districtCodes: row.districtCodes,
    conduct: { state: conductState(until ?? null), validUntil: until ?? null },
  };
}

export async function presentListItems(db: Db, rows: VolunteerRow[]): Promise<VolunteerListItem[]> {
  const until = await conductUntil(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentListItem(r, until.get(r.id)));
}

export function presentCheck(row: typeof volunteerChecks.$inferSelect): VolunteerCheck {
  return {
    id: row.id,
    kind: row.kind as VolunteerCheck['kind'],
    date: row.date,
    validUntil: row.validUntil,
    followUpId: row.followUpId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Names sorted the German way (Ä with A, Ş with S, case-insensitive), last name first. */
export function byName(
  a: { firstName: string; lastName: string },
  b: { firstName: string; lastName: string },
) {
  return germanCollator.compare(a.lastName, b.lastName) || germanCollator.compare(a.firstName, b.firstName);
}

const earliest = '1990-01-01';
/** A day that has happened: not in the future, not before 1990 (a typo, not a record). */
export function assertPastDate(value: string | null | undefined, path: string, today = todayBerlin()) {
  if (!value) return;
  if (value > today) throw fieldError('dateInFuture', path);
  if (value < earliest) throw fieldError('dateTooEarly', path, { min: '01.01.1990' });
}

/** A planned day: from 1990 up to a year ahead. */
export function assertPlanDate(value: string | null | undefined, path: string, today = todayBerlin()) {
  if (!value) return;
  const latest = addMonths(today, 12);
  if (value > latest) throw fieldError('dateTooLate', path, { max: latest.split('-').reverse().join('.') });
  if (value < earliest) throw fieldError('dateTooEarly', path, { min: '01.01.1990' });
}
