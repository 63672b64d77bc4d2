import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/permissions.js';
import type { SessionUser } from '../../../shared/schemas/auth.js';
import { loginThrottle, users } from '../../db/schema/index.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, deleteSession, type SessionTimeouts } from '../../platform/auth/sessions.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';

export interface LoginPolicy extends SessionTimeouts {
  maxFailures: number;
  lockMinutes: number;
}

const throttleKey = (username: string) => username.trim().toLowerCase();

async function isLocked(db: Db, key: string): Promise<boolean> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return !!row?.lockedUntil && row.lockedUntil.getTime() > Date.now();
}

async function recordFailure(db: Db, key: string, policy: LoginPolicy) {
  const windowStart = new Date(Date.now() - policy.lockMinutes * 60_000);
  const lockUntil = new Date(Date.now() + policy.lockMinutes * 60_000);
  // One statement, so concurrent failures cannot lose a count.
  await db.execute(sql`
    INSERT INTO login_throttle (key, failures, first_failure_at)
    VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle.first_failure_at < ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END,
      first_failure_at = CASE WHEN login_throttle.first_failure_at < ${windowStart} THEN now() ELSE login_throttle.first_failure_at END`);
  await db
    .update(loginThrottle)
    .set({ lockedUntil: lockUntil, failures: 0 })
    .where(sql`${loginThrottle.key} = ${key} AND ${loginThrottle.failures} >= ${policy.maxFailures}`);
}

/** Checks the password; the answer for an unknown user, a wrong password and an inactive account is the same. */
export async function login(
  db: Db,
  ctx: ActorContext,
  username: string,
  password: string,
  policy: LoginPolicy,
) {
  const key = throttleKey(username);
  if (await isLocked(db, key)) throw new AppError('TOO_MANY_ATTEMPTS');
  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = ${key}`);
  let ok = false;
  if (user?.active) ok = await verifyPassword(user.passwordHash, password);
  else await burnPasswordCheck(password);
  if (!user || !ok) {
    await writeTransaction(db, async (tx) => {
      await recordFailure(tx, key, policy);
      await audit(
        tx,
        {
          ...ctx,
          actorId: user?.id ?? null,
          actorUsername: user?.username ?? null,
          role: (user?.role as Role | undefined) ?? null,
        },
        { action: 'auth.login_failed', entityType: 'session' },
      );
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  return writeTransaction(db, async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, policy);
    const sessionUser: SessionUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      siteIds: user.siteIds,
    };
    await audit(
      tx,
      { ...ctx, actorId: user.id, actorUsername: user.username, role: user.role as Role },
      { action: 'auth.login', entityType: 'session', entityId: user.id },
    );
    return { ...session, user: sessionUser };
  });
}

/** Ends the session; the logout is audited in the same transaction. */
export async function logout(db: Db, ctx: ActorContext, sessionId: string, userId: string) {
  await writeTransaction(db, async (tx) => {
    await deleteSession(tx, sessionId);
    await audit(tx, ctx, { action: 'auth.logout', entityType: 'session', entityId: userId });
  });
}
