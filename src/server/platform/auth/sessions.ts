import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
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

/**
 * The per-request lookup: one indexed query (primary key, joined to the user by primary key) with only the
 * columns the guard needs, prepared once per database handle, so each request sends only its parameter.
 * Nothing is cached: a logout, an expiry or a deactivation is seen by the very next request on every process.
 */
function prepareLookup(db: Db) {
  return db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      active: users.active,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      siteIds: users.siteIds,
      mfaEnabled: users.mfaEnabled,
      passwordMustChange: users.passwordMustChange,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('quartier_session_lookup');
}
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();

/** Finds a live session; an idle or expired one is deleted. Touches lastSeenAt at most once a minute. */
export async function findSession(
  db: Db,
  token: string,
  timeouts: SessionTimeouts,
): Promise<ActiveSession | null> {
  const id = sha256(token);
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = prepareLookup(db);
    lookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ id });
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.lastSeenAt.getTime() + timeouts.idleMinutes * 60_000;
  if (now > idleLimit || now > row.expiresAt.getTime() || !row.active) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    id,
    csrfToken: row.csrfToken,
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      role: row.role as Role,
      siteIds: row.siteIds,
    },
    account: { mfaEnabled: row.mfaEnabled, passwordMustChange: row.passwordMustChange },
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
