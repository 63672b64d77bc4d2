import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { mfaRecoveryCodes, userMfa, users } from '../../db/schema/index.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { matchTotp, newTotpSecret, otpauthUrl } from '../../platform/auth/totp.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';

const issuer = 'Quartier';
const recoveryCodeCount = 10;
/** letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i) */
const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

type Actor = ActorContext & { actorId: string };

const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const hashRecovery = (code: string) => createHash('sha256').update(normaliseRecovery(code)).digest('hex');

/** Ten one-time codes of 10 characters (about 49 bits each), shown as "abcde-fghjk". */
function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/** Starts (or restarts) the set-up: a new pending secret; the active one, if any, stays until confirmed. */
export async function startMfaSetup(db: Db, userId: string, username: string) {
  const [state] = await db.select().from(userMfa).where(eq(userMfa.userId, userId));
  if (state?.enabledAt) throw fieldError('mfaAlreadyOn', 'code', undefined, 'CONFLICT');
  const secret = newTotpSecret();
  await db
    .insert(userMfa)
    .values({ userId, pendingSecret: secret })
    .onConflictDoUpdate({ target: userMfa.userId, set: { pendingSecret: secret } });
  return { secret, otpauthUrl: otpauthUrl(issuer, username, secret) };
}

/** Confirms the set-up with a code from the app; turns MFA on and returns the recovery codes (shown once). */
export async function enableMfa(db: Db, ctx: Actor, code: string) {
  const recoveryCodes = newRecoveryCodes();
  await writeTransaction(db, async (tx) => {
    const [state] = await tx.select().from(userMfa).where(eq(userMfa.userId, ctx.actorId)).for('update');
    if (state?.enabledAt) throw fieldError('mfaAlreadyOn', 'code', undefined, 'CONFLICT');
    if (!state?.pendingSecret) throw fieldError('mfaNotStarted', 'code');
    const step = matchTotp(state.pendingSecret, code, null);
    if (step === null) throw fieldError('mfaCodeWrong', 'code');
    await tx
      .update(userMfa)
      .set({ secret: state.pendingSecret, pendingSecret: null, enabledAt: new Date(), lastStep: step })
      .where(eq(userMfa.userId, ctx.actorId));
    await tx.update(users).set({ mfaEnabled: true }).where(eq(users.id, ctx.actorId));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, ctx.actorId));
    await tx
      .insert(mfaRecoveryCodes)
      .values(recoveryCodes.map((c) => ({ userId: ctx.actorId, codeHash: hashRecovery(c) })));
    await audit(tx, ctx, { action: 'auth.mfa_enabled', entityType: 'user', entityId: ctx.actorId });
  });
  return { recoveryCodes };
}

/**
 * Checks a login's second factor inside its transaction (the row is locked, so one code cannot be used
 * twice concurrently): a TOTP code of now ±30 s not used before, or an unused recovery code, which is spent.
 */
export async function checkSecondFactor(
  tx: Db,
  userId: string,
  code: string,
): Promise<'totp' | 'recovery' | null> {
  const [state] = await tx.select().from(userMfa).where(eq(userMfa.userId, userId)).for('update');
  if (!state?.secret) return null;
  const step = matchTotp(state.secret, code, state.lastStep);
  if (step !== null) {
    await tx.update(userMfa).set({ lastStep: step }).where(eq(userMfa.userId, userId));
    return 'totp';
  }
  if (normaliseRecovery(code).length !== 10) return null;
  const spent = await tx
    .update(mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, hashRecovery(code)),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return spent.length ? 'recovery' : null;
}

/** Turns MFA off for the signed-in user, with their password (not where the role requires MFA). */
export async function disableMfa(db: Db, ctx: Actor, password: string, required: boolean) {
  if (required) throw fieldError('mfaRequiredForRole', 'password', undefined, 'FORBIDDEN');
  const [user] = await db.select().from(users).where(eq(users.id, ctx.actorId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw fieldError('wrongPassword', 'password', undefined, 'WRONG_PASSWORD');
  }
  await writeTransaction(db, async (tx) => {
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, ctx.actorId));
    await tx.delete(userMfa).where(eq(userMfa.userId, ctx.actorId));
    await tx.update(users).set({ mfaEnabled: false }).where(eq(users.id, ctx.actorId));
    await audit(tx, ctx, { action: 'auth.mfa_disabled', entityType: 'user', entityId: ctx.actorId });
  });
}
