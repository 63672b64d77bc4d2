import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { can, caseRoles, type Role, rolesWith } from '../../../shared/permissions.js';
import type { createUserBody, listUsersQuery, UpdateUserBody } from '../../../shared/schemas/users.js';
import { sites, users } from '../../db/schema/index.js';
import { type ActorContext, audit, changedFields, writeTransaction } from '../../platform/audit.js';
import { assertPasswordRules, hashPassword } from '../../platform/auth/passwords.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { containsPattern } from '../../platform/sql.js';
import { presentUser } from './presenter.js';
import { auditPrivilegedChange, privilegedCreation, privilegedUpdate } from './privileged.js';

/** Roles that work on case files need at least one site. */
const rolesNeedingSites = caseRoles;

async function assertSites(db: Db, role: Role, siteIds: string[]) {
  if (rolesNeedingSites.includes(role) && siteIds.length === 0) {
    throw fieldError('siteRequiredForRole', 'siteIds');
  }
  if (siteIds.length === 0) return;
  const found = await db
    .select({ id: sites.id })
    .from(sites)
    .where(sql`${sites.id} = ANY(${sql.param(siteIds)}::uuid[])`);
  const known = new Set(found.map((s) => s.id));
  const unknown = siteIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw fieldError('unknownSite', `siteIds.${unknown}`);
}

export async function listUsers(db: Db, q: z.infer<typeof listUsersQuery>) {
  const filters: SQL[] = [];
  if (q.q) {
    const like = containsPattern(q.q);
    filters.push(sql`(lower(${users.username}) LIKE ${like} OR lower(${users.displayName}) LIKE ${like})`);
  }
  if (q.role) filters.push(eq(users.role, q.role));
  if (q.siteId) filters.push(sql`${q.siteId}::uuid = ANY(${users.siteIds})`);
  if (q.active) filters.push(eq(users.active, q.active === 'true'));
  const where = filters.length ? and(...filters) : undefined;
  const column = {
    username: users.username,
    displayName: users.displayName,
    role: users.role,
    createdAt: users.createdAt,
  }[q.sort];
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(q.order === 'desc' ? desc(column) : asc(column), asc(users.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  return { items: rows.map(presentUser), total, page: q.page, pageSize: q.pageSize };
}

export async function createUser(db: Db, ctx: ActorContext, body: z.infer<typeof createUserBody>) {
  await assertPasswordRules(db, body.password, body.username);
  await assertSites(db, body.role, body.siteIds);
  const passwordHash = await hashPassword(body.password);
  return writeTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = ${body.username.toLowerCase()}`);
    if (taken) throw fieldError('usernameTaken', 'username', undefined, 'CONFLICT');
    const [row] = await tx
      .insert(users)
      .values({
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        role: body.role,
        siteIds: body.siteIds,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      fields: ['username', 'displayName', 'password', 'role', 'siteIds'],
    });
    const change = privilegedCreation({ role: body.role, siteIds: body.siteIds });
    await auditPrivilegedChange(tx, ctx, row.id, change);
    return presentUser(row);
  });
}

/** The roles that manage accounts (administration): one active account of them must always be left. */
const accountManagerRoles = rolesWith('user.manage');

/** Locks all active admin rows, so two concurrent demotions cannot both see "another admin is left". */
async function countOtherActiveAdmins(tx: Db, userId: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, accountManagerRoles), eq(users.active, true)))
    .for('update');
  return admins.filter((a) => a.id !== userId).length;
}

export async function updateUser(db: Db, ctx: ActorContext, id: string, body: UpdateUserBody) {
  const [current] = await db.select().from(users).where(eq(users.id, id));
  if (!current) throw new AppError('NOT_FOUND');
  const role = (body.role ?? current.role) as Role;
  const siteIds = body.siteIds ?? current.siteIds;
  if (body.role !== undefined || body.siteIds !== undefined) await assertSites(db, role, siteIds);
  if (body.password !== undefined) await assertPasswordRules(db, body.password, current.username);
  const wasAdmin = can(current.role as Role, 'user.manage');
  const losesAdmin = wasAdmin && (!can(role, 'user.manage') || body.active === false);
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
  return writeTransaction(db, async (tx) => {
    if (losesAdmin && (await countOtherActiveAdmins(tx, id)) === 0) {
      throw fieldError('lastAdmin', body.active === false ? 'active' : 'role', undefined, 'CONFLICT');
    }
    const [row] = await tx
      .update(users)
      .set({
        displayName: body.displayName,
        role: body.role,
        siteIds: body.siteIds,
        active: body.active,
        // a password the administration set is a reset: its owner chooses a new one at the next login
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date(), passwordMustChange: true } : {}),
      })
      .where(eq(users.id, id))
      .returning();
    // A new password, a deactivation or a change of rights ends the user's sessions.
    if (passwordHash || body.active === false || body.role !== undefined || body.siteIds !== undefined) {
      await deleteUserSessions(tx, id);
    }
    await audit(tx, ctx, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      fields: changedFields(body),
    });
    const before = { role: current.role as Role, siteIds: current.siteIds };
    const change = privilegedUpdate(before, { role, siteIds }, passwordHash !== undefined);
    await auditPrivilegedChange(tx, ctx, id, change);
    return presentUser(row);
  });
}
