import type { Scope } from '../../platform/access.js';
import { type ActorContext, type AuditTx, writeTransaction } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { lockHouseholdInScope } from '../households/repository.js';

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
