import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditLog, verifyAuditChain } from '../../src/server/platform/audit-chain.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  // some audited activity: logins, a read of the sites, a failed login
  await t.login('fachkraft.ba');
  const lead = await t.login('leitung.ba');
  await lead.get('/api/sites');
  await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
});
afterAll(() => t.close());

/** The trigger refuses changes to the log; a tamperer with database rights switches it off first. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
  try {
    await t.db.execute(statement);
  } finally {
    await t.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
  }
}

async function entryIds(): Promise<number[]> {
  const res = await t.db.execute(sql`SELECT id FROM audit_log ORDER BY id`);
  const rows = ((res as { rows?: { id: number }[] }).rows ?? res) as { id: number | string }[];
  return rows.map((r) => Number(r.id));
}

describe('tamper-evident audit log', () => {
  it('seals every committed entry once and verifies the chain', async () => {
    const n = await sealAuditLog(t.db);
    expect(n).toBe((await entryIds()).length);
    expect(n).toBeGreaterThanOrEqual(4);
    expect(await sealAuditLog(t.db)).toBe(0);
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, sealed: n, unsealed: 0 });
  });

  it('seals later entries onto the same chain', async () => {
    const lead = await t.login('leitung.ba');
    await lead.get('/api/sites');
    expect(await sealAuditLog(t.db)).toBeGreaterThan(0);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('names a changed entry', async () => {
    const ids = await entryIds();
    const victim = ids[2];
    await tamper(sql`UPDATE audit_log SET actor_username = 'jemand' WHERE id = ${victim}`);
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ kind: 'changed', entryId: victim });
  });

  it('names a deleted entry (before the changed one, so it is the first problem)', async () => {
    const victim = (await entryIds())[1];
    await tamper(sql`DELETE FROM audit_log WHERE id = ${victim}`);
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ kind: 'missing', entryId: victim });
  });
});

describe('an entry inserted afterwards', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp();
    await fresh.login('fachkraft.ba');
    await sealAuditLog(fresh.db);
  });
  afterAll(() => fresh.close());

  it('is not sealed when it claims an old time, and verification names it', async () => {
    await fresh.db.execute(
      sql`INSERT INTO audit_log (at, action, entity_type, request_id, actor_username) VALUES (now() - interval '3 days', 'record.read', 'household', 'forged', 'jemand')`,
    );
    expect(await sealAuditLog(fresh.db)).toBe(0);
    const report = await verifyAuditChain(fresh.db);
    expect(report.ok).toBe(false);
    expect(report.problem?.kind).toBe('inserted');
    const res = await fresh.db.execute(sql`SELECT id FROM audit_log WHERE request_id = 'forged'`);
    const rows = ((res as { rows?: { id: number }[] }).rows ?? res) as { id: number | string }[];
    expect(report.problem?.entryId).toBe(Number(rows[0].id));
  });
});
