import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { caseNumberCounters, households, persons, sites } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';

/** The household if it belongs to one of the scope's sites; otherwise 404 — never a hint that it exists. */
export async function findHouseholdInScope(db: Db, scope: Scope, id: string) {
  if (scope.siteIds.length === 0) throw new AppError('NOT_FOUND');
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.id, id), inArray(households.siteId, scope.siteIds)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Same as findHouseholdInScope, but locks the row for the rest of the transaction. */
export async function lockHouseholdInScope(tx: Db, scope: Scope, id: string) {
  if (scope.siteIds.length === 0) throw new AppError('NOT_FOUND');
  const [row] = await tx
    .select()
    .from(households)
    .where(and(eq(households.id, id), inArray(households.siteId, scope.siteIds)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
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
