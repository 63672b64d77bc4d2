import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, recordCorrections } from '../../src/server/db/schema/index.js';
import { todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/*
 * Restriction of processing (Art. 18): POST /api/households/:id/restriction {reason} (site lead) makes the
 * household read-only (409 HOUSEHOLD_RESTRICTED), takes it out of lists, search and Mein Tag, and hides it
 * from everyone but the site lead (404); DELETE …/restriction {reason} lifts it.
 */

let t: TestApp;
let fk: Client; // caseworker BA
let lead: Client; // site lead BA
let leadMh: Client; // site lead MH
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;
const code = (res: { json(): { error: { code: string } } }) => res.json().error.code;
const del = (c: Client, url: string, payload?: unknown) => c.request('DELETE', url, payload);
const today = todayBerlin();

interface Page {
  items: { id: string }[];
  total: number;
}
const list = async (c: Client, query = '') =>
  (await c.get(`/api/households?pageSize=100${query}`)).json() as Page;

async function household(lastName: string) {
  const res = await fk.post('/api/households', {
    siteId: site('BA'),
    category: 'refugee',
    registeredOn: '2024-02-01',
    members: [{ firstName: 'Leyla', lastName, birthDate: '1988-04-12', roleInHousehold: 'head' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; members: { id: string }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  const admin = await t.login('admin');
  sites = (await fk.get('/api/sites')).json();
  leadMh = await t.createUser(admin, {
    username: 'leitung.mh',
    displayName: 'Leitung MH',
    role: 'siteLead',
    siteIds: [site('MH')],
  });
});
afterAll(() => t.close());

describe('restricting a household', () => {
  it('only the site lead of its site restricts, with a reason', async () => {
    const h = await household('Einschränkungstest');
    const url = `/api/households/${h.id}/restriction`;
    expect((await fk.post(url, { reason: 'Widerspruch' })).statusCode).toBe(403);
    expect((await leadMh.post(url, { reason: 'Widerspruch' })).statusCode).toBe(404);
    for (const body of [{}, { reason: 'ab' }, { reason: 'Grund\u0007' }]) {
      const res = await lead.post(url, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
    }
    const ok = await lead.post(url, { reason: 'Bestreitet die Richtigkeit (Art. 18 Abs. 1 a)' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ householdId: h.id, restricted: true, restrictedBy: lead.user.id });
    const again = await lead.post(url, { reason: 'noch einmal' });
    expect([again.statusCode, code(again)]).toEqual([409, 'CONFLICT']);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'household.restricted'), eq(auditLog.entityId, h.id)));
    expect(entry.fields).toEqual(['reason']);
    expect(JSON.stringify(entry)).not.toContain('Richtigkeit');
  });

  it('is read-only, visible to the site lead only, and out of lists, search, duplicates and Mein Tag', async () => {
    const h = await household('Zurückhaltung');
    const other = await household('Sichtbar');
    const contact = await fk.post(`/api/households/${h.id}/contacts`, {
      date: '2024-03-05',
      contactType: 'sprechstunde',
      reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
    });
    await fk.post(`/api/households/${h.id}/appointments`, { date: today, startTime: '10:30' });
    await lead.get(`/api/households/${h.id}`); // into the lead's recently opened
    const before = await list(fk);
    const beforeRefugees = await list(fk, '&category=refugee');
    expect(before.items.map((i) => i.id)).toContain(h.id);

    expect(
      (await lead.post(`/api/households/${h.id}/restriction`, { reason: 'Widerspruch Art. 21' })).statusCode,
    ).toBe(200);

    // the caseworker: as if it did not exist
    for (const path of ['', '/contacts', '/needs', '/consents']) {
      expect((await fk.get(`/api/households/${h.id}${path}`)).statusCode, path).toBe(404);
    }
    expect((await fk.patch(`/api/households/${h.id}`, { status: 'closed' })).statusCode).toBe(404);
    // the site lead: reads it with the reason, writes nothing
    const seen = await lead.get(`/api/households/${h.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().restriction).toMatchObject({ reason: 'Widerspruch Art. 21' });
    expect((await lead.get(`/api/households/${h.id}/contacts`)).statusCode).toBe(200);
    const writes = [
      lead.patch(`/api/households/${h.id}`, { status: 'closed' }),
      lead.post(`/api/households/${h.id}/needs`, { assessedOn: '2024-02-10', lifeArea: 'wohnen', level: 1 }),
      lead.patch(`/api/households/${h.id}/contacts/${contact.json().id}`, { note: 'x' }),
      del(lead, `/api/households/${h.id}/contacts/${contact.json().id}`, { reason: 'Irrtum' }),
      lead.post(`/api/households/${h.id}/members`, {
        firstName: 'Neu',
        lastName: 'Person',
        roleInHousehold: 'child',
      }),
    ];
    for (const w of writes) {
      const res = await w;
      expect([res.statusCode, code(res)]).toEqual([409, 'HOUSEHOLD_RESTRICTED']);
    }
    // lists and their totals (household_counts minus the restricted)
    for (const c of [fk, lead]) {
      const after = await list(c);
      expect(after.items.map((i) => i.id)).not.toContain(h.id);
      expect(after.items.map((i) => i.id)).toContain(other.id);
      expect(after.total).toBe(before.total - 1);
      expect((await list(c, '&category=refugee')).total).toBe(beforeRefugees.total - 1);
      expect((await list(c, '&q=Zurückhaltung')).total).toBe(0);
    }
    const onlyRestricted = await list(lead, '&restricted=true');
    expect(onlyRestricted.items.map((i) => i.id)).toContain(h.id);
    expect(onlyRestricted.items.map((i) => i.id)).not.toContain(other.id);
    expect(onlyRestricted.total).toBe(onlyRestricted.items.length);
    expect((await list(fk, '&restricted=true')).total).toBe(0);
    // search and the duplicate check: no name, no case number; the check says a restricted record exists
    for (const c of [fk, lead]) {
      const found = (await c.get('/api/persons/search?name=Leyla%20Zur%C3%BCckhaltung')).json();
      expect(found.map((m: { householdId: string }) => m.householdId)).not.toContain(h.id);
      const dup = (
        await c.get('/api/persons/duplicates?name=Leyla%20Zur%C3%BCckhaltung&birthDate=1988-04-12')
      ).json();
      expect(dup.restrictedMatch).toBe(true);
      expect(dup.matches.map((m: { householdId: string }) => m.householdId)).not.toContain(h.id);
    }
    // Mein Tag: not among the recently opened, its appointment not on the agenda
    const day = (await lead.get('/api/my-day')).json() as {
      recentHouseholds: { id: string }[];
      appointments: { householdId: string | null }[];
    };
    expect(day.recentHouseholds.map((r) => r.id)).not.toContain(h.id);
    expect(day.appointments.map((a) => a.householdId)).not.toContain(h.id);
    const agenda = (await fk.get('/api/appointments')).json() as { householdId: string | null }[];
    expect(agenda.map((a) => a.householdId)).not.toContain(h.id);
  });

  it('the site lead lifts it with a reason; then everything is as before', async () => {
    const h = await household('Aufhebung');
    const url = `/api/households/${h.id}/restriction`;
    expect(code(await del(lead, url, { reason: 'nicht eingeschränkt' }))).toBe('CONFLICT');
    await lead.post(url, { reason: 'Widerspruch' });
    const total = (await list(fk)).total;
    expect((await del(fk, url, { reason: 'Aufheben' })).statusCode).toBe(403);
    expect((await del(lead, url, {})).statusCode).toBe(400);
    const lifted = await del(lead, url, { reason: 'Richtigkeit geklärt' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ restricted: false, reason: null, restrictedAt: null });
    expect((await fk.get(`/api/households/${h.id}`)).json().restriction).toBeNull();
    expect((await list(fk)).total).toBe(total + 1);
    const kept = await t.db
      .select({ action: recordCorrections.action, reason: recordCorrections.reason })
      .from(recordCorrections)
      .where(eq(recordCorrections.householdId, h.id));
    expect(kept.map((k) => k.action).sort()).toEqual(['restricted', 'restriction_lifted']);
  });
});
