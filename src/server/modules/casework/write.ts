import type { AuditEntityType } from '../../../shared/audit-events.js';
import { inScope, type Scope } from '../../platform/access.js';
import { type ActorContext, type AuditTx, auditRead, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { findHouseholdInScope, lockHouseholdInScope } from '../households/repository.js';

/** What a case-work service needs of the request: the database, who acts, which sites they may see. */
export interface CaseRequest {
  db: Db;
  ctx: ActorContext;
  scope: Scope;
}

export type LockedHousehold = Awaited<ReturnType<typeof lockHouseholdInScope>>;

/**
 * The write pipeline of every household sub-record: one transaction that first finds and locks the
 * household in the actor's scope (another site's household is a 404), then runs `fn` with a
 * transaction `audit()` accepts. Checks that read (codes, members, consent) belong inside `fn` too.
 */
export function caseWrite<T>(
  req: CaseRequest,
  householdId: string,
  fn: (tx: AuditTx, household: LockedHousehold) => Promise<T>,
): Promise<T> {
  return writeTransaction(req.db, async (tx) =>
    fn(tx, await lockHouseholdInScope(tx, req.scope, householdId)),
  );
}

/** Where a record addressed by its own id lives: its site, and its household if it has one. */
export interface RecordPlace {
  siteId: string;
  householdId: string | null;
}

/**
 * The write pipeline of a record addressed by its own id (appointment, follow-up). `unsafeLocate`
 * reads the record's place without scope; the pipeline answers 404 unless that site is in scope, then
 * locks the household (in scope, else 404) before `fn` locks the record: the lock order of a transfer.
 */
export function siteRecordWrite<T>(
  req: CaseRequest,
  unsafeLocate: (tx: Db) => Promise<RecordPlace | undefined>,
  fn: (tx: AuditTx, place: RecordPlace, household: LockedHousehold | null) => Promise<T>,
): Promise<T> {
  return writeTransaction(req.db, async (tx) => {
    const place = await unsafeLocate(tx);
    if (!place || !inScope(req.scope, place.siteId)) throw new AppError('NOT_FOUND');
    const household = place.householdId ? await lockHouseholdInScope(tx, req.scope, place.householdId) : null;
    return fn(tx, place, household);
  });
}

/**
 * The read pipeline of a household's sub-records: the household in scope (else 404), the rows, and
 * one audit entry that the records were read (who, which household, when).
 */
export async function caseRead<T>(
  req: CaseRequest,
  householdId: string,
  entityType: AuditEntityType,
  fn: (household: LockedHousehold) => Promise<T>,
): Promise<T> {
  const household = await findHouseholdInScope(req.db, req.scope, householdId, 'read');
  const result = await fn(household);
  await auditRead(req.db, req.ctx, entityType, householdId, household.siteId);
  return result;
}
