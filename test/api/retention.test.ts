import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/server/demo/index.js';
import { sealAuditLog, verifyAuditChain } from '../../src/server/platform/audit-chain.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Client;
let dpo: Client;
let lead: Client;
let worker: Client;
let central: Client;
let board: Client;
let sites: { id: string; code: string }[];

const rows = async <T>(q: ReturnType<typeof sql>) => {
  const r = (await t.db.execute(q)) as unknown as { rows?: T[] };
  return (r.rows ?? (r as unknown as T[])) as T[];
};
const siteId = (code: string) => sites.find((s) => s.code === code)!.id;

beforeAll(async () => {
  t = await createTestApp();
  if (t.engine === 'postgres')
    (t.db as unknown as { $client: { on(e: 'error', l: () => void): void } }).$client.on('error', () => {});
  [admin, dpo, lead, worker, central, board] = await Promise.all(
    ['admin', 'dsb', 'leitung.ba', 'fachkraft.ba', 'zentrale', 'beirat'].map((u) => t.login(u)),
  );
  sites = (await central.get('/api/sites')).json();
  // demo households up to mid 2024: the closed and inactive ones are long past their retention today
  await generateDemoData(t.db, { scale: 0.15, today: '2024-06-30' });
}, 300_000);
afterAll(() => t?.close());

/** Report answers that must not change: periods × site sets × categories, exact and protected. */
function reportQueries(): string[] {
  const sets = [[], ['BA'], ['BA', 'MH'], ['HH', 'ES', 'LD']].map((codes) => codes.map(siteId).join(','));
  const periods = ['', 'from=2019-01-01&to=2019-12-31', 'from=2021-03-15&to=2022-02-10', 'to=2024-06-30'];
  const out: string[] = [];
  for (const period of periods)
    for (const set of sets)
      for (const extra of ['', 'category=refugee', 'publication=true'])
        out.push([period, set ? `siteIds=${set}` : '', extra].filter(Boolean).join('&'));
  return out;
}

async function reports(): Promise<unknown[]> {
  const out = [];
  for (const q of reportQueries()) {
    const res = await central.get(`/api/statistics/report?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    out.push(res.json());
  }
  return out;
}

// after a fold (migration 0026: the API process folds deltas into the rollups on its own timer; folding first
// makes what the tables hold comparable, and any delta the job wrote shows as a change)
const rollups = async () => {
  await t.db.execute(sql`SELECT stat_fold(true)`);
  return Promise.all(
    [
      'stat_households_day',
      'stat_contacts_day',
      'stat_reasons_day',
      'stat_households_month',
      'stat_reasons_month',
    ].map((table) =>
      rows(sql`SELECT * FROM ${sql.identifier(table)} WHERE ${sql.raw('true')} ORDER BY 1, 2, 3, 4, 5`),
    ),
  );
};

describe('retention rules', () => {
  it('show each household category with the defaults 12 and 6 months, to the DPO and the admin', async () => {
    for (const c of [dpo, admin]) {
      const res = await c.get('/api/retention/rules');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual([
        expect.objectContaining({ category: 'refugee', months: 12, notesMonths: 6, isDefault: true }),
        expect.objectContaining({ category: 'other', months: 12, notesMonths: 6, isDefault: true }),
      ]);
    }
  });

  it('are edited by the admin only', async () => {
    const body = [{ category: 'other', months: 24, notesMonths: 12 }];
    for (const c of [dpo, lead, worker, central, board])
      expect((await c.put('/api/retention/rules', body)).statusCode).toBe(403);
    const res = await admin.put('/api/retention/rules', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().find((r: { category: string }) => r.category === 'other')).toMatchObject({
      months: 24,
      notesMonths: 12,
      isDefault: false,
    });
    const back = await admin.put('/api/retention/rules', []);
    expect(back.json().every((r: { isDefault: boolean }) => r.isDefault)).toBe(true);
  });

  it('refuse bad input with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [[{ category: 'refugee', months: 0, notesMonths: 0 }], '0.months'],
      [[{ category: 'refugee', months: 6, notesMonths: 12 }], '0.notesMonths'],
      [[{ category: 'nope', months: 12, notesMonths: 6 }], '0.category'],
      [[{ category: 'refugee', months: 'x', notesMonths: 6 }], '0.months'],
      [{ category: 'refugee' }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await admin.put('/api/retention/rules', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const dup = await admin.put('/api/retention/rules', [
      { category: 'refugee', months: 12, notesMonths: 6 },
      { category: 'refugee', months: 24, notesMonths: 6 },
    ]);
    expect(dup.statusCode).toBe(400);
  });
});

describe('retention preview and apply', () => {
  let before: unknown[];
  let beforeRollups: unknown[];
  let preview: { total: { anonymise: number; persons: number; clearNotes: number } };
  let named: { household_id: string; first_name: string; last_name: string; case_number: string };

  it('answers 403 to roles other than admin and DPO', async () => {
    for (const c of [lead, worker, central, board]) {
      expect((await c.get('/api/retention/preview')).statusCode).toBe(403);
      expect((await c.post('/api/retention/apply', {})).statusCode).toBe(403);
    }
    expect((await lead.get('/api/retention/rules')).statusCode).toBe(403);
  });

  it('lists what is due, with counts', async () => {
    const res = await dpo.get('/api/retention/preview');
    expect(res.statusCode, res.body).toBe(200);
    preview = res.json();
    expect(preview.total.anonymise).toBeGreaterThan(10);
    expect(preview.total.persons).toBeGreaterThan(preview.total.anonymise);
    const [due] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM households
      WHERE status IN ('closed', 'inactive', 'movedAway')`);
    expect(preview.total.anonymise).toBe(Number(due.n));
    [named] = await rows(sql`SELECT p.household_id, p.first_name, p.last_name, h.case_number
      FROM persons p JOIN households h ON h.id = p.household_id
      WHERE h.status = 'closed' AND h.site_id = ${siteId('BA')} ORDER BY h.case_number LIMIT 1`);
    const found = await lead.get(
      `/api/persons/search?name=${encodeURIComponent(`${named.first_name} ${named.last_name}`)}`,
    );
    expect(found.json().map((m: { householdId: string }) => m.householdId)).toContain(named.household_id);
  });

  it('anonymises exactly that, and the statistics report gives identical figures before and after', async () => {
    before = await reports();
    beforeRollups = await rollups();
    const res = await dpo.post('/api/retention/apply', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ anonymised: preview.total.anonymise, persons: preview.total.persons });
    expect(await rollups()).toEqual(beforeRollups);
    expect(await reports()).toEqual(before);
    const again = (await dpo.get('/api/retention/preview')).json();
    expect(again.total).toEqual({ anonymise: 0, persons: 0, clearNotes: 0 });
  }, 300_000);

  it('leaves no names, birth dates, addresses or notes of the anonymised households', async () => {
    const [left] = await rows<Record<string, number>>(sql`SELECT
      (SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id WHERE h.anonymised_at IS NOT NULL
        AND (p.first_name <> '' OR p.last_name <> '' OR p.first_key <> '' OR p.last_fold <> '' OR p.birth_date IS NOT NULL
          OR p.original_script_name IS NOT NULL))::int AS persons,
      (SELECT count(*) FROM households WHERE anonymised_at IS NOT NULL AND (street IS NOT NULL OR city IS NOT NULL))::int AS addresses,
      (SELECT count(*) FROM contacts c JOIN households h ON h.id = c.household_id WHERE h.anonymised_at IS NOT NULL
        AND c.note IS NOT NULL)::int AS notes,
      (SELECT count(*) FROM needs_assessments n JOIN households h ON h.id = n.household_id WHERE h.anonymised_at IS NOT NULL
        AND n.goals IS NOT NULL)::int AS goals`);
    expect(left).toEqual({ persons: 0, addresses: 0, notes: 0, goals: 0 });
  });

  it('an anonymised household answers its case number only and is no longer found by name', async () => {
    const name = `${named.first_name} ${named.last_name}`;
    const search = await lead.get(`/api/persons/search?name=${encodeURIComponent(name)}`);
    expect(search.json().map((m: { householdId: string }) => m.householdId)).not.toContain(
      named.household_id,
    );
    const list = await lead.get(`/api/households?q=${encodeURIComponent(named.last_name)}`);
    expect(list.json().items.map((h: { id: string }) => h.id)).not.toContain(named.household_id);
    const byNumber = await lead.get(`/api/households?q=${encodeURIComponent(named.case_number)}`);
    expect(byNumber.json().items.map((h: { id: string }) => h.id)).toContain(named.household_id);
    const h = (await lead.get(`/api/households/${named.household_id}`)).json();
    expect(h.caseNumber).toBe(named.case_number);
    expect(h.address).toMatchObject({ street: null, postcode: null, city: null });
    for (const m of h.members) {
      expect(m).toMatchObject({ firstName: '', lastName: '', originalScriptName: null, birthDate: null });
    }
  });

  it('is audited, one entry per household, and the audit chain verifies', async () => {
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'household.anonymised' AND actor_username = 'dsb'`,
    );
    expect(Number(n.n)).toBe(preview.total.anonymise);
    await sealAuditLog(t.db, { batch: 100_000 });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('erasure on request', () => {
  const family = () => ({
    siteId: siteId('BA'),
    category: 'refugee',
    registeredOn: '2024-03-05',
    address: { street: 'Brackeler Hellweg 1', postcode: '44309', city: 'Dortmund' },
    members: [
      { firstName: 'Zyrafa', lastName: 'Quolbentin', birthDate: '1985-04-02', roleInHousehold: 'head' },
    ],
  });

  it('anonymises one household at once, by the site lead with a reason', async () => {
    const h = (await worker.post('/api/households', family())).json();
    const url = `/api/households/${h.id}/anonymise`;
    expect((await worker.post(url, { reason: 'Antrag auf Löschung' })).statusCode).toBe(403);
    expect((await dpo.post(url, { reason: 'Antrag auf Löschung' })).statusCode).toBe(403);
    const bad = await lead.post(url, {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('reason');
    const before = await reports();
    const res = await lead.post(url, { reason: 'Antrag auf Löschung (Art. 17)' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: h.id, caseNumber: h.caseNumber, persons: 1 });
    expect(await reports()).toEqual(before);
    const search = await lead.get('/api/persons/search?name=Zyrafa%20Quolbentin');
    expect(search.json()).toEqual([]);
    const member = (await lead.get(`/api/households/${h.id}`)).json().members[0];
    expect(member).toMatchObject({ firstName: '', lastName: '', birthDate: null, birthYear: 1985 });
    expect((await lead.post(url, { reason: 'noch einmal' })).statusCode).toBe(409);
  }, 300_000);

  it('answers 404 for another site’s household and for an unknown id, 400 for a bad id', async () => {
    const [other] = await rows<{ id: string }>(
      sql`SELECT id FROM households WHERE site_id <> ${siteId('BA')} LIMIT 1`,
    );
    expect((await lead.post(`/api/households/${other.id}/anonymise`, { reason: 'Antrag' })).statusCode).toBe(
      404,
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await lead.post(`/api/households/${unknown}/anonymise`, { reason: 'Antrag' })).statusCode).toBe(
      404,
    );
    expect((await lead.post('/api/households/nope/anonymise', { reason: 'Antrag' })).statusCode).toBe(400);
  });
});
