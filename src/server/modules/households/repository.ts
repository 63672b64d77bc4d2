import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { caseNumberCounters, households, persons, sites } from '../../db/schema/index.js';
import { emergencyGrantUntil, type Scope } from '../../platform/access.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { visibleToScope } from './restriction.js';

/**
 * The household if it belongs to one of the scope's sites; otherwise 404 — never a hint that it exists.
 * `'read'` (opening this one household or its sub-records, nothing else) also accepts the user's valid
 * break-the-glass grant for it.
 */
export async function findHouseholdInScope(db: Db, scope: Scope, id: string, use: 'read' | 'use' = 'use') {
  if (scope.siteIds.length === 0) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.id, id), inArray(households.siteId, scope.siteIds)));
  if (row) {
    // a restricted household (Art. 18) opens for the site lead only; to others it does not exist
    if (visibleToScope(scope, row)) return row;
    throw new AppError('NOT_FOUND');
  }
  if (use === 'read' && (await emergencyGrantUntil(db, scope, id))) {
    // unsafe by id: the grant above is this user's permission for exactly this household
    const [granted] = await db.select().from(households).where(eq(households.id, id));
    if (granted && !granted.restrictedAt) return granted;
  }
  throw new AppError('NOT_FOUND');
}

/** 404, or EMERGENCY_READ_ONLY when the user may read the household only under a break-the-glass grant. */
async function notInScope(db: Db, scope: Scope, id: string): Promise<never> {
  if (await emergencyGrantUntil(db, scope, id)) throw new AppError('EMERGENCY_READ_ONLY');
  throw new AppError('NOT_FOUND');
}

/** Same as findHouseholdInScope, but locks the row for the rest of the transaction. */
export async function lockHouseholdInScope(tx: Db, scope: Scope, id: string) {
  if (scope.siteIds.length === 0) throw new AppError('NOT_FOUND');
  const [row] = await tx
    .select()
    .from(households)
    .where(and(eq(households.id, id), inArray(households.siteId, scope.siteIds)))
    .for('update');
  if (!row) return notInScope(tx, scope, id);
  if (!visibleToScope(scope, row)) throw new AppError('NOT_FOUND');
  // restricted (Art. 18): read-only, for the site lead too, until the restriction is lifted
  if (row.restrictedAt) throw new AppError('HOUSEHOLD_RESTRICTED');
  return row;
}

export async function loadMembers(db: Db, householdId: string) {
  return db
    .select()
    .from(persons)
    .where(eq(persons.householdId, householdId))
    .orderBy(sql`${persons.leftOn} IS NOT NULL`, asc(persons.createdAt), asc(persons.id));
}

/** Next human case number of a site for a year, e.g. BA-2024-0042; the counter row serialises concurrent writers. */
export async function nextCaseNumber(tx: Db, siteId: string, year: number) {
  const [site] = await tx.select({ code: sites.code }).from(sites).where(eq(sites.id, siteId));
  const [{ last }] = await tx
    .insert(caseNumberCounters)
    .values({ siteId, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.siteId, caseNumberCounters.year],
      set: { last: sql`${caseNumberCounters.last} + 1` },
    })
    .returning({ last: caseNumberCounters.last });
  return `${site.code}-${year}-${String(last).padStart(4, '0')}`;
}
