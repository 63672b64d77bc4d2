import { createHash } from 'node:crypto';
import { and, count, eq, gte } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import { type ActorContext, auditAccess } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { normalizeName } from './name-key.js';
import type { SearchInput } from './search.js';

/**
 * Protection of the duplicate hint against probing (issue 10, finding of the independent test): another
 * site's persons may only be hinted at for a full query — both names and the full birth date — and
 * at most `crossSiteLimit` such lookups per user in `crossSiteWindowMinutes`. The limit is counted
 * from the audit log, so it holds across processes and restarts. The audit entry carries a hash of
 * the normalised query, never the query.
 */
export const crossSiteLimit = 30;
export const crossSiteWindowMinutes = 10;

/** the name's words, normalised as the name keys are (umlauts, accents, case), of two letters at least */
function words(name: string): string[] {
  return name
    .split(/[\s,]+/)
    .map(normalizeName)
    .filter((w) => w.length >= 2);
}

/** sha256 of the normalised name and birth date: the same person typed alike gives the same hash. */
export function queryHash(input: SearchInput): string {
  const name = words(input.name).sort().join(' ');
  return `sha256:${createHash('sha256')
    .update(`${name}|${input.birthDate ?? input.birthYear ?? ''}`)
    .digest('hex')
    .slice(0, 32)}`;
}

/** Both a first and a last name (two words of two letters at least) and a full birth date. */
export function isFullQuery(input: SearchInput): boolean {
  return words(input.name).length >= 2 && !!input.birthDate;
}

/**
 * Records the cross-site lookup and answers whether it is allowed (false: the limit is reached; the
 * refusal is recorded too, so the DPO sees the probing).
 */
export async function allowCrossSiteLookup(db: Db, ctx: ActorContext, input: SearchInput): Promise<boolean> {
  const since = new Date(Date.now() - crossSiteWindowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'record.crossSiteChecked'),
        eq(auditLog.actorId, ctx.actorId ?? '00000000-0000-0000-0000-000000000000'),
        gte(auditLog.at, since),
      ),
    );
  const allowed = !!ctx.actorId && Number(row?.n ?? 0) < crossSiteLimit;
  await auditAccess(db, ctx, {
    action: 'record.crossSiteChecked',
    entityType: 'person',
    entityId: queryHash(input),
    fields: allowed ? ['name', 'birthDate'] : ['name', 'birthDate', 'limitReached'],
  });
  return allowed;
}
