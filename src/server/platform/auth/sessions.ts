import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import type { Role } from '../../../shared/permissions.js';
import type { SessionUser } from '../../../shared/schemas/auth.js';
import { sessions, users } from '../../db/schema/index.js';
import type { Db } from '../db/client.js';

export const sessionCookie = 'quartier_session';

export interface SessionTimeouts {
  idleMinutes: number;
  maxHours: number;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** What the user's own session list shows about a session. */
export interface SessionOrigin {
  remember?: boolean;
  userAgent?: string | null;
  clientIp?: string | null;
}

export async function createSession(
  db: Db,
  userId: string,
  timeouts: SessionTimeouts,
  origin: SessionOrigin = {},
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + timeouts.maxHours * 3_600_000);
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    csrfToken,
    expiresAt,
    remember: origin.remember ?? false,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
    clientIp: origin.clientIp ?? null,
  });
  return { token, csrfToken };
}

/** The stored id of a cookie token (its SHA-256), e.g. to end the session a new login replaces. */
export const sessionIdOf = sha256;

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: SessionUser;
  /** the account's second factor and a pending password change (the guard's account-setup step) */
  account: { mfaEnabled: boolean; passwordMustChange: boolean };
}

/** Finds a live session; an idle or expired one is deleted. Touches lastSeenAt at most once a minute. */
export async function findSession(
  db: Db,
  token: string,
  timeouts: SessionTimeouts,
): Promise<ActiveSession | null> {
  const id = sha256(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.session.lastSeenAt.getTime() + timeouts.idleMinutes * 60_000;
  if (now > idleLimit || now > row.session.expiresAt.getTime() || !row.user.active) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    id,
    csrfToken: row.session.csrfToken,
    user: {
      id: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      role: row.user.role as Role,
      siteIds: row.user.siteIds,
    },
    account: { mfaEnabled: row.user.mfaEnabled, passwordMustChange: row.user.passwordMustChange },
  };
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: Db, userId: string, exceptId?: string) {
  const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  for (const r of rows) if (r.id !== exceptId) await deleteSession(db, r.id);
}

export async function purgeExpiredSessions(db: Db, timeouts: SessionTimeouts) {
  const idleBefore = new Date(Date.now() - timeouts.idleMinutes * 60_000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), and(lt(sessions.lastSeenAt, idleBefore))));
}
