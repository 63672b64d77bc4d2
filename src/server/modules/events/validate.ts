import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import { addMonths, todayBerlin } from '../../../shared/dates.js';
import { rolesWith } from '../../../shared/permissions.js';
import { partners, users } from '../../db/schema/index.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldIssue, fieldError } from '../../platform/errors.js';
import { assertCodes } from '../reference/validate.js';

/** Staff who may organise an event or own an agreed action: every role working with the network. */
export const eventStaffRoles = rolesWith('network.read');

export const earliestEventDate = '2000-01-01';

/** Events are planned at most five years ahead; anything else is a typing error. */
export function latestEventDate(): string {
  return addMonths(todayBerlin(), 60);
}

export function assertEventDate(date: string, path: string) {
  if (date < earliestEventDate) throw fieldError('dateTooEarly', path, { min: '01.01.2000' });
  const latest = latestEventDate();
  if (date > latest) throw fieldError('dateTooLate', path, { max: latest });
}

export function assertTimes(startTime: string | null | undefined, endTime: string | null | undefined) {
  if (startTime && endTime && endTime <= startTime) throw fieldError('endNotAfterStart', 'endTime');
}

/** Every partner id must name a partner; the 400 names `partnerIds.N`. */
export async function assertPartners(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  const rows = await db.select({ id: partners.id }).from(partners).where(inArray(partners.id, ids));
  const found = new Set(rows.map((r) => r.id));
  const issues: FieldIssue[] = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `partnerIds.${i}`, code: 'unknownPartner' as const }],
  );
  if (issues.length) throw new AppError('VALIDATION', issues);
}

/** The active staff accounts of a site (not admin, not board). */
export function siteStaff(db: Db, siteId: string, ids?: string[]) {
  return db
    .select({ id: users.id, displayName: users.displayName, username: users.username })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, [...eventStaffRoles]),
        arrayContains(users.siteIds, [siteId]),
        ids ? inArray(users.id, ids) : undefined,
      ),
    );
}

/** Each id must be an active staff account of the site; the 400 names `path.N` (or `path` for one). */
export async function assertSiteStaff(db: Db, siteId: string, ids: string[], path: string, indexed = true) {
  if (ids.length === 0) return;
  const rows = await siteStaff(db, siteId, ids);
  const found = new Set(rows.map((r) => r.id));
  const issues: FieldIssue[] = ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: indexed ? `${path}.${i}` : path, code: 'notSiteStaff' as const }],
  );
  if (issues.length) throw new AppError('VALIDATION', issues);
}

export interface EventFieldsToCheck {
  type?: string;
  districtCode?: string | null;
  date?: string;
  startTime?: string | null;
  endTime?: string | null;
  partnerIds?: string[];
  organiserIds?: string[];
}

/** The checks shared by create and update (on the merged values of an update). */
export async function assertEventFields(db: Db, siteId: string, v: EventFieldsToCheck) {
  if (v.date) assertEventDate(v.date, 'date');
  assertTimes(v.startTime, v.endTime);
  await assertCodes(db, [
    { list: 'event-types', code: v.type, path: 'type' },
    { list: 'districts', code: v.districtCode, path: 'districtCode' },
  ]);
  if (v.partnerIds) await assertPartners(db, v.partnerIds);
  if (v.organiserIds) await assertSiteStaff(db, siteId, v.organiserIds, 'organiserIds');
}
