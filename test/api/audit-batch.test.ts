import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client;

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
}, 300_000);
afterAll(() => t.close());

async function entriesOf(requestId: string) {
  const result = await t.db.execute(
    sql`SELECT count(*)::int AS n FROM audit_log WHERE request_id = ${requestId} AND action = 'record.searched'`,
  );
  const rows = ((result as { rows?: { n: number }[] }).rows ?? result) as { n: number }[];
  return Number(rows[0].n);
}

describe('access audit under concurrency', () => {
  it('writes one entry per read, committed before its response, also when reads arrive together', async () => {
    const seen = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fk.get(`/api/households?page=${(i % 3) + 1}&pageSize=10`).then(async (res) => {
          expect(res.statusCode).toBe(200);
          const requestId = String(res.headers['x-request-id']);
          // looked up as soon as this response is there: the entry is committed already
          return { requestId, entries: await entriesOf(requestId) };
        }),
      ),
    );
    expect(new Set(seen.map((s) => s.requestId)).size).toBe(30);
    for (const s of seen) expect(s.entries, s.requestId).toBe(1);
  });

  it('a read whose entry cannot be written is not answered', async () => {
    await t.db.execute(sql`CREATE FUNCTION test_refuse_search() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit refused by test'; END; $$ LANGUAGE plpgsql`);
    await t.db.execute(sql`CREATE TRIGGER test_refuse_search BEFORE INSERT ON audit_log FOR EACH ROW
      WHEN (NEW.action = 'record.searched' AND NEW.fields = '{status}') EXECUTE FUNCTION test_refuse_search()`);
    try {
      const [refused, ...others] = await Promise.all([
        fk.get('/api/households?status=active'),
        ...Array.from({ length: 5 }, () => fk.get('/api/households')),
      ]);
      expect(refused.statusCode).toBe(500);
      expect(refused.body).not.toContain('items');
      // its neighbours in the same batch are written one by one and answered
      for (const res of others) {
        expect(res.statusCode).toBe(200);
        expect(await entriesOf(String(res.headers['x-request-id']))).toBe(1);
      }
    } finally {
      await t.db.execute(sql`DROP TRIGGER test_refuse_search ON audit_log`);
      await t.db.execute(sql`DROP FUNCTION test_refuse_search()`);
    }
  });
});
