import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  mfaDisableBody,
  mfaEnableBody,
  mfaEnableResponse,
  mfaSetupResponse,
  sessionList,
} from '../../../shared/schemas/auth.js';
import { actorContext } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import { mfaRequiredRoles } from '../../platform/auth/mfa-policy.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { clearSessionCookie } from './cookie.js';
import { disableMfa, enableMfa, startMfaSetup } from './mfa.js';
import { endAllSessions, listSessions } from './session-list.js';

/** The signed-in user's own account: second factor (TOTP) and sessions. */
export function accountRoutes(app: FastifyInstance, { database: { db }, config }: ModuleDeps) {
  const r = typed(app);
  const requiredRoles = mfaRequiredRoles(config);
  const self = { permission: 'self', accountSetup: true } as const;
  const actor = (request: Parameters<typeof actorContext>[0]) => ({
    ...actorContext(request),
    actorId: currentUser(request).id,
  });

  r.post(
    '/api/auth/mfa/setup',
    {
      config: self,
      schema: { tags: ['auth'], response: responses({ 200: mfaSetupResponse }) },
    },
    async (request) => {
      const user = currentUser(request);
      return startMfaSetup(db, user.id, user.username);
    },
  );

  r.post(
    '/api/auth/mfa/enable',
    {
      config: self,
      schema: { tags: ['auth'], body: mfaEnableBody, response: responses({ 200: mfaEnableResponse }) },
    },
    async (request) => enableMfa(db, actor(request), request.body.code),
  );

  r.delete(
    '/api/auth/mfa',
    {
      config: { permission: 'self' },
      schema: { tags: ['auth'], body: mfaDisableBody, response: responses({ 204: z.null() }) },
    },
    async (request, reply) => {
      const required = requiredRoles.includes(currentUser(request).role);
      await disableMfa(db, actor(request), request.body.password, required);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/sessions',
    { config: self, schema: { tags: ['auth'], response: responses({ 200: sessionList }) } },
    async (request) => listSessions(db, currentUser(request).id, request.sessionId ?? ''),
  );

  r.delete(
    '/api/auth/sessions',
    { config: self, schema: { tags: ['auth'], response: responses({ 204: z.null() }) } },
    async (request, reply) => {
      await endAllSessions(db, actor(request));
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );
}
