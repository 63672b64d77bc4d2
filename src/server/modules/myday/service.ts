import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { todayBerlin } from '../../../shared/dates.js';
import type { MyDay } from '../../../shared/schemas/casework.js';
import { households, recentHouseholds } from '../../db/schema/index.js';
import type { Scope } from '../../platform/access.js';
import { auditAccess } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { agenda } from '../appointments/service.js';
import { myDueFollowUps, myUpcomingFollowUps, type OwnRequest } from '../followups/own.js';

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
    .where(
      and(
        eq(recentHouseholds.userId, scope.userId),
        inArray(households.siteId, scope.siteIds),
        isNull(households.restrictedAt),
      ),
    )
    .orderBy(desc(recentHouseholds.openedAt))
    .limit(recentLimit);
  return rows.map((r) => ({ ...r, headName: r.headName ?? '', openedAt: r.openedAt.toISOString() }));
}

/** Today's appointments of my case sites: mine first, then the unassigned ones, each in time order. */
async function todaysAppointments(db: Db, scope: Scope) {
  const all = await agenda(db, scope, todayBerlin(), scope.siteIds);
  const mine = all.filter((a) => a.staffUserId === scope.userId);
  return [...mine, ...all.filter((a) => a.staffUserId === null)];
}

/**
 * "Mein Tag" for every staff role: my open follow-ups due up to today and those of the next days;
 * for case staff also today's appointments of their sites and the households they opened last.
 */
export async function myDay(req: OwnRequest): Promise<MyDay> {
  const { db, ctx, caseScope } = req;
  const [followUps, upcoming, appointments, recent] = await Promise.all([
    myDueFollowUps(req),
    myUpcomingFollowUps(req),
    todaysAppointments(db, caseScope),
    recentlyOpened(db, caseScope),
  ]);
  await auditAccess(db, ctx, {
    action: 'record.read',
    entityType: 'household',
    fields: ['followUps', 'appointments', 'recentHouseholds'],
  });
  return { followUps, upcoming, appointments, recentHouseholds: recent };
}
