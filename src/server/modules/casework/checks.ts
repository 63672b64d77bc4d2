import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { languageCodes } from '../../../shared/countries.js';
import type { Role } from '../../../shared/permissions.js';
import { households, persons, users } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Europe/Berlin as YYYY-MM-DD (the offices' day, not the server's). */
export function todayBerlin(now = new Date()): string {
  return berlinDay.format(now);
}

/** A person named on a household record must be one of its members (past members count). */
export async function assertMember(
  db: Db,
  householdId: string,
  personId: string | null | undefined,
  path: string,
) {
  if (!personId) return;
  const [row] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.householdId, householdId)));
  if (!row) throw new AppError('VALIDATION', [{ path, message: 'not a member of this household' }]);
}

const knownLanguages = new Set<string>(languageCodes);

/** A single language field (e.g. language needed, notice language); the 400 names the field itself. */
export function assertLanguage(code: string | null | undefined, path: string) {
  if (code && !knownLanguages.has(code))
    throw new AppError('VALIDATION', [{ path, message: 'unknown language' }]);
}

const staffRoles: readonly Role[] = ['caseworker', 'siteLead'];

/** Someone given work on a case (assignee, staff, responsible) must be active case staff of its site. */
export async function assertStaff(db: Db, userId: string | null | undefined, siteId: string, path: string) {
  if (!userId) return;
  const [row] = await db
    .select({ role: users.role, siteIds: users.siteIds, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  const ok = row?.active && staffRoles.includes(row.role as Role) && row.siteIds.includes(siteId);
  if (!ok) throw new AppError('VALIDATION', [{ path, message: 'not an active staff member of this site' }]);
}

/**
 * For records joined to their (optional) household: visible only if the household is in scope too,
 * so a transferred household's records leave the old site's lists with it.
 */
export function householdVisible(scope: Scope): SQL {
  return or(isNull(households.id), inArray(households.siteId, scope.siteIds)) as SQL;
}
