import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { caseStaffRoles, type Role } from '../../../shared/permissions.js';
import { households, persons, users } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import type { Db } from '../../platform/db/client.js';
import { fieldError } from '../../platform/errors.js';

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
  if (!row) throw fieldError('notMember', path);
}

/** A single language field (e.g. language needed, notice language); the 400 names the field itself. */
export { assertLanguage } from '../households/validate.js';

/** Someone given work on a case (assignee, staff, responsible) must be active case staff of its site. */
export async function assertStaff(db: Db, userId: string | null | undefined, siteId: string, path: string) {
  if (!userId) return;
  const [row] = await db
    .select({ role: users.role, siteIds: users.siteIds, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  const ok = row?.active && caseStaffRoles.includes(row.role as Role) && row.siteIds.includes(siteId);
  if (!ok) throw fieldError('notStaffOfSite', path);
}

/**
 * For records joined to their (optional) household: visible only if the household is in scope too,
 * so a transferred household's records leave the old site's lists with it.
 */
export function householdVisible(scope: Scope): SQL {
  // a restricted household's records (Art. 18) leave the cross-household lists (agenda, Mein Tag) too
  const visible = and(inArray(households.siteId, scope.siteIds), isNull(households.restrictedAt));
  return or(isNull(households.id), visible) as SQL;
}
