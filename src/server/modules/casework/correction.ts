import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditAction } from '../../../shared/audit-events.js';
import { can } from '../../../shared/permissions.js';
import { recordCorrections } from '../../db/schema/index.js';
import type { AuditTx } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { auditCase } from './record.js';
import { type CaseRequest, caseWrite, type LockedHousehold } from './write.js';

/**
 * Corrections (Art. 16) and deletions with a reason (Art. 17) of a household's case records. One rule for
 * every kind: the author may within `QUARTIER_CORRECTION_DAYS` of creating the record, whoever holds
 * `household.correct` (the site lead) always; each one leaves a row in `record_corrections` (field names,
 * the deletion's reason) and an audit entry with the names of the fields, never their values.
 */

/** A case request that knows how long an author may correct their own records. */
export interface CorrectionRequest extends CaseRequest {
  correctionDays: number;
}

export type CorrectableEntity = 'contact' | 'need' | 'referral' | 'appointment' | 'consent' | 'person';

/** Who wrote a record, and when. */
export interface Authorship {
  authorId: string | null;
  createdAt: Date;
}

const dayMs = 24 * 60 * 60 * 1000;

/** 403 NOT_AUTHOR for anyone but the author, 403 CORRECTION_WINDOW_CLOSED after the author's window. */
export function assertMayCorrect(req: CorrectionRequest, record: Authorship) {
  if (req.ctx.role && can(req.ctx.role, 'household.correct')) return;
  if (!record.authorId || record.authorId !== req.scope.userId) throw new AppError('NOT_AUTHOR');
  if (Date.now() > record.createdAt.getTime() + req.correctionDays * dayMs) {
    throw new AppError('CORRECTION_WINDOW_CLOSED');
  }
}

type HouseholdTable = PgTable & { id: PgColumn; householdId: PgColumn };
type Row<T extends HouseholdTable> = T['$inferSelect'];

/** How the pipelines find a kind of record and its author. */
export interface CorrectionSpec<T extends HouseholdTable> {
  entity: CorrectableEntity;
  table: T;
  author(row: Row<T>, household: LockedHousehold): Authorship;
}

/** One record of the household, locked for the transaction; another household's (or none) is a 404. */
async function lockRecord<T extends HouseholdTable>(tx: Db, table: T, householdId: string, id: string) {
  const [row] = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.householdId, householdId)))
    .for('update')) as Row<T>[];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function keepCorrection(
  tx: AuditTx,
  req: CorrectionRequest,
  household: LockedHousehold,
  entry: { entity: CorrectableEntity; id: string; action: 'corrected' | 'deleted'; fields: string[] },
  reason: string | null,
) {
  await tx.insert(recordCorrections).values({
    entityType: entry.entity,
    entityId: entry.id,
    householdId: household.id,
    siteId: household.siteId,
    action: entry.action,
    reason,
    fields: entry.fields,
    actorId: req.scope.userId,
  });
  const action = `${entry.entity}.${entry.action}` as AuditAction;
  await auditCase(tx, req, action, entry.entity, entry.id, household.siteId, entry.fields);
}

/**
 * The correction pipeline: household (in scope, not restricted) and record locked, the author rule
 * checked, then `apply` writes the change; `fields` are the names of the fields the body changes.
 */
export function correctRecord<T extends HouseholdTable, R>(
  req: CorrectionRequest,
  householdId: string,
  id: string,
  spec: CorrectionSpec<T>,
  fields: string[],
  apply: (tx: AuditTx, row: Row<T>, household: LockedHousehold) => Promise<R>,
): Promise<R> {
  return caseWrite(req, householdId, async (tx, household) => {
    const row = await lockRecord(tx, spec.table, householdId, id);
    assertMayCorrect(req, spec.author(row, household));
    const result = await apply(tx, row, household);
    await keepCorrection(tx, req, household, { entity: spec.entity, id, action: 'corrected', fields }, null);
    return result;
  });
}

/**
 * The deletion pipeline: the same checks, then `prepare` (refusals, references to clear), then the row
 * goes; the reason stays in `record_corrections` (cleared when the household is anonymised).
 */
export function removeRecord<T extends HouseholdTable>(
  req: CorrectionRequest,
  householdId: string,
  id: string,
  spec: CorrectionSpec<T>,
  reason: string,
  prepare?: (tx: AuditTx, row: Row<T>, household: LockedHousehold) => Promise<void>,
): Promise<void> {
  return caseWrite(req, householdId, async (tx, household) => {
    const row = await lockRecord(tx, spec.table, householdId, id);
    assertMayCorrect(req, spec.author(row, household));
    if (prepare) await prepare(tx, row, household);
    await tx.delete(spec.table as PgTable).where(eq(spec.table.id, id));
    const entry = { entity: spec.entity, id, action: 'deleted' as const, fields: ['reason'] };
    await keepCorrection(tx, req, household, entry, reason);
  });
}

/** The spec of a record whose `createdBy` column names its author. */
export function authoredBy<T extends HouseholdTable & { createdBy: PgColumn; createdAt: PgColumn }>(
  entity: CorrectableEntity,
  table: T,
): CorrectionSpec<T> {
  return {
    entity,
    table,
    author: (row) => {
      const r = row as { createdBy: string | null; createdAt: Date };
      return { authorId: r.createdBy, createdAt: r.createdAt };
    },
  };
}
