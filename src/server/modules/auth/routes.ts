import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { changePasswordBody, loginBody, loginResponse } from '../../../shared/schemas/auth.js';
import { actorContext } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import { sessionCookie } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { changeOwnPassword } from './password.js';
import { login, logout } from './service.js';

export function authRoutes(app: FastifyInstance, { database, config }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;
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
      const { username, password } = request.body;
      const result = await login(db, actorContext(request), username, password, policy);
      reply.setCookie(sessionCookie, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.QUARTIER_COOKIE_SECURE,
        path: '/',
        maxAge: config.QUARTIER_SESSION_MAX_HOURS * 3600,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { permission: 'self' },
      schema: { tags: ['auth'], response: responses({ 200: loginResponse }) },
    },
    async (request) => ({ user: currentUser(request), csrfToken: request.csrfToken ?? '' }),
  );

  r.post(
    '/api/auth/logout',
    { config: { permission: 'self' }, schema: { tags: ['auth'], response: responses({ 204: z.null() }) } },
    async (request, reply) => {
      const user = currentUser(request);
      const sessionId = request.sessionId;
      if (!sessionId) throw new AppError('UNAUTHENTICATED');
      await logout(db, actorContext(request), sessionId, user.id);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { permission: 'self' },
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
}
