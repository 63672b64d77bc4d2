import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import { assertPasswordRules, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';

/** Changes the signed-in user's own password and ends their other sessions. */
export async function changeOwnPassword(
  db: Db,
  ctx: ActorContext & { actorId: string },
  sessionId: string,
  currentPassword: string,
  newPassword: string,
) {
  const [user] = await db.select().from(users).where(eq(users.id, ctx.actorId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw fieldError('wrongPassword', 'currentPassword', undefined, 'WRONG_PASSWORD');
  }
  await assertPasswordRules(db, newPassword, user.username, 'newPassword');
  if (newPassword === currentPassword)
    throw fieldError('passwordUnchanged', 'newPassword', undefined, 'WEAK_PASSWORD');
  const passwordHash = await hashPassword(newPassword);
  await writeTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), passwordMustChange: false })
      .where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id, sessionId);
    await audit(tx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      fields: ['password'],
    });
  });
}
