import { caseRoles, type Role, rolePermissions } from '../../../shared/permissions.js';
import { type ActorContext, type AuditTx, audit } from '../../platform/audit.js';

interface Grant {
  role: Role;
  siteIds: string[];
}

export interface PrivilegedChange {
  /** the privileged fields changed: role, siteIds, password */
  fields: string[];
  /** the sites whose lead must learn of it (none: only the DPO) */
  siteIds: string[];
}

/** A new account is privileged when its role has case scope: every one of its sites is affected. */
export function privilegedCreation(after: Grant): PrivilegedChange | null {
  if (!caseRoles.includes(after.role)) return null;
  return { fields: ['role', 'siteIds'], siteIds: after.siteIds };
}

/** Whether `after` holds a permission `before` does not. */
function widensRole(before: Role, after: Role) {
  return before !== after && rolePermissions[after].some((p) => !rolePermissions[before].includes(p));
}

/**
 * A change is privileged when it widens the role (a permission gained), adds sites or resets the password.
 * A widened role or a reset affects all of the account's sites; added sites affect those sites.
 */
export function privilegedUpdate(
  before: Grant,
  after: Grant,
  passwordReset: boolean,
): PrivilegedChange | null {
  const fields: string[] = [];
  const affected = new Set<string>();
  if (widensRole(before.role, after.role)) {
    fields.push('role');
    for (const id of after.siteIds) affected.add(id);
  }
  const added = after.siteIds.filter((id) => !before.siteIds.includes(id));
  if (added.length > 0) {
    fields.push('siteIds');
    for (const id of added) affected.add(id);
  }
  if (passwordReset) {
    fields.push('password');
    for (const id of after.siteIds) affected.add(id);
  }
  return fields.length ? { fields, siteIds: [...affected] } : null;
}

/**
 * One `user.privilegedChange` entry per affected site (the site lead's list reads them by site), or one
 * without a site when none is affected; the DPO's list shows them all. In the change's own transaction.
 */
export async function auditPrivilegedChange(
  tx: AuditTx,
  ctx: ActorContext,
  userId: string,
  change: PrivilegedChange | null,
) {
  if (!change) return;
  const sites = change.siteIds.length ? change.siteIds : [null];
  for (const siteId of sites) {
    await audit(tx, ctx, {
      action: 'user.privilegedChange',
      entityType: 'user',
      entityId: userId,
      siteId,
      fields: change.fields,
    });
  }
}
