import type { FastifyRequest } from 'fastify';
import { caseRoles } from '../../shared/permissions.js';
import { currentUser } from './auth/guard.js';

export interface Scope {
  userId: string;
  /** the sites whose case files this user may see; empty means none */
  siteIds: string[];
}

/** Case content is seen only by the roles holding `household.read`, and only of their own sites. */
export function caseScope(request: FastifyRequest): Scope {
  const user = currentUser(request);
  return { userId: user.id, siteIds: caseRoles.includes(user.role) ? user.siteIds : [] };
}

export function inScope(scope: Scope, siteId: string): boolean {
  return scope.siteIds.includes(siteId);
}
