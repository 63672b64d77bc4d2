/** Roles (code names) and the role → permission table. The only place access rules are written down. */
export const roles = [
  'admin',
  'central',
  'siteLead',
  'caseworker',
  'volunteerCoordinator',
  'networkWorker',
  'board',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** anyone, without a session (login, health, OpenAPI) */
  'public',
  /** any signed-in user acting on their own session/account */
  'self',
  'user.read',
  'user.manage',
  'site.read',
  'site.manage',
  'reference.read',
  'reference.manage',
  'audit.read',
  'household.read',
  'household.write',
  'statistics.read',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['self', 'site.read', 'reference.read'];
const caseWork: Permission[] = ['household.read', 'household.write'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  // admin manages accounts, sites and reference data and sees no case content
  admin: [...everyone, 'user.read', 'user.manage', 'site.manage', 'reference.manage', 'audit.read'],
  central: [...everyone, 'audit.read', 'statistics.read'],
  siteLead: [...everyone, ...caseWork, 'statistics.read'],
  caseworker: [...everyone, ...caseWork],
  volunteerCoordinator: [...everyone],
  networkWorker: [...everyone],
  board: [...everyone, 'statistics.read'],
};

export function can(role: Role, permission: Permission): boolean {
  if (permission === 'public') return true;
  return rolePermissions[role].includes(permission);
}

/** Roles whose scope is all sites rather than their assigned ones (for aggregate views only). */
export const cityWideRoles: readonly Role[] = ['admin', 'central', 'board'];
