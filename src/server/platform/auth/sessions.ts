import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/permissions.js';
import type { SessionUser } from '../../../shared/schemas/auth.js';
import { sessions, users } from '../../db/schema/index.js';
import type { Db } from '../db/client.js';
import { preparedOnce } from '../db/prepared.js';
import type { SessionCache, SessionRow } from './session-cache.js';

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
 * The lookup: one indexed query (primary key, joined to the user by primary key) with only the columns
 * the guard needs, prepared once per database handle, so each request sends only its parameter.
 */
function prepareLookup(db: Db, name: string) {
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
    .prepare(name);
}

/** How long a session's last use may be stale (in the row and in the cache) before it is written again. */
const touchEveryMs = 60_000;

function isLive(row: SessionRow, now: number, timeouts: SessionTimeouts) {
  const idleLimit = row.lastSeenAt.getTime() + timeouts.idleMinutes * 60_000;
  return now <= idleLimit && now <= row.expiresAt.getTime() && row.active;
}

function activeSession(id: string, row: SessionRow): ActiveSession {
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

/**
 * Finds a live session; an idle or expired one is deleted. Touches lastSeenAt at most once a minute.
 * With a cache (see session-cache.ts), a session read less than a minute ago is taken from it, its expiry
 * and idle limit checked again; anything else — a cached session that looks idle or expired among them —
 * is read from the database.
 */
export async function findSession(
  db: Db,
  token: string,
  timeouts: SessionTimeouts,
  cache?: SessionCache,
): Promise<ActiveSession | null> {
  const id = sha256(token);
  const now = Date.now();
  const cached = cache?.get(id);
  if (cached && now - cached.lastSeenAt.getTime() <= touchEveryMs && isLive(cached, now, timeouts)) {
    return activeSession(id, cached);
  }
  const generation = cache?.generation ?? 0;
  const lookup = preparedOnce(db, 'quartier_session_lookup', (name) => prepareLookup(db, name));
  const [row] = await lookup.execute({ id });
  if (!row) return null;
  if (!isLive(row, now, timeouts)) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > touchEveryMs) {
    row.lastSeenAt = new Date(now);
    await db.update(sessions).set({ lastSeenAt: row.lastSeenAt }).where(eq(sessions.id, id));
  }
  cache?.put(id, row, generation);
  return activeSession(id, row);
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
