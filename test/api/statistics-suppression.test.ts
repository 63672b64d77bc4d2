import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactReasons, contacts, households, persons, sites } from '../../src/server/db/schema/index.js';
import { inferBounds, protect, type SumConstraint } from '../../src/server/modules/statistics/suppression.js';
import type { FullReport, WithheldReason } from '../../src/shared/schemas/statistics.js';
import { countsOf, expectedPublished } from '../helpers/statistics-published.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The harness ends the pool and at once drops the database WITH (FORCE); a connection still closing then
 * gets "terminating connection" and the pool, with no error listener, throws it uncaught. Harmless at
 * teardown; the lasting fix is a pool error listener in openPostgres.
 */
function quietPoolAtTeardown(app: TestApp) {
  if (app.engine !== 'postgres') return;
  (app.db as unknown as { $client: { on(event: 'error', listener: () => void): void } }).$client.on(
    'error',
    () => {},
  );
}

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** A table with row totals, column totals and a grand total, as cells and sums. */
function table(grid: number[][]) {
  const values = new Map<string, number>();
  const constraints: SumConstraint[] = [];
  grid.forEach((row, i) => {
    row.forEach((v, j) => {
      values.set(`c${i}.${j}`, v);
    });
    values.set(
      `r${i}`,
      row.reduce((a, b) => a + b, 0),
    );
    constraints.push({ parts: row.map((_, j) => `c${i}.${j}`), total: `r${i}` });
  });
  grid[0].forEach((_, j) => {
    values.set(
      `k${j}`,
      grid.reduce((a, row) => a + row[j], 0),
    );
    constraints.push({ parts: grid.map((_, i) => `c${i}.${j}`), total: `k${j}` });
  });
  values.set(
    'g',
    [...values].filter(([k]) => k.startsWith('r')).reduce((a, [, v]) => a + v, 0),
  );
  constraints.push({ parts: grid.map((_, i) => `r${i}`), total: 'g' });
  constraints.push({ parts: grid[0].map((_, j) => `k${j}`), total: 'g' });
  return { values, constraints };
}

const members = (c: SumConstraint) => [...c.parts, c.total];

/** The brief's rule: a sum whose total is published has no withheld part or at least two. */
function countRuleViolations(constraints: SumConstraint[], withheld: Map<string, WithheldReason>) {
  return constraints.filter(
    (c) => !withheld.has(c.total) && c.parts.filter((p) => withheld.has(p)).length === 1,
  );
}

/** Withheld cells that could have been hidden better: pinned although a sum offered another cell. */
function fixablePins(
  values: Map<string, number>,
  constraints: SumConstraint[],
  withheld: Map<string, WithheldReason>,
  pinned: string[],
) {
  return pinned.filter((id) =>
    constraints
      .filter((c) => members(c).includes(id))
      .some((c) => members(c).some((m) => m !== id && !withheld.has(m) && values.get(m)! > 0)),
  );
}

function pinnedByBounds(
  values: Map<string, number>,
  constraints: SumConstraint[],
  withheld: Map<string, WithheldReason>,
) {
  const bounds = inferBounds(values, withheld, constraints, 3);
  return [...withheld.keys()].filter((id) => bounds.get(id)!.lo === bounds.get(id)!.hi);
}

/**
 * An attacker who tries every value (small 1–2, secondary 3…max) for the withheld cells and keeps the
 * assignments that fit every published sum; a cell is recovered when only one value remains possible.
 */
function pinnedByEnumeration(
  values: Map<string, number>,
  constraints: SumConstraint[],
  withheld: Map<string, WithheldReason>,
  max: number,
): string[] | null {
  const unknown = [...withheld.keys()];
  const domains = unknown.map((id) =>
    withheld.get(id) === 'small' ? [1, 2] : Array.from({ length: max - 2 }, (_, i) => i + 3),
  );
  if (domains.reduce((a, d) => a * d.length, 1) > 300_000) return null;
  const possible = unknown.map(() => new Set<number>());
  const assignment = new Map(values);
  const fits = () =>
    constraints.every((c) => c.parts.reduce((a, p) => a + assignment.get(p)!, 0) === assignment.get(c.total));
  const walk = (k: number) => {
    if (k === unknown.length) {
      if (fits()) {
        unknown.forEach((id, i) => {
          possible[i].add(assignment.get(id)!);
        });
      }
      return;
    }
    for (const v of domains[k]) {
      assignment.set(unknown[k], v);
      walk(k + 1);
    }
  };
  walk(0);
  return unknown.filter((_, i) => possible[i].size === 1);
}

describe('secondary suppression', () => {
  it('withholds 1–2 and the next-smallest cell of the same sum; zero stays zero', () => {
    const { values, constraints } = table([[1, 5, 7, 0]]);
    const withheld = protect(values, constraints);
    expect(withheld.get('c0.0')).toBe('small');
    expect(withheld.get('c0.1')).toBe('secondary');
    expect(withheld.has('c0.3')).toBe(false);
    expect(withheld.has('r0')).toBe(false);
  });

  it('withholds the total too when the marks alone would give the cells away', () => {
    // 3 and 1 with a total of 4: "x" means ≥ 3 and "< 3" at least 1, so only 3 + 1 fits
    const values = new Map([
      ['a', 3],
      ['b', 1],
      ['t', 4],
    ]);
    const withheld = protect(values, [{ parts: ['a', 'b'], total: 't' }]);
    expect([...withheld.keys()].sort()).toEqual(['a', 'b', 't']);
  });

  it('keeps every table it is given safe (random tables, many small counts)', () => {
    const R = rng(7);
    let checked = 0;
    let enumerated = 0;
    for (let n = 0; n < 400; n++) {
      const rows = R.int(1, 4);
      const cols = R.int(1, 4);
      const grid = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (R.next() < 0.3 ? 0 : R.next() < 0.5 ? R.int(1, 2) : R.int(3, 9))),
      );
      const { values, constraints } = table(grid);
      const withheld = protect(values, constraints);
      for (const [id, v] of values) {
        if (v === 0) expect(withheld.has(id)).toBe(false);
        if (v === 1 || v === 2) expect(withheld.get(id)).toBe('small');
      }
      expect(countRuleViolations(constraints, withheld), JSON.stringify(grid)).toEqual([]);
      const pinned = pinnedByBounds(values, constraints, withheld);
      expect(fixablePins(values, constraints, withheld, pinned), JSON.stringify(grid)).toEqual([]);
      const max = Math.max(...values.values());
      const recovered = pinnedByEnumeration(values, constraints, withheld, max);
      if (recovered) {
        enumerated++;
        expect(fixablePins(values, constraints, withheld, recovered), JSON.stringify(grid)).toEqual([]);
      }
      checked++;
    }
    expect(checked).toBe(400);
    expect(enumerated).toBeGreaterThan(200);
  });
});

describe('the board’s report', () => {
  let t: TestApp;
  let central: Client;
  let board: Client;
  beforeAll(async () => {
    t = await createTestApp();
    quietPoolAtTeardown(t);
    central = await t.login('zentrale');
    board = await t.login('beirat');
    // few households and contacts over many sites and months: small counts everywhere
    const R = rng(11);
    const all = await t.db.select().from(sites);
    const hs = await t.db
      .insert(households)
      .values(
        Array.from({ length: 60 }, (_, i) => {
          const site = all[R.int(0, all.length - 1)].id;
          return {
            caseNumber: `S-${i}`,
            siteId: site,
            registeredSiteId: site,
            category: R.next() < 0.8 ? 'refugee' : 'other',
            registeredOn: `2024-0${R.int(1, 6)}-${String(R.int(1, 28)).padStart(2, '0')}`,
            districtCode: ['brackel', 'eving', 'mengede', 'hoerde', null][R.int(0, 4)],
          };
        }),
      )
      .returning();
    await t.db
      .insert(persons)
      .values(
        hs.map((h) => ({ householdId: h.id, firstName: 'A', lastName: 'B', firstKey: 'a', lastKey: 'b' })),
      );
    const cs = await t.db
      .insert(contacts)
      .values(
        Array.from({ length: 150 }, () => {
          const h = hs[R.int(0, hs.length - 1)];
          return {
            householdId: h.id,
            siteId: h.siteId,
            date: `2024-0${R.int(1, 6)}-${String(R.int(1, 28)).padStart(2, '0')}`,
            contactType: ['sprechstunde', 'telefon', 'hausbesuch', 'video'][R.int(0, 3)],
            category: h.category,
          };
        }),
      )
      .returning();
    const areas = ['wohnen', 'gesundheit', 'arbeit-beruf', 'mobilitaet', 'sonstiges'];
    const kinds = ['beratung', 'begleitung', 'betreuung', 'informationsaustausch'];
    await t.db.insert(contactReasons).values(
      cs.flatMap((c) => {
        const a = R.int(0, 4);
        return [
          { contactId: c.id, lifeArea: areas[a], supportKind: kinds[R.int(0, 3)] },
          { contactId: c.id, lifeArea: areas[(a + 1) % 5], supportKind: 'beratung' },
        ];
      }),
    );
  });
  afterAll(() => t.close());

  for (const query of [
    'from=2024-01-01&to=2024-06-30',
    'from=2024-02-10&to=2024-04-20&category=refugee',
    'from=2024-01-01&to=2024-06-30&category=all',
  ]) {
    it(`publishes every count with cell-key noise, never 1 or 2 (${query})`, async () => {
      const exact = (await central.get(`/api/statistics/report?${query}`)).json() as FullReport;
      const res = await board.get(`/api/statistics/report?${query}`);
      expect(res.statusCode).toBe(200);
      const published = res.json() as FullReport;
      expect(published.filters.protected).toBe(true);
      expect(published.protection).toMatchObject({ method: 'cellKey', maxNoise: 2 });
      // the API applies exactly the noise computed from plain SQL's counts and key sums
      expect(published).toEqual(await expectedPublished(t.db, query));

      const truth = countsOf(exact);
      const shown = countsOf(published);
      expect([...shown.keys()]).toEqual([...truth.keys()]);
      let small = 0;
      let changed = 0;
      for (const [at, v] of truth) {
        const p = shown.get(at)!;
        expect(Math.abs(p - v), at).toBeLessThanOrEqual(2);
        expect(p === 1 || p === 2 || p < 0, `${at}: ${p}`).toBe(false);
        if (v === 0) expect(p, at).toBe(0);
        if (v === 1 || v === 2) small++;
        if (p !== v) changed++;
      }
      expect(small).toBeGreaterThan(5);
      expect(changed).toBeGreaterThanOrEqual(small);
      expect(Object.keys(published.sites.total)).not.toContain('suppressed');
    });
  }
});
