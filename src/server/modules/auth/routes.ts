import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePasswordBody, loginBody, loginResponse } from '../../../shared/schemas/auth.js';
import { actorContext } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import { accountState, mfaRequiredRoles } from '../../platform/auth/mfa-policy.js';
import { sessionCookie } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { fastSerializerCompiler } from '../../platform/fast-serializer.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { accountRoutes } from './account-routes.js';
import { clearSessionCookie, setSessionCookie } from './cookie.js';
import { changeOwnPassword } from './password.js';
import { login, logout } from './service.js';

export function authRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { database, config } = deps;
  const r = typed(app);
  const { db } = database;
  const requiredRoles = mfaRequiredRoles(config);
  const policy = {
    idleMinutes: config.QUARTIER_SESSION_IDLE_MINUTES,
    maxHours: config.QUARTIER_SESSION_MAX_HOURS,
    maxFailures: config.QUARTIER_LOGIN_MAX_FAILURES,
    lockMinutes: config.QUARTIER_LOGIN_LOCK_MINUTES,
  };

  r.post(
    '/api/auth/login',
    {
      config: {
        permission: 'public',
        rateLimit: { max: config.QUARTIER_LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: { tags: ['auth'], body: loginBody, response: responses({ 200: loginResponse }) },
    },
    async (request, reply) => {
      const { username, password, code, remember } = request.body;
      const userAgent = request.headers['user-agent'] ?? null;
      const previousToken = request.cookies[sessionCookie];
      const result = await login(
        db,
        actorContext(request),
        { username, password, code, remember, previousToken, userAgent },
        policy,
      );
      setSessionCookie(reply, config, result.token, remember === true);
      return {
        user: result.user,
        csrfToken: result.csrfToken,
        account: accountState(result.user.role, result.flags, requiredRoles),
      };
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { permission: 'self', accountSetup: true },
      schema: { tags: ['auth'], response: responses({ 200: loginResponse }) },
      // asked on every page load and by every open tab: the compiled serializer (platform/fast-serializer.ts)
      serializerCompiler: fastSerializerCompiler,
    },
    async (request: FastifyRequest) => {
      const user = currentUser(request);
      const flags = request.account ?? { mfaEnabled: false, passwordMustChange: false };
      return {
        user,
        csrfToken: request.csrfToken ?? '',
        account: accountState(user.role, flags, requiredRoles),
      };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { permission: 'self', accountSetup: true },
      schema: { tags: ['auth'], response: responses({ 204: z.null() }) },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const sessionId = request.sessionId;
      if (!sessionId) throw new AppError('UNAUTHENTICATED');
      await logout(db, actorContext(request), sessionId, user.id);
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { permission: 'self', accountSetup: true },
      schema: { tags: ['auth'], body: changePasswordBody, response: responses({ 204: z.null() }) },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const ctx = { ...actorContext(request), actorId: user.id };
      await changeOwnPassword(
        db,
        ctx,
        request.sessionId ?? '',
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );

  accountRoutes(app, deps);
}
