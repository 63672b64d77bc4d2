import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { rowsOf } from './sql.js';

/**
 * Tamper evidence for the audit log. Entries are sealed shortly after they are committed, in batches, by
 * one sealer at a time (an advisory lock): each seal's hash covers the entry's content and the previous
 * seal's hash. Writers therefore never wait on a chain head; an entry whose transaction commits late is
 * simply sealed by the next run. An entry older than `maxUnsealedMinutes` is never sealed: an entry that
 * appears with an old time stamp was inserted afterwards, and the verification names it.
 */

const genesis = '0'.repeat(64);
const sealLock = 74212;

interface EntryRow {
  id: number | string;
  at: Date | string;
  actor_id: string | null;
  actor_username: string | null;
  role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  site_id: string | null;
  request_id: string;
  ip: string | null;
  fields: string[] | string;
}

const entryColumns = sql.raw(
  'e.id, e.at, e.actor_id, e.actor_username, e.role, e.action, e.entity_type, e.entity_id, e.site_id, e.request_id, e.ip, e.fields',
);

/** PGlite and node-postgres return arrays and instants slightly differently: one canonical text for both. */
function canonical(e: EntryRow): string {
  const fields = Array.isArray(e.fields)
    ? e.fields
    : String(e.fields)
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);
  return JSON.stringify([
    Number(e.id),
    new Date(e.at).toISOString(),
    e.actor_id,
    e.actor_username,
    e.role,
    e.action,
    e.entity_type,
    e.entity_id,
    e.site_id,
    e.request_id,
    e.ip,
    fields,
  ]);
}

export function sealHash(previous: string, entry: EntryRow): string {
  return createHash('sha256').update(previous).update('\n').update(canonical(entry)).digest('hex');
}

export interface SealOptions {
  /** entries older than this are left unsealed (they were inserted after the fact) */
  maxUnsealedMinutes?: number;
  batch?: number;
}

/** Seals the committed, not yet sealed entries; returns how many. Safe to call from several processes. */
export async function sealAuditLog(db: Db, options: SealOptions = {}): Promise<number> {
  const maxMinutes = options.maxUnsealedMinutes ?? 60;
  const batch = options.batch ?? 5000;
  return db.transaction(async (tx) => {
    const [{ locked }] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${sealLock}) AS locked`),
    );
    if (!locked) return 0;
    const [head] = rowsOf<{ hash: string }>(
      await tx.execute(sql`SELECT hash FROM audit_seals ORDER BY seq DESC LIMIT 1`),
    );
    const entries = rowsOf<EntryRow>(
      await tx.execute(sql`
        SELECT ${entryColumns} FROM audit_log e
        WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id)
          AND e.at > now() - make_interval(mins => ${maxMinutes})
        ORDER BY e.id LIMIT ${batch}`),
    );
    let previous = head?.hash ?? genesis;
    const seals: { entryId: number; hash: string }[] = [];
    for (const e of entries) {
      previous = sealHash(previous, e);
      seals.push({ entryId: Number(e.id), hash: previous });
    }
    for (let i = 0; i < seals.length; i += 1000) {
      const part = seals.slice(i, i + 1000);
      await tx.execute(
        sql`INSERT INTO audit_seals (entry_id, hash) SELECT * FROM unnest(${sql.param(part.map((s) => s.entryId))}::bigint[], ${sql.param(part.map((s) => s.hash))}::text[])`,
      );
    }
    return seals.length;
  });
}

export type ChainProblem =
  | { kind: 'changed'; entryId: number; seq: number }
  | { kind: 'missing'; entryId: number; seq: number }
  /** an entry and its seal were removed just before this entry */
  | { kind: 'missingBefore'; entryId: number; seq: number }
  | { kind: 'inserted'; entryId: number };

export interface ChainReport {
  ok: boolean;
  sealed: number;
  /** recent entries not sealed yet (normal for the last moments) */
  unsealed: number;
  problem?: ChainProblem;
}

/**
 * Walks the seals in order and recomputes each hash: a changed entry, a missing entry (deleted), a seal
 * removed from the chain, or an old entry without a seal (inserted afterwards) is reported — the first one.
 */
export async function verifyAuditChain(
  db: Db,
  options: { graceMinutes?: number } = {},
): Promise<ChainReport> {
  const grace = options.graceMinutes ?? 60;
  const pageSize = 10_000;
  let previous = genesis;
  let lastSeq = 0;
  let sealed = 0;
  for (;;) {
    const rows = rowsOf<
      EntryRow & { seq: number | string; entry_id: number | string; hash: string; missing: boolean }
    >(
      await db.execute(sql`
        SELECT s.seq, s.entry_id, s.hash, e.id IS NULL AS missing, ${entryColumns}
        FROM audit_seals s LEFT JOIN audit_log e ON e.id = s.entry_id
        WHERE s.seq > ${lastSeq} ORDER BY s.seq LIMIT ${pageSize}`),
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      const entryId = Number(r.entry_id);
      if (r.missing) return { ok: false, sealed, unsealed: 0, problem: { kind: 'missing', entryId, seq } };
      const expected = sealHash(previous, r);
      if (expected !== r.hash) {
        // the entry differs from what was sealed, or the chain was cut (an entry and its seal removed)
        // a gap in the seal numbers right before says a seal (and its entry) was taken out
        const kind = lastSeq > 0 && seq !== lastSeq + 1 ? 'missingBefore' : 'changed';
        return { ok: false, sealed, unsealed: 0, problem: { kind, entryId, seq } };
      }
      previous = r.hash;
      lastSeq = seq;
      sealed++;
    }
    if (rows.length < pageSize) break;
  }
  const unsealedRows = rowsOf<{ id: number | string; old: boolean }>(
    await db.execute(sql`
      SELECT e.id, e.at < now() - make_interval(mins => ${grace}) AS old FROM audit_log e
      WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.entry_id = e.id) ORDER BY e.id`),
  );
  const inserted = unsealedRows.find((r) => r.old);
  if (inserted) {
    return {
      ok: false,
      sealed,
      unsealed: unsealedRows.length,
      problem: { kind: 'inserted', entryId: Number(inserted.id) },
    };
  }
  return { ok: true, sealed, unsealed: unsealedRows.length };
}
