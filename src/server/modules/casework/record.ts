import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditAction, AuditEntityType } from '../../../shared/audit-events.js';
import { type AuditTx, audit, changedFields } from '../../platform/audit.js';
import { sameColumns } from '../../platform/present.js';
import { type CaseRequest, caseRead, type LockedHousehold } from './write.js';

/** The entities that are created as sub-records of a household (each has `<entity>.created`). */
export type CaseEntity = Extract<
  AuditEntityType,
  'need' | 'referral' | 'followup' | 'appointment' | 'consent' | 'caseplan'
>;

type CaseTable = PgTable & { id: PgColumn; householdId: PgColumn; createdBy: PgColumn };

/** What every case record answers with: its id, its household, who recorded it and when. */
export function caseRecordFields(row: {
  id: string;
  householdId: string;
  createdBy: string | null;
  createdAt: Date;
}) {
  return { ...sameColumns(row, ['id', 'householdId', 'createdBy']), createdAt: row.createdAt.toISOString() };
}

/**
 * Inserts one sub-record of the locked household (its id and the creating user filled in) and audits
 * `<entity>.created` with the names of the body's fields, in the write's transaction.
 */
export async function insertCaseRecord<T extends CaseTable>(
  tx: AuditTx,
  req: CaseRequest,
  household: LockedHousehold,
  table: T,
  entity: CaseEntity,
  values: Omit<T['$inferInsert'], 'householdId' | 'createdBy'>,
  body: object,
): Promise<T['$inferSelect']> {
  const [row] = (await tx
    .insert(table)
    .values({ ...values, householdId: household.id, createdBy: req.scope.userId } as T['$inferInsert'])
    .returning()) as T['$inferSelect'][];
  await auditCase(
    tx,
    req,
    `${entity}.created`,
    entity,
    (row as { id: string }).id,
    household.siteId,
    changedFields(body),
  );
  return row;
}

/** One audit entry of a case record (its site's audit view shows it). */
export function auditCase(
  tx: AuditTx,
  req: CaseRequest,
  action: AuditAction,
  entityType: AuditEntityType,
  entityId: string,
  siteId: string,
  fields: string[],
) {
  return audit(tx, req.ctx, { action, entityType, entityId, siteId, fields });
}

/**
 * The list service of a sub-record table: the household's rows in the given order, presented; the
 * read is audited. `export const listNeeds = caseList('need', needsAssessments, [desc(…)], presentNeed)`.
 */
export function caseList<T extends CaseTable, P>(
  entity: CaseEntity | 'transfer',
  table: T,
  orderBy: SQL[],
  present: (row: T['$inferSelect']) => P,
) {
  return (req: CaseRequest, householdId: string): Promise<P[]> =>
    caseRead(req, householdId, entity, async () => {
      const rows = await req.db
        .select()
        .from(table as PgTable)
        .where(eq(table.householdId, householdId))
        .orderBy(...orderBy);
      return (rows as T['$inferSelect'][]).map(present);
    });
}
