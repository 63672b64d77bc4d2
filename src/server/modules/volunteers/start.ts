import { and, desc, eq, inArray } from 'drizzle-orm';
import type { VolunteerStart } from '../../../shared/schemas/volunteers.js';
import { volunteerAssignments, volunteers } from '../../db/schema/index.js';
import { listAssignments } from './assignments.js';
import { byName, presentListItems } from './present.js';
import type { VolunteerRequest } from './scope.js';

/** The coordinator's start page: certificates due, overdue or missing, proposals to confirm, new interest. */
export async function volunteerStartPage(req: VolunteerRequest): Promise<VolunteerStart> {
  if (req.siteIds.length === 0) return { checksDue: [], proposals: [], interested: [] };
  const ofSites = inArray(volunteers.siteId, req.siteIds);
  const active = await req.db
    .select()
    .from(volunteers)
    .where(and(ofSites, eq(volunteers.status, 'active')));
  const checksDue = (await presentListItems(req.db, active))
    .filter((v) => v.conduct.state !== 'valid')
    .sort((a, b) => (a.conduct.validUntil ?? '').localeCompare(b.conduct.validUntil ?? '') || byName(a, b))
    .slice(0, 20);
  const interestedRows = await req.db
    .select()
    .from(volunteers)
    .where(and(ofSites, eq(volunteers.status, 'interested')))
    .orderBy(desc(volunteers.createdAt))
    .limit(10);
  const proposed = await req.db
    .select({
      id: volunteerAssignments.id,
      volunteerId: volunteers.id,
      first: volunteers.firstName,
      last: volunteers.lastName,
    })
    .from(volunteerAssignments)
    .innerJoin(volunteers, eq(volunteers.id, volunteerAssignments.volunteerId))
    .where(and(ofSites, eq(volunteerAssignments.status, 'proposed')))
    .limit(20);
  const assignments = await listAssignments(
    req.db,
    [...new Set(proposed.map((p) => p.volunteerId))],
    proposed.map((p) => p.id),
  );
  const names = new Map(proposed.map((p) => [p.id, { firstName: p.first, lastName: p.last }]));
  return {
    checksDue,
    proposals: assignments.map((a) => ({
      ...a,
      ...(names.get(a.id) as { firstName: string; lastName: string }),
    })),
    interested: await presentListItems(req.db, interestedRows),
  };
}
