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
  /** case content of the user's own sites (households, persons, contacts, …) */
  'household.read',
  'household.write',
  /** hand a household over to another site */
  'household.transfer',
  'statistics.read',
  /** exact counts; without it every statistics answer is protected (small cells) */
  'statistics.exact',
  /** partners, offers, events (read) */
  'network.read',
  /** partners, offers, events, round tables, agreed actions (write) */
  'network.write',
  /** the network survey: partners, offers and gaps per district */
  'network.survey',
  'volunteer.read',
  'volunteer.write',
  /** propose a volunteer for a household (case work side of an assignment) */
  'volunteer.propose',
  'mediator.read',
  /** keep the pool of language mediators */
  'mediator.manage',
  'mediator.book',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['self', 'site.read', 'reference.read'];
const caseWork: Permission[] = ['household.read', 'household.write'];
/** what case staff use of the network: read partners/offers/events/mediators, book, propose */
const caseNetwork: Permission[] = ['network.read', 'mediator.read', 'mediator.book', 'volunteer.propose'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  // admin manages accounts, sites and reference data and sees no case content
  admin: [...everyone, 'user.read', 'user.manage', 'site.manage', 'reference.manage', 'audit.read'],
  central: [
    ...everyone,
    'audit.read',
    'statistics.read',
    'statistics.exact',
    'network.read',
    'network.write',
    'network.survey',
    'volunteer.read',
    'volunteer.write',
    'mediator.read',
    'mediator.manage',
    'mediator.book',
  ],
  siteLead: [
    ...everyone,
    ...caseWork,
    ...caseNetwork,
    'household.transfer',
    'statistics.read',
    'statistics.exact',
    'network.survey',
    'mediator.manage',
  ],
  caseworker: [...everyone, ...caseWork, ...caseNetwork],
  volunteerCoordinator: [...everyone, 'network.read', 'volunteer.read', 'volunteer.write', 'mediator.read'],
  networkWorker: [...everyone, 'network.read', 'network.write', 'network.survey'],
  board: [...everyone, 'statistics.read'],
};

export function can(role: Role, permission: Permission): boolean {
  if (permission === 'public') return true;
  return rolePermissions[role].includes(permission);
}

/** The roles that hold a permission, derived from the table (never a second list of role names). */
export function rolesWith(permission: Permission): Role[] {
  return roles.filter((role) => can(role, permission));
}

/** Roles that see case content — only of their own sites. */
export const caseRoles: readonly Role[] = rolesWith('household.read');
/** Roles that may be given work on a case (assignee, staff member of a contact, owner of a follow-up). */
export const caseStaffRoles: readonly Role[] = rolesWith('household.write');

/** Roles whose scope is all sites rather than their assigned ones (for aggregate views only). */
export const cityWideRoles: readonly Role[] = ['admin', 'central', 'board'];
/** Roles that work at assigned sites and need at least one. */
export const siteBoundRoles: readonly Role[] = roles.filter((r) => !cityWideRoles.includes(r));
