import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { cityWideRoles } from '../../../shared/permissions.js';
import { sites, volunteers } from '../../db/schema/index.js';
import { type ActorContext, actorContext } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';

/** What a volunteer service needs: the database, who acts, and the sites whose volunteers they keep. */
export interface VolunteerRequest {
  db: Db;
  ctx: ActorContext;
  userId: string;
  /** coordinators: their own sites; central: every site */
  siteIds: string[];
}

/**
 * Volunteers are site-bound like case files, but the roles differ: the coordinator holds no case
 * scope (caseScope() is empty for them), so the volunteer scope is its own: assigned sites, or every
 * site for the city-wide roles holding volunteer.read (central).
 */
export async function volunteerRequest(db: Db, request: FastifyRequest): Promise<VolunteerRequest> {
  const user = currentUser(request);
  const siteIds = cityWideRoles.includes(user.role)
    ? (await db.select({ id: sites.id }).from(sites).orderBy(asc(sites.sortOrder))).map((s) => s.id)
    : user.siteIds;
  return { db, ctx: actorContext(request), userId: user.id, siteIds };
}

/** The site a new record goes to: the one asked for (if it is the user's), else the user's only site. */
export function targetSite(req: VolunteerRequest, siteId: string | undefined): string {
  if (siteId) {
    if (!req.siteIds.includes(siteId)) throw fieldError('notYourSite', 'siteId');
    return siteId;
  }
  if (req.siteIds.length !== 1) throw fieldError('required', 'siteId');
  return req.siteIds[0];
}

export type VolunteerRow = typeof volunteers.$inferSelect;

/** The volunteer if they belong to one of the user's sites; otherwise 404 (no hint that they exist). */
export async function findVolunteer(db: Db, req: VolunteerRequest, id: string, lock = false) {
  if (req.siteIds.length === 0) throw new AppError('NOT_FOUND');
  const query = db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.id, id), inArray(volunteers.siteId, req.siteIds)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
