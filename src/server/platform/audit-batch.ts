import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { auditLog } from '../db/schema/index.js';
import type { Db } from './db/client.js';

export type AuditRow = typeof auditLog.$inferInsert;

interface Waiting {
  row: AuditRow;
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  flushing: boolean;
}

/** One queue per database handle (one per process): the app's pool or its PGlite. */
const queues = new WeakMap<Db, Queue>();
const maxBatch = 500;

/**
 * Appends access entries (reads, searches, exports) by group commit: the entries of requests that arrive
 * while an insert is in flight go together in the next multi-row INSERT, one commit for all of them. Each
 * caller's promise resolves only after the commit that holds its entry, so a response that shows personal
 * data is still sent after its audit entry is durable — as with one commit per entry, but without a commit
 * (and a WAL flush) per request. When nothing is in flight an entry is written at once (no added wait).
 * Inside a transaction the entry is written in that transaction, as before.
 */
export async function appendAccessEntry(db: Db, row: AuditRow): Promise<void> {
  if (db instanceof PgTransaction) {
    await db.insert(auditLog).values(row);
    return;
  }
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], flushing: false };
    queues.set(db, queue);
  }
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    q.waiting.push({ row, resolve, reject });
    if (!q.flushing) void flush(db, q);
  });
}

/**
 * The batch as one statement of constant text (the rows as one JSON parameter): Drizzle's insert builder
 * rebuilt a statement per batch size and cost more CPU than the insert itself.
 */
async function insertRows(db: Db, rows: AuditRow[]) {
  const json = JSON.stringify(
    rows.map((r) => ({
      actor_id: r.actorId ?? null,
      actor_username: r.actorUsername ?? null,
      role: r.role ?? null,
      action: r.action,
      entity_type: r.entityType,
      entity_id: r.entityId ?? null,
      site_id: r.siteId ?? null,
      request_id: r.requestId,
      ip: r.ip ?? null,
      fields: r.fields ?? [],
    })),
  );
  await db.execute(sql`INSERT INTO audit_log
      (actor_id, actor_username, role, action, entity_type, entity_id, site_id, request_id, ip, fields)
    SELECT actor_id, actor_username, role, action, entity_type, entity_id, site_id, request_id, ip, fields
    FROM json_populate_recordset(NULL::audit_log, ${json}::json)`);
}

async function flush(db: Db, q: Queue) {
  q.flushing = true;
  try {
    while (q.waiting.length > 0) {
      const batch = q.waiting.splice(0, maxBatch);
      try {
        await insertRows(
          db,
          batch.map((w) => w.row),
        );
        for (const w of batch) w.resolve();
      } catch (e) {
        if (batch.length === 1) batch[0].reject(e);
        // one bad entry must not fail its neighbours: write them one by one
        else await Promise.all(batch.map((w) => insertOne(db, w)));
      }
    }
  } finally {
    q.flushing = false;
  }
}

async function insertOne(db: Db, w: Waiting) {
  try {
    await insertRows(db, [w.row]);
    w.resolve();
  } catch (e) {
    w.reject(e);
  }
}
