import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { type ActorContext, audit } from '../../platform/audit.js';
import { assertPasswordRules, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';

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
    throw new AppError('WRONG_PASSWORD', [{ path: 'currentPassword', message: 'wrong password' }]);
  }
  try {
    assertPasswordRules(newPassword, user.username);
  } catch {
    throw new AppError('WEAK_PASSWORD', [{ path: 'newPassword', message: 'password rules' }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id, sessionId);
    await audit(tx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      fields: ['password'],
    });
  });
}
