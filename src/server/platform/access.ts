import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/permissions.js';
import { currentUser } from './auth/guard.js';

/** Roles that see case content — only of their own sites. Everyone else sees none. */
const caseRoles: readonly Role[] = ['caseworker', 'siteLead'];

export interface Scope {
  userId: string;
  /** the sites whose case files this user may see; empty means none */
  siteIds: string[];
}

export function caseScope(request: FastifyRequest): Scope {
  const user = currentUser(request);
  return { userId: user.id, siteIds: caseRoles.includes(user.role) ? user.siteIds : [] };
}

export function inScope(scope: Scope, siteId: string): boolean {
  return scope.siteIds.includes(siteId);
}
