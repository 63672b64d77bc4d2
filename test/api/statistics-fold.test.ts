import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/platform/sql.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The API's own fold (migration 0026, modules/statistics/fold.ts): contacts logged through the API are
 * counted at once, while their deltas wait; the process's timer folds them into the rollups on its own, and
 * the report reads the same figures before and after.
 */
let t: TestApp;
let fk: Client;
let central: Client;

beforeAll(async () => {
  t = await createTestApp({ env: { QUARTIER_STAT_FOLD_MS: '200' } });
  fk = await t.login('fachkraft.ba');
  central = await t.login('zentrale');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const deltaRows = async () =>
  Number(
    rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT (SELECT count(*) FROM stat_contacts_delta)
        + (SELECT count(*) FROM stat_reasons_delta) + (SELECT count(*) FROM stat_households_delta) AS n`),
    )[0].n,
  );

async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe('the statistics fold of the API process', () => {
  it('moves the deltas of new contacts into the rollups, and the report counts them before and after', async () => {
    const sites = (await central.get('/api/sites')).json() as { id: string; code: string }[];
    const ba = sites.find((s) => s.code === 'BA')?.id as string;
    const query = `from=2025-05-01&to=2025-05-31&siteIds=${ba}&category=all`;
    const total = async () =>
      (await central.get(`/api/statistics/sites?${query}`)).json().total.contacts as number;
    expect(await until(async () => (await deltaRows()) === 0, 5_000)).toBe(true);
    const before = await total();

    const log = async () => {
      for (let i = 0; i < 6; i++) {
        const res = await fk.post('/api/contacts/anonymous', {
          date: `2025-05-${String(10 + i).padStart(2, '0')}`,
          contactType: 'telefon',
          reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
        });
        expect(res.statusCode, res.body).toBe(201);
      }
    };
    if (t.engine === 'postgres') {
      // every fold paused (the lock a fold takes, held on another connection) while the contacts are
      // written: their deltas stay, and the report counts them already
      const held = await t.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(74214)`);
        await log();
        const n = await deltaRows();
        expect(await total()).toBe(before + 6);
        return n;
      });
      expect(held).toBeGreaterThan(0);
    } else {
      // PGlite has one connection, which a held lock would take from the API; the deltas waiting for a fold
      // are tested with the timer off in statistics-rollups.test.ts
      await log();
    }
    expect(await total()).toBe(before + 6);
    // released: the timer folds them within a few turns, and the figure stays
    expect(await until(async () => (await deltaRows()) === 0, 5_000)).toBe(true);
    expect(await total()).toBe(before + 6);
  });
});
