import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/permissions.js';
import type { SessionUser } from '../../../shared/schemas/auth.js';
import { loginThrottle, users } from '../../db/schema/index.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/passwords.js';
import {
  createSession,
  deleteSession,
  type SessionTimeouts,
  sessionIdOf,
} from '../../platform/auth/sessions.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { checkSecondFactor } from './mfa.js';

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

export interface LoginInput {
  username: string;
  password: string;
  code?: string;
  remember?: boolean;
  /** the cookie token the request came with: its session ends (a new login rotates the session) */
  previousToken?: string;
  userAgent?: string | null;
}

async function failLogin(
  db: Db,
  ctx: ActorContext,
  key: string,
  user: UserRow | undefined,
  policy: LoginPolicy,
) {
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
}

type UserRow = typeof users.$inferSelect;

/**
 * Checks the password and, where MFA is on, the second factor. The answer for an unknown user, a wrong
 * password and an inactive account is the same; a right password without a code answers MFA_REQUIRED, a
 * wrong code counts towards the lock like a wrong password.
 */
export async function login(db: Db, ctx: ActorContext, input: LoginInput, policy: LoginPolicy) {
  const key = throttleKey(input.username);
  if (await isLocked(db, key)) throw new AppError('TOO_MANY_ATTEMPTS');
  const [user] = await db.select().from(users).where(sql`lower(${users.username}) = ${key}`);
  let ok = false;
  if (user?.active) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!user || !ok) {
    await failLogin(db, ctx, key, user, policy);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.mfaEnabled && !input.code) throw new AppError('MFA_REQUIRED');
  const actor = { ...ctx, actorId: user.id, actorUsername: user.username, role: user.role as Role };
  const result = await writeTransaction(db, async (tx) => {
    const factor = user.mfaEnabled ? await checkSecondFactor(tx, user.id, input.code ?? '') : 'none';
    if (factor === null) return null;
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    if (input.previousToken) await deleteSession(tx, sessionIdOf(input.previousToken));
    const session = await createSession(tx, user.id, policy, {
      remember: input.remember,
      userAgent: input.userAgent,
      clientIp: ctx.ip,
    });
    if (factor === 'recovery') {
      await audit(tx, actor, { action: 'auth.mfa_recovery_used', entityType: 'user', entityId: user.id });
    }
    await audit(tx, actor, { action: 'auth.login', entityType: 'session', entityId: user.id });
    return session;
  });
  if (!result) {
    await failLogin(db, ctx, key, user, policy);
    throw new AppError('MFA_INVALID');
  }
  const sessionUser: SessionUser = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    siteIds: user.siteIds,
  };
  return {
    ...result,
    user: sessionUser,
    flags: { mfaEnabled: user.mfaEnabled, passwordMustChange: user.passwordMustChange },
  };
}

/** Ends the session; the logout is audited in the same transaction. */
export async function logout(db: Db, ctx: ActorContext, sessionId: string, userId: string) {
  await writeTransaction(db, async (tx) => {
    await deleteSession(tx, sessionId);
    await audit(tx, ctx, { action: 'auth.logout', entityType: 'session', entityId: userId });
  });
}
