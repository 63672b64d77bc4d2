import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { caseRoles, rolePermissions, roles } from '../../../shared/permissions.js';
import type { ProcessingRecord } from '../../../shared/schemas/processing-record.js';
import { consents, referenceValues, sites, users } from '../../db/schema/index.js';
import { mfaRequiredRoles } from '../../platform/auth/mfa-policy.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/db/client.js';
import { version } from '../meta/routes.js';
import { effectiveRules } from '../retention/rules.js';
import { measures, roleLabels, staticParts } from './texts.js';

async function referenceList(db: Database['db'], list: 'household-categories' | 'organisations') {
  return db
    .select({ code: referenceValues.code, label: referenceValues.labelDe, kind: referenceValues.kind })
    .from(referenceValues)
    .where(eq(referenceValues.list, list))
    .orderBy(asc(referenceValues.sortOrder), asc(referenceValues.code));
}

/** Consents in force per recipient organisation, and those that allow a volunteer's contact. */
async function consentScopes(db: Database['db']) {
  const inForce = isNull(consents.withdrawnOn);
  const perOrganisation = await db
    .select({ code: sql<string>`unnest(${consents.sharingOrganisationCodes})`, n: count() })
    .from(consents)
    .where(inForce)
    .groupBy(sql`1`);
  const [{ volunteers }] = await db
    .select({ volunteers: count() })
    .from(consents)
    .where(and(inForce, eq(consents.volunteerContact, true)));
  return { perOrganisation: new Map(perOrganisation.map((r) => [r.code, r.n])), volunteers };
}

/**
 * The record of processing activities, German, from the configuration: sites, roles and their permissions,
 * household categories, retention rules, recipients from the consent scopes, the technical measures.
 */
export async function buildProcessingRecord(database: Database, config: Config): Promise<ProcessingRecord> {
  const { db } = database;
  const siteRows = await db.select().from(sites).orderBy(asc(sites.sortOrder), asc(sites.code));
  const accounts = await db
    .select({ role: users.role, n: count() })
    .from(users)
    .where(eq(users.active, true))
    .groupBy(users.role);
  const activeByRole = new Map(accounts.map((a) => [a.role, a.n]));
  const mfaRoles = mfaRequiredRoles(config);
  const scopes = await consentScopes(db);
  const organisations = await referenceList(db, 'organisations');
  return {
    ...staticParts,
    generatedAt: new Date().toISOString(),
    softwareVersion: version,
    sites: siteRows.map((s) => ({ code: s.code, label: s.name, openedOn: s.openedOn, closedOn: s.closedOn })),
    householdCategories: (await referenceList(db, 'household-categories')).map(({ code, label }) => ({
      code,
      label,
    })),
    roles: roles.map((role) => ({
      role,
      label: roleLabels[role],
      caseScope: caseRoles.includes(role),
      mfaRequired: mfaRoles.includes(role),
      activeAccounts: activeByRole.get(role) ?? 0,
      permissions: [...rolePermissions[role]],
    })),
    recipients: [
      ...organisations.map((o) => ({ ...o, consentsInForce: scopes.perOrganisation.get(o.code) ?? 0 })),
      {
        code: 'volunteer_contact',
        label: 'Ehrenamtliche (Patenschaft): Name, Telefon und Sprachen der Kontaktperson',
        kind: 'volunteer',
        consentsInForce: scopes.volunteers,
      },
    ],
    retention: (await effectiveRules(db, 'de')).map((r) => ({
      code: r.category,
      label: r.label,
      months: r.months,
      notesMonths: r.notesMonths,
      isDefault: r.isDefault,
    })),
    technicalMeasures: measures(config, database.engine, mfaRoles),
  };
}
