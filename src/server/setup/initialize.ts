import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../../shared/permissions.js';
import { referenceValues, sites, users } from '../db/schema/index.js';
import { audit, writeTransaction } from '../platform/audit.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Db } from '../platform/db/client.js';
import type { Profile } from './profile.js';
import { getSetting, setSetting } from './settings.js';

export const demoPassword = 'Quartier-Demo-2026';

/** One demo account per role; site-bound roles work at the first site (Brackel/Aplerbeck in Dortmund). */
export const demoAccounts: { username: string; displayName: string; role: Role; atFirstSite: boolean }[] = [
  { username: 'admin', displayName: 'Demo Administration', role: 'admin', atFirstSite: false },
  { username: 'zentrale', displayName: 'Demo Zentrale Steuerung', role: 'central', atFirstSite: false },
  { username: 'leitung.ba', displayName: 'Demo Standortleitung', role: 'siteLead', atFirstSite: true },
  { username: 'fachkraft.ba', displayName: 'Demo Fachkraft', role: 'caseworker', atFirstSite: true },
  {
    username: 'ehrenamt',
    displayName: 'Demo Ehrenamtskoordination',
    role: 'volunteerCoordinator',
    atFirstSite: true,
  },
  { username: 'netzwerk', displayName: 'Demo Netzwerkarbeit', role: 'networkWorker', atFirstSite: true },
  { username: 'beirat', displayName: 'Demo Beirat', role: 'board', atFirstSite: false },
  { username: 'dsb', displayName: 'Demo Datenschutz', role: 'dpo', atFirstSite: false },
];

export interface InitOptions {
  demo: boolean;
  adminPassword?: string;
}

export interface InitResult {
  initialized: boolean;
  /** lines to print once on the console: the accounts created and their passwords */
  credentials: { username: string; role: Role; password: string; generated: boolean }[];
}

const system = { actorId: null, actorUsername: 'system', role: null, requestId: 'setup', ip: null };

async function loadReferenceData(tx: Db, profile: Profile) {
  const lists: [
    string,
    { code: string; labelDe: string; labelEn: string; kind?: string; parentCode?: string }[],
  ][] = [
    ['life-areas', profile.lifeAreas],
    ['support-kinds', profile.supportKinds],
    ['contact-types', profile.contactTypes],
    ['household-categories', profile.householdCategories],
    ['residence-statuses', profile.residenceStatuses],
    ['obstacles', profile.obstacles],
    ['districts', profile.districts],
    [
      'subdistricts',
      profile.districts.flatMap((d) => d.subdistricts.map((s) => ({ ...s, parentCode: d.code }))),
    ],
    ['organisations', profile.organisations],
  ];
  for (const [list, values] of lists) {
    if (values.length === 0) continue;
    await tx.insert(referenceValues).values(
      values.map((v, i) => ({
        list,
        code: v.code,
        labelDe: v.labelDe,
        labelEn: v.labelEn,
        sortOrder: i,
        kind: v.kind ?? null,
        parentCode: v.parentCode ?? null,
      })),
    );
  }
  const orgs = await tx.select().from(referenceValues).where(eq(referenceValues.list, 'organisations'));
  const orgId = new Map(orgs.map((o) => [o.code, o.id]));
  const created = [];
  for (const [i, s] of profile.sites.entries()) {
    const [row] = await tx
      .insert(sites)
      .values({
        code: s.code,
        name: s.name,
        openedOn: s.openedOn,
        closedOn: s.closedOn,
        districtCodes: s.districtCodes,
        organisationIds: s.organisationCodes.map((c) => {
          const id = orgId.get(c);
          if (!id) throw new Error(`Profile: site ${s.code} names unknown organisation ${c}`);
          return id;
        }),
        sortOrder: i,
      })
      .returning();
    created.push(row);
  }
  return created;
}

/**
 * On the first start of an empty database: loads the profile and creates the accounts, in one transaction.
 * With demo on, one account per role (marked demo); otherwise only `admin`.
 */
export async function initializeIfEmpty(db: Db, profile: Profile, options: InitOptions): Promise<InitResult> {
  if (await getSetting(db, 'initialized')) return { initialized: false, credentials: [] };
  const adminPassword = options.adminPassword ?? randomBytes(12).toString('base64url');
  const accounts = options.demo
    ? demoAccounts.map((a) => ({ ...a, password: demoPassword, generated: false }))
    : [
        {
          ...demoAccounts[0],
          displayName: 'Administration',
          password: adminPassword,
          generated: !options.adminPassword,
        },
      ];
  const hashed = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await writeTransaction(db, async (tx) => {
    const createdSites = await loadReferenceData(tx, profile);
    for (const [i, a] of accounts.entries()) {
      const [row] = await tx
        .insert(users)
        .values({
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          passwordHash: hashed[i],
          isDemo: options.demo,
          siteIds: a.atFirstSite && createdSites[0] ? [createdSites[0].id] : [],
        })
        .returning();
      await audit(tx, system, {
        action: 'user.created',
        entityType: 'user',
        entityId: row.id,
        fields: ['username', 'role'],
      });
    }
    await setSetting(tx, 'profile', profile.name);
    await setSetting(tx, 'demo', String(options.demo));
    await setSetting(tx, 'initialized', new Date().toISOString());
  });
  return {
    initialized: true,
    credentials: accounts.map((a) => ({
      username: a.username,
      role: a.role,
      password: a.password,
      generated: a.generated,
    })),
  };
}
