import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Permission, type Role } from '../../../shared/permissions.js';
import type { SessionUser } from '../../../shared/schemas/auth.js';
import type { Db } from '../db/client.js';
import { sendError } from '../errors.js';
import { accountState, pendingStep } from './mfa-policy.js';
import type { SessionCache } from './session-cache.js';
import { type ActiveSession, findSession, type SessionTimeouts, sessionCookie } from './sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every API route declares the permission it needs; `public` needs no session. */
    permission?: Permission;
    /** reachable while the account must first change its password or set up MFA (me, logout, password, mfa, sessions) */
    accountSetup?: boolean;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    csrfToken: string | null;
    account: ActiveSession['account'] | null;
  }
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The one place that decides whether a request may reach its route: session, CSRF, permission. */
export function registerGuard(
  app: FastifyInstance,
  db: Db,
  timeouts: SessionTimeouts,
  mfaRoles: readonly Role[] = [],
  cache?: SessionCache,
) {
  app.decorateRequest('user', null);
  app.decorateRequest('account', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const permission = request.routeOptions.config?.permission;
    const isApi = request.url.startsWith('/api/');
    if (!permission) {
      // Deny by default: an API route that forgot its permission is unreachable.
      if (isApi && request.routeOptions.url) return sendError(request, reply, 'FORBIDDEN');
      return;
    }
    const token = request.cookies[sessionCookie];
    const session = token ? await findSession(db, token, timeouts, cache) : null;
    if (session) {
      request.user = session.user;
      request.sessionId = session.id;
      request.csrfToken = session.csrfToken;
      request.account = session.account;
    }
    if (permission === 'public') return;
    if (!session) return sendError(request, reply, 'UNAUTHENTICATED');
    if (mutating.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        return sendError(request, reply, 'CSRF');
      }
    }
    if (!request.routeOptions.config?.accountSetup) {
      const pending = pendingStep(accountState(session.user.role, session.account, mfaRoles));
      if (pending) return sendError(request, reply, pending);
    }
    if (!can(session.user.role, permission)) return sendError(request, reply, 'FORBIDDEN');
  });

  if (cache) {
    // A write may have ended sessions or changed an account (logout, deactivation, a new role): its answer
    // waits until every process has heard the database's notice of it (session-cache.ts), so that no
    // cached session outlives it by even one request.
    app.addHook('onSend', (request, reply, payload, done) => {
      if (!mutating.has(request.method) || reply.statusCode >= 400 || !request.url.startsWith('/api/')) {
        return done(null, payload);
      }
      cache.barrier(db).then(() => done(null, payload), done);
    });
  }
}

/** The signed-in user; only call on routes whose permission is not `public`. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error('currentUser() on a route without a session');
  return request.user;
}
