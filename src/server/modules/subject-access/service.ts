import { eq } from 'drizzle-orm';
import { caseRoles, type Role } from '../../../shared/permissions.js';
import type { AccessReport, PersonExport } from '../../../shared/schemas/export.js';
import { households, persons, users } from '../../db/schema/index.js';
import { type ActorContext, auditAccess } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { collectExport } from './collect.js';
import { accessEntries, householdRecordIds } from './records.js';

/** Who asks: a site lead (their sites only) or the DPO (every site, no case scope otherwise). */
export interface AccessViewer {
  db: Db;
  ctx: ActorContext;
  userId: string;
  role: Role;
  siteIds: string[];
}

/**
 * Another site's record is a 404. The holders of `person.export` with case scope (site lead) see their own
 * sites; those without (the DPO) every site, for this export and report only: it is their legal task.
 */
export function mayRead(viewer: AccessViewer, siteId: string) {
  return caseRoles.includes(viewer.role) ? viewer.siteIds.includes(siteId) : true;
}

// unsafe by id: mayRead() decides before anything is returned
async function householdFor(viewer: AccessViewer, id: string) {
  const [row] = await viewer.db.select().from(households).where(eq(households.id, id));
  if (!row || !mayRead(viewer, row.siteId)) throw new AppError('NOT_FOUND');
  return row;
}

/** Art. 15/20: everything about the person (and their household as contact person); the export is audited. */
export async function exportPerson(
  viewer: AccessViewer,
  personId: string,
  format: 'json' | 'pdf',
): Promise<PersonExport> {
  const [person] = await viewer.db.select().from(persons).where(eq(persons.id, personId));
  if (!person) throw new AppError('NOT_FOUND');
  const household = await householdFor(viewer, person.householdId);
  const [me] = await viewer.db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, viewer.userId));
  const data = await collectExport(viewer.db, person, household, me?.name ?? '');
  await auditAccess(viewer.db, viewer.ctx, {
    action: 'person.exported',
    entityType: 'person',
    entityId: personId,
    siteId: household.siteId,
    fields: [format],
  });
  return data;
}

/** Who opened or changed which record of the household when, newest first; reading it is audited. */
export async function householdAccessReport(
  viewer: AccessViewer,
  householdId: string,
  page: number,
  pageSize: number,
): Promise<AccessReport> {
  const household = await householdFor(viewer, householdId);
  const { items, total } = await accessEntries(
    viewer.db,
    await householdRecordIds(viewer.db, householdId),
    page,
    pageSize,
  );
  await auditAccess(viewer.db, viewer.ctx, {
    action: 'household.accessReportViewed',
    entityType: 'household',
    entityId: householdId,
    siteId: household.siteId,
  });
  return { householdId, caseNumber: household.caseNumber, items, total, page, pageSize };
}
