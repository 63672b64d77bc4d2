import { desc, eq } from 'drizzle-orm';
import type { SessionInfo } from '../../../shared/schemas/auth.js';
import { sessions } from '../../db/schema/index.js';
import { type ActorContext, audit, writeTransaction } from '../../platform/audit.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import type { Db } from '../../platform/db/client.js';

/** The signed-in user's own sessions, newest activity first; `current` marks the one asking. */
export async function listSessions(db: Db, userId: string, currentId: string): Promise<SessionInfo[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt));
  const now = Date.now();
  return rows
    .filter((r) => r.expiresAt.getTime() > now)
    .map((r) => ({
      // a prefix of the stored hash: enough to tell sessions apart, useless as a credential
      id: r.id.slice(0, 12),
      current: r.id === currentId,
      remember: r.remember,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      userAgent: r.userAgent,
      clientIp: r.clientIp,
    }));
}

/** "Log out everywhere": ends every session of the user, this one included. */
export async function endAllSessions(db: Db, ctx: ActorContext & { actorId: string }) {
  await writeTransaction(db, async (tx) => {
    await deleteUserSessions(tx, ctx.actorId);
    await audit(tx, ctx, { action: 'auth.sessions_ended', entityType: 'session', entityId: ctx.actorId });
  });
}
