import type { FastifyRequest } from 'fastify';
import { cityWideRoles } from '../../../shared/permissions.js';
import { type ActorContext, actorContext } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';

/**
 * Who writes network records: central coordination everywhere; a network worker (and any other role
 * with network.write) only records of their own sites. Reading is city-wide: it is a directory.
 */
export interface NetworkActor {
  db: Db;
  ctx: ActorContext;
  userId: string;
  /** the sites whose partners (and their offers) this user may write; null: all */
  writableSiteIds: string[] | null;
  /** sites this user works at (default of the survey) */
  siteIds: string[];
  cityWide: boolean;
}

export function networkActor(db: Db, request: FastifyRequest): NetworkActor {
  const user = currentUser(request);
  const cityWide = cityWideRoles.includes(user.role);
  return {
    db,
    ctx: actorContext(request),
    userId: user.id,
    writableSiteIds: cityWide ? null : user.siteIds,
    siteIds: user.siteIds,
    cityWide,
  };
}

export function mayWriteSite(actor: NetworkActor, siteId: string): boolean {
  return actor.writableSiteIds === null || actor.writableSiteIds.includes(siteId);
}
