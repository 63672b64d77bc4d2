import { and, asc, eq, gte, inArray, isNull, notExists, or, sql } from 'drizzle-orm';
import { todayBerlin } from '../../../shared/dates.js';
import type { IdleVolunteers } from '../../../shared/schemas/myday.js';
import { volunteerAssignments, volunteers } from '../../db/schema/index.js';
import { auditAccess } from '../../platform/audit.js';
import type { VolunteerRequest } from '../volunteers/scope.js';

const shown = 10;

/**
 * The coordinator's start page: active volunteers of their sites without a current assignment
 * (none proposed or active that has not ended), the longest-known first.
 */
export async function idleVolunteers(req: VolunteerRequest): Promise<IdleVolunteers> {
  if (req.siteIds.length === 0) return { items: [], total: 0 };
  const current = req.db
    .select({ id: volunteerAssignments.id })
    .from(volunteerAssignments)
    .where(
      and(
        eq(volunteerAssignments.volunteerId, volunteers.id),
        inArray(volunteerAssignments.status, ['proposed', 'active']),
        or(isNull(volunteerAssignments.endsOn), gte(volunteerAssignments.endsOn, todayBerlin())),
      ),
    );
  const where = and(
    inArray(volunteers.siteId, req.siteIds),
    eq(volunteers.status, 'active'),
    notExists(current),
  );
  const rows = await req.db
    .select({
      id: volunteers.id,
      firstName: volunteers.firstName,
      lastName: volunteers.lastName,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(volunteers)
    .where(where)
    .orderBy(asc(volunteers.createdAt), asc(volunteers.id))
    .limit(shown);
  await auditAccess(req.db, req.ctx, { action: 'record.read', entityType: 'volunteer', fields: ['idle'] });
  return { items: rows.map(({ total: _, ...v }) => v), total: rows[0]?.total ?? 0 };
}
