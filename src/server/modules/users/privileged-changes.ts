import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { cityWideRoles, type Role } from '../../../shared/permissions.js';
import * as s from '../../../shared/schemas/privileged-changes.js';
import { auditLog, sites, users } from '../../db/schema/index.js';
import { type ActorContext, actorContext, auditAccess } from '../../platform/audit.js';
import { currentUser } from '../../platform/auth/guard.js';
import type { Db } from '../../platform/db/client.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';

interface Viewer {
  role: Role;
  siteIds: string[];
}

/**
 * Privileged account changes, read from the audit log (no second store): a site lead those on their sites,
 * the DPO all of them; newest first. Reading the list is audited (it names staff accounts).
 */
export async function listPrivilegedChanges(
  db: Db,
  ctx: ActorContext,
  viewer: Viewer,
  q: z.infer<typeof s.privilegedChangesQuery>,
) {
  const filters: SQL[] = [eq(auditLog.action, 'user.privilegedChange')];
  if (!cityWideRoles.includes(viewer.role)) {
    if (viewer.siteIds.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    filters.push(inArray(auditLog.siteId, viewer.siteIds));
  }
  const where = and(...filters);
  const rows = await db
    .select({
      entry: auditLog,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      siteName: sites.name,
    })
    .from(auditLog)
    .leftJoin(users, sql`${users.id}::text = ${auditLog.entityId}`)
    .leftJoin(sites, eq(sites.id, auditLog.siteId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  await auditAccess(db, ctx, { action: 'user.privilegedChangesListed', entityType: 'user' });
  const items = rows.map(
    (r): s.PrivilegedChangeEntry => ({
      id: r.entry.id,
      at: r.entry.at.toISOString(),
      actorUsername: r.entry.actorUsername,
      userId: r.username ? r.entry.entityId : null,
      username: r.username,
      displayName: r.displayName,
      role: (r.role as Role | null) ?? null,
      siteId: r.entry.siteId,
      siteName: r.siteName,
      fields: r.entry.fields,
    }),
  );
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export function privilegedChangeRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  typed(app).get(
    '/api/privileged-changes',
    {
      config: { permission: 'user.privilegedChanges' },
      schema: {
        tags: ['users'],
        summary: "Privileged account changes on the viewer's sites (DPO: all sites), newest first",
        querystring: s.privilegedChangesQuery,
        response: responses({ 200: s.privilegedChangeList }),
      },
    },
    async (request) => {
      const user = currentUser(request);
      return listPrivilegedChanges(
        database.db,
        actorContext(request),
        { role: user.role, siteIds: user.siteIds },
        request.query,
      );
    },
  );
}
