import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, households, persons } from '../../src/server/db/schema/index.js';
import { pTableV1 } from '../../src/server/modules/statistics/cell-key.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/*
 * The independent test's four differencing routes (issue 10 §6), run by an attacker with the board's
 * role on data with known small differences, period P = 2024-03-01 … 2024-05-31, sites BA and MH:
 * - BA (through the API): 7 refugee households in March/April with one contact each; one household of
 *   the category "other" (2 members, 1 contact) on 2024-04-10; one refugee household registered on the
 *   period's last day 2024-05-31 (1 member) with two contacts that day;
 * - MH (inserted directly: no caseworker account there): 2 refugee households, 3 members, 1 contact.
 * Every route's exact difference is 1 or 2. The attacker knows the published method and its p-table
 * (only the secret is unknown) and works out which exact differences the published figures allow.
 */
const P = 'from=2024-03-01&to=2024-05-31';

let t: TestApp;
let fk: Client;
let central: Client;
let board: Client;
let ba: string;
let mh: string;

async function household(registeredOn: string, category: string, members: number, contactDates: string[]) {
  const res = await fk.post('/api/households', {
    siteId: ba,
    category,
    registeredOn,
    ...(category === 'refugee' ? { districtCode: 'brackel' } : {}),
    members: Array.from({ length: members }, (_, i) => ({
      firstName: `Person${i}`,
      lastName: `Differenz${registeredOn}`,
      roleInHousehold: i === 0 ? 'head' : 'other',
    })),
  });
  expect(res.statusCode, res.body).toBe(201);
  for (const date of contactDates) {
    const c = await fk.post(`/api/households/${res.json().id}/contacts`, {
      date,
      contactType: 'sprechstunde',
      reasons: [{ lifeArea: category === 'refugee' ? 'wohnen' : 'lebensunterhalt', supportKind: 'beratung' }],
    });
    expect(c.statusCode, c.body).toBe(201);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  central = await t.login('zentrale');
  board = await t.login('beirat');
  const sites = (await central.get('/api/sites')).json() as { id: string; code: string }[];
  ba = sites.find((s) => s.code === 'BA')!.id;
  mh = sites.find((s) => s.code === 'MH')!.id;
  for (let i = 0; i < 7; i++) {
    const day = `2024-0${3 + (i % 2)}-${String(5 + i * 3).padStart(2, '0')}`;
    await household(day, 'refugee', 1 + (i % 3), [day]);
  }
  await household('2024-04-10', 'other', 2, ['2024-04-10']);
  await household('2024-05-31', 'refugee', 1, ['2024-05-31', '2024-05-31']);
  await t.db.transaction(async (tx) => {
    const rows = await tx
      .insert(households)
      .values(
        ['2024-03-12', '2024-04-22'].map((registeredOn, i) => ({
          caseNumber: `MH-2024-97${i}`,
          siteId: mh,
          registeredSiteId: mh,
          category: 'refugee',
          registeredOn,
          districtCode: 'mengede',
        })),
      )
      .returning();
    await tx.insert(persons).values(
      [rows[0], rows[0], rows[1]].map((h) => ({
        householdId: h.id,
        firstName: 'A',
        lastName: 'B',
        firstKey: 'a',
        lastKey: 'b',
      })),
    );
    await tx.insert(contacts).values({
      householdId: rows[0].id,
      siteId: mh,
      date: '2024-04-02',
      contactType: 'telefon',
      category: 'refugee',
    });
  });
}, 120_000);
afterAll(() => t.close());

/** Exact values that the p-table can publish as `p`. */
function preimages(p: number): number[] {
  const out: number[] = [];
  for (let v = 0; v <= p + 2; v++)
    if (pTableV1[Math.min(v, 5)].some(([noise, prob]) => prob > 0 && v + noise === p)) out.push(v);
  return out;
}

/** Every exact difference a − b that two published figures allow (a ≥ b: the first set holds the second). */
function possibleDifferences(pa: number, pb: number): number[] {
  const out = new Set<number>();
  for (const a of preimages(pa)) for (const b of preimages(pb)) if (a >= b) out.add(a - b);
  return [...out].sort((x, y) => x - y);
}

/**
 * How many exact differences stay possible whatever the noise drew, worked out over the p-table for
 * every pair of exact counts: a true difference of 1 leaves at least 2 (the worst draw, −2 on the larger
 * set and +2 on the smaller, leaves 0 or 1), of 2 at least 3, of 3 or more at least 4. A difference of 0
 * may be pinned: there is nobody to reveal.
 */
function minPossible(truth: number): number {
  return Math.min(truth, 3) + 1;
}

type Totals = { households: number; persons: number; contacts: number };
type Figures = Record<string, number>;

/** One differencing route: the same measures from two answers, for the exact and the published figures. */
interface Route {
  name: string;
  /** the two answers' figures by measure, as the given client gets them */
  pair(c: Client): Promise<[Figures, Figures]>;
}

const get = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const totals = (body: { total: Totals }): Figures => ({ ...body.total });

const routes: Route[] = [
  {
    name: 'sites table (all categories) minus charts (refugees) in one report',
    async pair(c) {
      const r = await get(c, `/api/statistics/report?${P}&siteIds=${ba},${mh}`);
      return [
        { households: r.sites.total.households, contacts: r.sites.total.contacts },
        { households: r.householdsPerDistrict.total.count, contacts: r.contactTypes.total.count },
      ];
    },
  },
  {
    name: 'period to vs to + 1 day',
    async pair(c) {
      const wide = await get(c, `/api/statistics/sites?${P}&siteIds=${ba},${mh}`);
      const narrow = await get(c, `/api/statistics/sites?from=2024-03-01&to=2024-05-30&siteIds=${ba},${mh}`);
      return [totals(wide), totals(narrow)];
    },
  },
  {
    name: 'all sites vs all but one',
    async pair(c) {
      const both = await get(c, `/api/statistics/sites?${P}&siteIds=${ba},${mh}`);
      const one = await get(c, `/api/statistics/sites?${P}&siteIds=${ba}`);
      return [totals(both), totals(one)];
    },
  },
  {
    name: 'category=all vs category=refugee',
    async pair(c) {
      const all = await get(c, `/api/statistics/sites?${P}&siteIds=${ba},${mh}&category=all`);
      const refugee = await get(c, `/api/statistics/sites?${P}&siteIds=${ba},${mh}&category=refugee`);
      return [totals(all), totals(refugee)];
    },
  },
];

describe('an attacker with the board’s role', () => {
  for (const route of routes) {
    it(`finds no exact small count by differencing: ${route.name}`, async () => {
      const [exactA, exactB] = await route.pair(central);
      const [shownA, shownB] = await route.pair(board);
      let small = 0;
      for (const m of Object.keys(exactA)) {
        const truth = exactA[m] - exactB[m];
        if (truth === 1 || truth === 2) small++;
        // every published figure keeps the published promise: within ±2, never 1 or 2, 0 stays 0
        for (const [p, e] of [
          [shownA[m], exactA[m]],
          [shownB[m], exactB[m]],
        ]) {
          expect(Math.abs(p - e), m).toBeLessThanOrEqual(2);
          expect([1, 2]).not.toContain(p);
          if (e === 0) expect(p).toBe(0);
        }
        // the attacker cannot pin the difference: several exact values fit, the true one among them
        // (as many as the p-table guarantees: ≥ 3 here once failed on a difference of 1 that left 0,1)
        const possible = possibleDifferences(shownA[m], shownB[m]);
        expect(possible, `${m}: ${shownA[m]} − ${shownB[m]}`).toContain(truth);
        expect(possible.length, `${m}: ${possible.join(',')}`).toBeGreaterThanOrEqual(minPossible(truth));
      }
      // the data make this route's difference small (1 or 2) for at least one measure
      expect(small).toBeGreaterThan(0);
      // asking again gives nothing new
      expect(await route.pair(board)).toEqual([shownA, shownB]);
    });
  }

  it('sees the small cells themselves only as 0 or 3, and the same in every answer', async () => {
    const q = `/api/statistics/sites?${P}&siteIds=${ba},${mh}`;
    const exact = await get(central, q);
    const shown = await get(board, q);
    expect(shown.protection).toMatchObject({ method: 'cellKey', maxNoise: 2, smallValues: 'never 1 or 2' });
    const mhExact = exact.rows.find((r: { siteId: string }) => r.siteId === mh);
    const mhShown = shown.rows.find((r: { siteId: string }) => r.siteId === mh);
    expect(mhExact).toMatchObject({ households: 2, persons: 3, contacts: 1 });
    expect([0, 3]).toContain(mhShown.households);
    expect([0, 3]).toContain(mhShown.contacts);
    // the same records give the same figure wherever they are shown: MH's row is its own total
    const alone = await get(board, `/api/statistics/sites?${P}&siteIds=${mh}`);
    expect(alone.total).toEqual({
      households: mhShown.households,
      persons: mhShown.persons,
      contacts: mhShown.contacts,
    });
    // and the full report shows the sites table of the part
    const report = await get(board, `/api/statistics/report?${P}&siteIds=${ba},${mh}`);
    expect(report.sites).toEqual({ rows: shown.rows, total: shown.total });
  });

  it('sweeps the period’s end day by day without an exact small count', async () => {
    let previous: Figures | null = null;
    let previousExact: Figures | null = null;
    for (let day = 25; day <= 31; day++) {
      const q = `/api/statistics/sites?from=2024-03-01&to=2024-05-${day}&siteIds=${ba},${mh}`;
      const shown = totals(await get(board, q));
      const exact = totals(await get(central, q));
      if (previous && previousExact)
        for (const m of Object.keys(shown)) {
          const possible = possibleDifferences(shown[m], previous[m]);
          expect(possible).toContain(exact[m] - previousExact[m]);
          expect(possible.length).toBeGreaterThanOrEqual(minPossible(exact[m] - previousExact[m]));
        }
      previous = shown;
      previousExact = exact;
    }
  });
});

describe('roles with exact figures', () => {
  it('see the exact counts and the method none', async () => {
    const body = await get(central, `/api/statistics/sites?${P}&siteIds=${ba},${mh}`);
    expect(body.protection).toEqual({ method: 'none' });
    expect(body.total).toEqual({ households: 11, persons: 19, contacts: 11 });
  });
});

describe('the network tables', () => {
  it('name their protection too: suppression for the board, none for exact roles', async () => {
    const q = `/api/statistics/network?${P}&siteIds=${ba},${mh}`;
    expect((await get(board, q)).protection).toEqual({
      method: 'suppression',
      threshold: 3,
      secondary: true,
    });
    expect((await get(central, q)).protection).toEqual({ method: 'none' });
  });
});
