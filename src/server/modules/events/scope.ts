import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { cityWideRoles } from '../../../shared/permissions.js';
import { events, sites } from '../../db/schema/index.js';
import { currentUser } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';

/** The sites whose events a user sees: their own sites, or all for a city-wide role (central). */
export interface NetworkScope {
  userId: string;
  /** null: every site */
  siteIds: string[] | null;
}

export function networkScope(request: FastifyRequest): NetworkScope {
  const user = currentUser(request);
  return { userId: user.id, siteIds: cityWideRoles.includes(user.role) ? null : user.siteIds };
}

/** The events of the scope's sites, as a WHERE condition. */
export function eventInScope(scope: NetworkScope): SQL | undefined {
  if (scope.siteIds === null) return undefined;
  if (scope.siteIds.length === 0) return sql`false`;
  return inArray(events.siteId, scope.siteIds);
}

/** An event of the scope's sites, or a 404 (another site's event does not exist for the user). */
export async function findEventInScope(db: Db, scope: NetworkScope, id: string, lock = false) {
  const query = db
    .select()
    .from(events)
    .where(and(eq(events.id, id), eventInScope(scope)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A new event's site must exist and be one of the user's (central: any open site). */
export async function assertSiteInScope(db: Db, scope: NetworkScope, siteId: string, path: string) {
  const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
  if (!site) throw fieldError('unknownSite', path);
  if (scope.siteIds !== null && !scope.siteIds.includes(siteId)) throw fieldError('notYourSite', path);
}
