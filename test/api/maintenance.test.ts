import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households } from '../../src/server/db/schema/index.js';
import { openPglite } from '../../src/server/platform/db/client.js';
import {
  maintainDatabase,
  msUntilBerlinHour,
  scheduleMaintenance,
} from '../../src/server/platform/db/maintenance.js';
import { rowsOf } from '../../src/server/platform/sql.js';
import { createTestApp } from '../helpers/test-app.js';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('maintainDatabase', () => {
  it('leaves every table of the app with planner statistics (VACUUM and ANALYZE per table)', async () => {
    const before = rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'reference_values'`),
    )[0].n;
    expect(before).toBe(0);
    const r = await maintainDatabase({ db: t.db, engine: t.engine, close: async () => {} });
    expect(r.tables).toBeGreaterThan(50); // the app's tables and the catalogue's, as a database-wide VACUUM
    expect(r.longest?.table).toMatch(/^(VACUUM|ANALYZE) /);
    // ANALYZE ran on the app's tables: reltuples is -1 on a table never analysed
    const unanalysed = rowsOf<{ relname: string }>(
      await t.db.execute(
        sql`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples < 0`,
      ),
    );
    expect(unanalysed).toEqual([]);
    const after = rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'reference_values'`),
    )[0].n;
    expect(after).toBeGreaterThan(0);
    // the app goes on as before
    expect(await t.db.select().from(households)).toEqual([]);
  });
});

describe('the embedded engine', () => {
  it('starts with a bounded write-ahead log (max_wal_size 256 MB instead of 1 GB)', async () => {
    const database = await openPglite();
    try {
      const rows = rowsOf<{ max_wal_size: string; min_wal_size: string; search_path: string }>(
        await database.db.execute(
          sql`SELECT current_setting('max_wal_size') AS max_wal_size, current_setting('min_wal_size') AS min_wal_size,
                     current_setting('search_path') AS search_path`,
        ),
      );
      // PGlite's own start parameters are kept (search_path=public is one of them)
      expect(rows[0]).toEqual({ max_wal_size: '256MB', min_wal_size: '64MB', search_path: 'public' });
    } finally {
      await database.close();
    }
  });
});

describe('the nightly schedule', () => {
  it('counts to the next 03:00 on the Berlin wall clock, summer and winter', () => {
    const hour = 3_600_000;
    expect(msUntilBerlinHour(3, new Date('2026-12-02T01:00:00Z'))).toBe(hour); // 02:00 CET
    expect(msUntilBerlinHour(3, new Date('2026-12-02T02:00:00Z'))).toBe(24 * hour); // 03:00 CET: tomorrow
    expect(msUntilBerlinHour(3, new Date('2026-12-02T02:00:00.250Z'))).toBe(24 * hour - 250);
    expect(msUntilBerlinHour(3, new Date('2026-07-01T00:30:00Z'))).toBe(hour / 2); // 02:30 CEST
    expect(msUntilBerlinHour(3, new Date('2026-07-01T09:00:00Z'))).toBe(16 * hour); // 11:00 CEST
  });

  it('is off on PostgreSQL (autovacuum)', () => {
    const stop = scheduleMaintenance({ db: t.db, engine: 'postgres', close: async () => {} }, () => {});
    expect(typeof stop).toBe('function');
    stop();
  });
});
