import type { FastifyReply } from 'fastify';
import { sessionCookie } from '../../platform/auth/sessions.js';
import type { Config } from '../../platform/config.js';

/** The session cookie: a browser-session cookie unless "remember this device" was chosen. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string, remember: boolean) {
  reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.QUARTIER_COOKIE_SECURE,
    path: '/',
    ...(remember ? { maxAge: config.QUARTIER_SESSION_MAX_HOURS * 3600 } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(sessionCookie, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.QUARTIER_COOKIE_SECURE,
  });
}
