/** Roles (code names) and the role → permission table. The only place access rules are written down. */
export const roles = [
  'admin',
  'central',
  'siteLead',
  'caseworker',
  'volunteerCoordinator',
  'networkWorker',
  'board',
  /** Datenschutzbeauftragte*r: audit log, access reports, retention; no case content */
  'dpo',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** anyone, without a session (login, health, OpenAPI) */
  'public',
  /** any signed-in user acting on their own session/account */
  'self',
  /** follow-ups (Wiedervorlagen) assigned to me on my sites, and "Mein Tag" */
  'followup.own',
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
  /** the retention rules and what is due under them (no case content) */
  'retention.read',
  /** edit the retention rules */
  'retention.manage',
  /** run the retention: anonymise what is due */
  'retention.apply',
  /** erase a household's personal data at once, on request (Art. 17) */
  'household.anonymise',
  /** export everything stored about a person (Art. 15/20) and see a household's access report */
  'person.export',
  /** break-the-glass: read another site's household for a limited time, with a written reason */
  'household.emergency',
  /** the break-the-glass grants of one's sites (site lead) or of all sites (DPO) */
  'emergency.read',
  /** correct or delete any case record of the own sites, without the author's time limit (Art. 16, 17) */
  'household.correct',
  /** restrict the processing of a household and lift it (Art. 18); sees restricted households */
  'household.restrict',
  /** privileged account changes (case scope given or widened, password reset) of one's sites; DPO: all */
  'user.privilegedChanges',
  /** the privacy notices (Art. 13) to hand out and print */
  'privacyNotice.read',
  /** write and publish new versions of the privacy notices */
  'privacyNotice.manage',
  /** the record of processing activities (Art. 30) */
  'processingRecord.read',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ['self', 'site.read', 'reference.read'];
/** staff who get work assigned (follow-ups, agreed actions, re-checks): every role but the board */
const staff: Permission[] = [...everyone, 'followup.own', 'privacyNotice.read'];
const caseWork: Permission[] = ['household.read', 'household.write'];
/** what case staff use of the network: read partners/offers/events/mediators, book, propose */
const caseNetwork: Permission[] = ['network.read', 'mediator.read', 'mediator.book', 'volunteer.propose'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  // admin manages accounts, sites and reference data and sees no case content
  admin: [
    ...staff,
    'user.read',
    'user.manage',
    'site.manage',
    'reference.manage',
    'audit.read',
    'retention.read',
    'retention.manage',
    'retention.apply',
    'processingRecord.read',
  ],
  central: [
    ...staff,
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
    ...staff,
    ...caseWork,
    ...caseNetwork,
    'household.transfer',
    'household.anonymise',
    'person.export',
    'household.emergency',
    'emergency.read',
    'household.correct',
    'household.restrict',
    'user.privilegedChanges',
    'statistics.read',
    'statistics.exact',
    'network.survey',
    'mediator.manage',
  ],
  caseworker: [...staff, ...caseWork, ...caseNetwork, 'household.emergency'],
  volunteerCoordinator: [...staff, 'network.read', 'volunteer.read', 'volunteer.write', 'mediator.read'],
  networkWorker: [...staff, 'network.read', 'network.write', 'network.survey'],
  board: [...everyone, 'statistics.read'],
  // the data protection officer checks who did what and runs the retention; sees no case content
  dpo: [
    ...everyone,
    'audit.read',
    'retention.read',
    'retention.apply',
    'person.export',
    'emergency.read',
    'user.privilegedChanges',
    'privacyNotice.read',
    'privacyNotice.manage',
    'processingRecord.read',
  ],
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
export const cityWideRoles: readonly Role[] = ['admin', 'central', 'board', 'dpo'];
/** Roles that work at assigned sites and need at least one. */
export const siteBoundRoles: readonly Role[] = roles.filter((r) => !cityWideRoles.includes(r));
