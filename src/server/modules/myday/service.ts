import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { todayBerlin } from '../../../shared/dates.js';
import type { MyDay } from '../../../shared/schemas/casework.js';
import { households, recentHouseholds } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import { auditAccess } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { agenda } from '../appointments/service.js';
import type { CaseRequest } from '../casework/write.js';
import { myDueFollowUps } from '../followups/service.js';

const recentLimit = 10;

const headName = sql<string | null>`(SELECT p.last_name || ', ' || p.first_name FROM persons p
  WHERE p.household_id = ${households.id}
  ORDER BY (p.role_in_household = 'head') DESC, p.left_on IS NOT NULL, p.created_at, p.id LIMIT 1)`;

/** The last households the user opened that they may still see (a transferred one drops out). */
async function recentlyOpened(db: Db, scope: Scope) {
  if (scope.siteIds.length === 0) return [];
  const rows = await db
    .select({
      id: households.id,
      caseNumber: households.caseNumber,
      headName,
      openedAt: recentHouseholds.openedAt,
    })
    .from(recentHouseholds)
    .innerJoin(households, eq(households.id, recentHouseholds.householdId))
    .where(and(eq(recentHouseholds.userId, scope.userId), inArray(households.siteId, scope.siteIds)))
    .orderBy(desc(recentHouseholds.openedAt))
    .limit(recentLimit);
  return rows.map((r) => ({ ...r, headName: r.headName ?? '', openedAt: r.openedAt.toISOString() }));
}

/** "Mein Tag": my open follow-ups due up to today, today's appointments of my sites, recent households. */
export async function myDay({ db, ctx, scope }: CaseRequest): Promise<MyDay> {
  const [followUps, appointments, recent] = await Promise.all([
    myDueFollowUps(db, scope),
    agenda(db, scope, todayBerlin(), scope.siteIds),
    recentlyOpened(db, scope),
  ]);
  await auditAccess(db, ctx, {
    action: 'record.read',
    entityType: 'household',
    fields: ['followUps', 'appointments', 'recentHouseholds'],
  });
  return { followUps, appointments, recentHouseholds: recent };
}
