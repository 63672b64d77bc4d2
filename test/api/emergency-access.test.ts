import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Break-the-glass: a caseworker of another site reads one household with a written reason, read-only,
 * for QUARTIER_EMERGENCY_ACCESS_HOURS (here 2), logged on the household's site and listed for its site
 * lead and the DPO.
 */
let t: TestApp;
let fk: Client;
let leadBa: Client;
let fkMh: Client;
let leadMh: Client;
let dpo: Client;
let admin: Client;
let householdId: string;
let caseNumber: string;
const today = todayBerlin();
const reason = 'Standort Bahnhof geschlossen, Familie steht mit Räumungsklage vor der Tür';
const parts = [
  'contacts',
  'needs',
  'consents',
  'referrals',
  'followups',
  'appointments',
  'transfers',
  'caseplans',
];

const user = (username: string, role: string, siteId: string) =>
  t.createUser(admin, { username, displayName: `Demo ${username}`, role, siteIds: [siteId] });

beforeAll(async () => {
  t = await createTestApp({ env: { QUARTIER_EMERGENCY_ACCESS_HOURS: '2' } });
  [fk, leadBa, dpo, admin] = await Promise.all(
    ['fachkraft.ba', 'leitung.ba', 'dsb', 'admin'].map((u) => t.login(u)),
  );
  const sites: { id: string; code: string }[] = (await admin.get('/api/sites')).json();
  const ba = sites.find((s) => s.code === 'BA')!.id;
  const mh = sites.find((s) => s.code === 'MH')!.id;
  fkMh = await user('fachkraft.mh', 'caseworker', mh);
  leadMh = await user('leitung.mh', 'siteLead', mh);
  const created = await fk.post('/api/households', {
    siteId: ba,
    category: 'refugee',
    registeredOn: '2024-01-15',
    members: [{ firstName: 'Nour', lastName: 'Haddad', birthYear: 1988, roleInHousehold: 'head' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  householdId = created.json().id;
  caseNumber = created.json().caseNumber;
  const c = await fk.post(`/api/households/${householdId}/contacts`, {
    date: today,
    contactType: 'sprechstunde',
    reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
  });
  expect(c.statusCode, c.body).toBe(201);
}, 120_000);
afterAll(() => t?.close());

const base = () => `/api/households/${householdId}`;

describe('emergency access (break-the-glass)', () => {
  it('without a grant another site gets 404 on the household and its records', async () => {
    expect((await fkMh.get(base())).statusCode).toBe(404);
    expect((await fkMh.get(`${base()}/contacts`)).statusCode).toBe(404);
  });

  it('refuses a short, long or control-character reason, the own site, unknown ids and roles without it', async () => {
    const url = `${base()}/emergency-access`;
    for (const bad of ['zu kurz', 'x'.repeat(501), 'Notfall\u0000 mit NUL-Byte', '          ']) {
      const res = await fkMh.post(url, { reason: bad });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
    }
    const own = await fk.post(url, { reason });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('EMERGENCY_NOT_NEEDED');
    const unknown = await fkMh.post('/api/households/00000000-0000-4000-8000-000000000000/emergency-access', {
      reason,
    });
    expect(unknown.statusCode).toBe(404);
    for (const client of [admin, dpo]) expect((await client.post(url, { reason })).statusCode).toBe(403);
    expect((await fkMh.get(base())).statusCode).toBe(404); // nothing was granted
  });

  it('a grant opens the household and its sub-records for reading, for the configured hours', async () => {
    const res = await fkMh.post(`${base()}/emergency-access`, { reason });
    expect(res.statusCode, res.body).toBe(201);
    const grant = res.json();
    expect(grant.householdId).toBe(householdId);
    const hours = (Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt)) / 3_600_000;
    expect(hours).toBeCloseTo(2, 3);
    const h = await fkMh.get(base());
    expect(h.statusCode).toBe(200);
    expect(h.body).toContain('Haddad');
    for (const p of parts) expect((await fkMh.get(`${base()}/${p}`)).statusCode, p).toBe(200);
    expect((await fkMh.get(`${base()}/contacts`)).json().items).toHaveLength(1);
    const mine = (await fkMh.get('/api/emergency-access/mine')).json();
    expect(mine.map((g: { caseNumber: string }) => g.caseNumber)).toEqual([caseNumber]);
  });

  it('is read-only: every write answers 403 EMERGENCY_READ_ONLY and nothing changes', async () => {
    const writes: [string, string, unknown][] = [
      ['PATCH', base(), { status: 'inactive' }],
      [
        'POST',
        `${base()}/contacts`,
        {
          date: today,
          contactType: 'sprechstunde',
          reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
        },
      ],
      ['POST', `${base()}/needs`, { assessedOn: today, lifeArea: 'wohnen', level: 1 }],
      ['POST', `${base()}/followups`, { dueOn: today, text: 'anrufen' }],
      ['POST', `${base()}/members`, { firstName: 'Test', lastName: 'Person', birthYear: 2000 }],
    ];
    for (const [method, url, payload] of writes) {
      const res = await fkMh.request(method as 'POST', url, payload);
      expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(403);
      expect(res.json().error.code).toBe('EMERGENCY_READ_ONLY');
    }
    expect((await fk.get(base())).json().status).toBe('active');
    expect((await fk.get(`${base()}/contacts`)).json().items).toHaveLength(1);
  });

  it('counts for that household only: never in lists or search', async () => {
    const list = await fkMh.get('/api/households?q=Haddad');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Haddad');
    expect((await fkMh.get(`/api/households?q=${caseNumber}`)).body).not.toContain(caseNumber);
  });

  it("is logged on the household's site and listed for that site's lead and the DPO, not for others", async () => {
    const entries = await t.db.execute(
      sql`SELECT site_id, entity_id, fields FROM audit_log WHERE action = 'emergency.accessGranted'`,
    );
    const rows = ((entries as { rows?: unknown[] }).rows ?? entries) as {
      entity_id: string;
      fields: string[];
    }[];
    expect(rows.map((r) => r.entity_id)).toEqual([householdId]);
    expect(rows[0].fields).toEqual(['reason']);
    const reads = await t.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'record.read' AND entity_id = ${householdId} AND actor_username = 'fachkraft.mh'`,
    );
    expect((((reads as { rows?: { n: number }[] }).rows ?? reads) as { n: number }[])[0].n).toBeGreaterThan(
      0,
    );
    for (const viewer of [leadBa, dpo]) {
      const res = await viewer.get('/api/emergency-access');
      expect(res.statusCode, res.body).toBe(200);
      const [g] = res.json();
      expect(g).toMatchObject({
        householdId,
        caseNumber,
        reason,
        userDisplayName: 'Demo fachkraft.mh',
        active: true,
      });
      expect(g.userSiteNames).toHaveLength(1);
    }
    expect((await leadMh.get('/api/emergency-access')).json()).toEqual([]);
    expect((await fkMh.get('/api/emergency-access')).statusCode).toBe(403);
    expect((await fk.get('/api/emergency-access')).statusCode).toBe(403);
  });

  it('expires: afterwards the household is a 404 again (reads and writes)', async () => {
    await t.db.execute(sql`UPDATE emergency_access SET expires_at = now() - interval '1 minute'`);
    expect((await fkMh.get(base())).statusCode).toBe(404);
    expect((await fkMh.get(`${base()}/referrals`)).statusCode).toBe(404);
    const write = await fkMh.patch(base(), { status: 'inactive' });
    expect(write.statusCode).toBe(404);
    expect((await fkMh.get('/api/emergency-access/mine')).json()).toEqual([]);
    const [g] = (await dpo.get('/api/emergency-access')).json();
    expect(g.active).toBe(false);
    expect((await dpo.get('/api/emergency-access?active=1')).json()).toEqual([]);
  });

  it('can be asked for by case number (the web form), with the same rules', async () => {
    const short = await leadMh.post('/api/emergency-access', { caseNumber, reason: 'kurz' });
    expect(short.statusCode).toBe(400);
    const unknown = await leadMh.post('/api/emergency-access', { caseNumber: 'XX-1999-0001', reason });
    expect(unknown.statusCode).toBe(404);
    const res = await leadMh.post('/api/emergency-access', { caseNumber: caseNumber.toLowerCase(), reason });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().householdId).toBe(householdId);
    expect((await leadMh.get(base())).statusCode).toBe(200);
    expect((await leadMh.get(`${base()}/access-report`)).statusCode).toBe(404); // the report stays the own site's
  });
});
