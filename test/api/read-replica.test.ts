import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema/index.js';
import { type Database, openPostgres } from '../../src/server/platform/db/client.js';
import { attachReadReplica } from '../../src/server/platform/db/replica.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * DATABASE_READ_URL: the statistics figures are read from the replica, the audit entry of the view is
 * written to the primary. A stand-in replica (a second database with rollup rows the primary lacks)
 * shows which database answered. PostgreSQL only.
 */
const url = process.env.DATABASE_URL;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)('statistics on a read replica', () => {
  const name = `quartier_replica_${randomBytes(5).toString('hex')}`;
  let t: TestApp;
  let replica: Database;
  let detach: () => Promise<void>;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await admin(`CREATE DATABASE ${name}`);
    const target = new URL(url as string);
    target.pathname = `/${name}`;
    replica = await openPostgres(target.toString());
    const [site] = (
      (await t.db.execute(sql`SELECT id FROM sites ORDER BY sort_order LIMIT 1`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    siteId = site.id;
    // figures only the replica has: 1,000 contacts in March 2024 at the first site
    await replica.db.execute(sql`INSERT INTO stat_contacts_day (site_id, day, category, contact_type, contacts)
      VALUES (${siteId}, '2024-03-15', 'refugee', 'sprechstunde', 1000)`);
    await replica.db.execute(sql`INSERT INTO stat_contacts_month (site_id, month, category, contact_type, contacts)
      VALUES (${siteId}, '2024-03-01', 'refugee', 'sprechstunde', 1000)`);
    const attached = attachReadReplica(
      { db: t.db, engine: 'postgres', close: async () => {} },
      target.toString(),
    );
    detach = attached.close;
  }, 400_000);

  afterAll(async () => {
    await detach?.();
    await replica?.close();
    await t?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('reads the figures from the replica and audits the view on the primary', async () => {
    const central = await t.login('zentrale');
    const before = await t.db.$count(auditLog);
    const res = await central.get(`/api/statistics/sites?from=2024-03-01&to=2024-03-31&siteIds=${siteId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total.contacts).toBe(1000);
    // the primary has no contacts at all: the figure can only have come from the replica
    const [{ n }] = (
      (await t.db.execute(sql`SELECT count(*)::int AS n FROM contacts`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(n).toBe(0);
    expect(await t.db.$count(auditLog)).toBeGreaterThan(before);
  });
});
