import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contacts, recordCorrections } from '../../src/server/db/schema/index.js';
import { plainFacts } from '../../src/server/modules/statistics/queries.js';
import { rollupFacts } from '../../src/server/modules/statistics/rollups.js';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { addDays, todayBerlin } from '../../src/shared/dates.js';
import { normalFacts } from '../helpers/facts.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/*
 * Corrections (PATCH) and deletions with a reason (DELETE …/:subId {reason}) of a household's records:
 * the author within QUARTIER_CORRECTION_DAYS (14), the site lead always, others on the site 403, another
 * site 404; each one audited with field names only; the statistics rollups stay equal to plain SQL.
 */

let t: TestApp;
let fk: Client; // caseworker BA, author of the records
let fk2: Client; // another caseworker BA
let lead: Client; // site lead BA
let fkMh: Client; // caseworker MH
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;
const today = todayBerlin();
const del = (c: Client, url: string, payload?: unknown) => c.request('DELETE', url, payload);
const code = (res: { json(): { error: { code: string } } }) => res.json().error.code;
const paths = (res: { json(): { error: { details: { path: string }[] } } }) =>
  res.json().error.details.map((d) => d.path);

let n = 0;
async function household(roles: string[] = ['head', 'child']) {
  n++;
  const res = await fk.post('/api/households', {
    siteId: site('BA'),
    category: n % 2 ? 'refugee' : 'other',
    registeredOn: '2024-02-01',
    members: roles.map((roleInHousehold, i) => ({
      firstName: `Vorname${i}`,
      lastName: `Korrektur${n}`,
      birthYear: 1990 + i,
      roleInHousehold,
    })),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; members: { id: string }[] };
}

async function contact(householdId: string, over: object = {}) {
  const res = await fk.post(`/api/households/${householdId}/contacts`, {
    date: '2024-03-05',
    contactType: 'sprechstunde',
    reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
    note: 'Geheime Notiz',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** Moves a record's creation back, as if it was written that many days ago. */
async function age(table: 'contacts' | 'needs_assessments', id: string, days: number) {
  await t.db.execute(sql`UPDATE ${sql.identifier(table)} SET created_at = now() - ${`${days} days`}::interval
    WHERE id = ${id}::uuid`);
}

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  const admin = await t.login('admin');
  sites = (await fk.get('/api/sites')).json();
  for (const [username, siteCode] of [
    ['fachkraft2.ba', 'BA'],
    ['fachkraft.mh', 'MH'],
  ]) {
    const res = await admin.post('/api/users', {
      username,
      displayName: username,
      password: demoPassword,
      role: 'caseworker',
      siteIds: [site(siteCode)],
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  fk2 = await t.login('fachkraft2.ba');
  fkMh = await t.login('fachkraft.mh');
});
afterAll(() => t.close());

describe('who may correct and delete', () => {
  it('the author within the window corrects a contact; audited and kept with field names only', async () => {
    const h = await household();
    const c = await contact(h.id);
    const res = await fk.patch(`/api/households/${h.id}/contacts/${c.id}`, {
      note: 'Richtige Notiz',
      durationMinutes: 45,
      reasons: [{ lifeArea: 'arbeit-beruf', supportKind: 'begleitung' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      note: 'Richtige Notiz',
      durationMinutes: 45,
      reasons: [{ lifeArea: 'arbeit-beruf', supportKind: 'begleitung' }],
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contact.corrected'), eq(auditLog.entityId, c.id)));
    expect(entry.fields).toEqual(['durationMinutes', 'note', 'reasons']);
    expect(entry.siteId).toBe(site('BA'));
    expect(JSON.stringify(entry)).not.toContain('Richtige');
    const [kept] = await t.db.select().from(recordCorrections).where(eq(recordCorrections.entityId, c.id));
    expect(kept).toMatchObject({
      action: 'corrected',
      reason: null,
      entityType: 'contact',
      householdId: h.id,
    });
  });

  it('another caseworker of the site gets 403 NOT_AUTHOR, another site 404', async () => {
    const h = await household();
    const c = await contact(h.id);
    const url = `/api/households/${h.id}/contacts/${c.id}`;
    const patch = await fk2.patch(url, { note: 'x' });
    expect([patch.statusCode, code(patch)]).toEqual([403, 'NOT_AUTHOR']);
    const remove = await del(fk2, url, { reason: 'Falsch erfasst' });
    expect([remove.statusCode, code(remove)]).toEqual([403, 'NOT_AUTHOR']);
    expect((await fkMh.patch(url, { note: 'x' })).statusCode).toBe(404);
    expect((await del(fkMh, url, { reason: 'Falsch erfasst' })).statusCode).toBe(404);
    // another household's record under this household's path is not found either
    const other = await household();
    expect((await fk.patch(`/api/households/${other.id}/contacts/${c.id}`, { note: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('after the window the author gets 403 CORRECTION_WINDOW_CLOSED; the site lead may always', async () => {
    const h = await household();
    const c = await contact(h.id);
    await age('contacts', c.id, 15);
    const url = `/api/households/${h.id}/contacts/${c.id}`;
    const late = await fk.patch(url, { note: 'zu spät' });
    expect([late.statusCode, code(late)]).toEqual([403, 'CORRECTION_WINDOW_CLOSED']);
    const byLead = await lead.patch(url, { date: '2024-03-06' });
    expect(byLead.statusCode, byLead.body).toBe(200);
    const gone = await del(lead, url, { reason: 'Doppelt erfasst' });
    expect(gone.statusCode, gone.body).toBe(204);
    const list = (await fk.get(`/api/households/${h.id}/contacts`)).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(c.id);
    const [kept] = await t.db
      .select()
      .from(recordCorrections)
      .where(and(eq(recordCorrections.entityId, c.id), eq(recordCorrections.action, 'deleted')));
    expect(kept).toMatchObject({ reason: 'Doppelt erfasst', actorId: lead.user.id, fields: ['reason'] });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'contact.deleted'))
      .orderBy(desc(auditLog.at));
    expect(entry).toMatchObject({ entityId: c.id, fields: ['reason'] });
    expect(JSON.stringify(entry)).not.toContain('Doppelt');
  });

  it('a deletion needs a reason of 3 to 500 characters without control characters (400 naming reason)', async () => {
    const h = await household();
    const c = await contact(h.id);
    const url = `/api/households/${h.id}/contacts/${c.id}`;
    for (const body of [
      {},
      { reason: 'ab' },
      { reason: '  a ' },
      { reason: 'x'.repeat(501) },
      { reason: 'abc\u0000d' },
    ]) {
      const res = await del(fk, url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(paths(res)).toEqual(['reason']);
    }
    expect((await del(fk, url)).statusCode).toBe(400);
    const empty = await fk.patch(url, {});
    expect(empty.statusCode).toBe(400);
    const bad = await fk.patch(url, { reasons: [{ lifeArea: 'nirgends', supportKind: 'beratung' }] });
    expect(paths(bad)).toEqual(['reasons.0.lifeArea']);
    expect((await t.db.select().from(contacts).where(eq(contacts.id, c.id))).length).toBe(1);
  });
});

describe('every kind of record', () => {
  it('needs: corrected and deleted by the author; others 403; after the window the lead', async () => {
    const h = await household();
    const res = await fk.post(`/api/households/${h.id}/needs`, {
      assessedOn: '2024-02-10',
      lifeArea: 'wohnen',
      level: 3,
    });
    const need = res.json() as { id: string };
    const url = `/api/households/${h.id}/needs/${need.id}`;
    const fixed = await fk.patch(url, { level: 2, obstacles: ['schulden'] });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ level: 2, obstacles: ['schulden'], lifeArea: 'wohnen' });
    expect((await fk2.patch(url, { level: 1 })).statusCode).toBe(403);
    await age('needs_assessments', need.id, 20);
    expect(code(await del(fk, url, { reason: 'Falscher Haushalt' }))).toBe('CORRECTION_WINDOW_CLOSED');
    expect((await del(lead, url, { reason: 'Falscher Haushalt' })).statusCode).toBe(204);
    expect((await fk.get(`/api/households/${h.id}/needs`)).json()).toEqual([]);
  });

  it('referrals: status stays open to everyone on the case; other fields are a correction', async () => {
    const h = await household();
    const res = await fk.post(`/api/households/${h.id}/referrals`, {
      date: '2024-03-01',
      organisation: 'jobcenter',
      lifeArea: 'arbeit-beruf',
    });
    const ref = res.json() as { id: string };
    const url = `/api/households/${h.id}/referrals/${ref.id}`;
    expect((await fk2.patch(url, { status: 'sent' })).statusCode).toBe(200);
    expect(code(await fk2.patch(url, { date: '2024-03-02' }))).toBe('NOT_AUTHOR');
    const fixed = await fk.patch(url, { date: '2024-03-02', lifeArea: 'wohnen' });
    expect(fixed.json()).toMatchObject({ date: '2024-03-02', lifeArea: 'wohnen', status: 'sent' });
    const actions = await t.db
      .select({ a: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, ref.id));
    expect(actions.map((a) => a.a).sort()).toEqual([
      'referral.corrected',
      'referral.created',
      'referral.updated',
    ]);
    expect((await del(fk, url, { reason: 'Irrtum' })).statusCode).toBe(204);
    expect((await fk.get(`/api/households/${h.id}/referrals`)).json()).toEqual([]);
  });

  it('appointments: corrected and deleted under the household; the agenda route still patches', async () => {
    const h = await household();
    const res = await fk.post(`/api/households/${h.id}/appointments`, { date: today, startTime: '10:30' });
    const a = res.json() as { id: string };
    expect((await fk2.patch(`/api/appointments/${a.id}`, { startTime: '11:00' })).statusCode).toBe(200);
    const url = `/api/households/${h.id}/appointments/${a.id}`;
    expect(code(await fk2.patch(url, { note: 'x' }))).toBe('NOT_AUTHOR');
    const fixed = await fk.patch(url, { startTime: '09:15', durationMinutes: 45 });
    expect(fixed.json()).toMatchObject({ startTime: '09:15', durationMinutes: 45 });
    expect((await del(fkMh, url, { reason: 'Irrtum' })).statusCode).toBe(404);
    expect((await del(fk, url, { reason: 'Irrtum' })).statusCode).toBe(204);
    expect((await fk.get(`/api/households/${h.id}/appointments`)).json()).toEqual([]);
  });

  it('consents: a wrong one corrected or deleted; withdraw stays', async () => {
    const h = await household();
    const res = await fk.post(`/api/households/${h.id}/consents`, {
      givenOn: '2024-02-01',
      sharingOrganisationCodes: ['jobcenter'],
    });
    const c = res.json() as { id: string };
    const url = `/api/households/${h.id}/consents/${c.id}`;
    const fixed = await fk.patch(url, { givenOn: '2024-02-03', sharingOrganisationCodes: ['sozialamt'] });
    expect(fixed.json()).toMatchObject({ givenOn: '2024-02-03', sharingOrganisationCodes: ['sozialamt'] });
    expect((await fk.post(`${url}/withdraw`, { withdrawnOn: '2024-04-01' })).statusCode).toBe(200);
    expect(paths(await fk.patch(url, { givenOn: '2024-05-01' }))).toEqual(['givenOn']);
    expect((await del(fk2, url, { reason: 'Irrtum' })).statusCode).toBe(403);
    expect((await del(fk, url, { reason: 'Irrtum' })).statusCode).toBe(204);
    expect((await fk.get(`/api/households/${h.id}/consents`)).json()).toEqual([]);
  });

  it('members: deleted with a reason, never the contact person or the last member (409 naming personId)', async () => {
    const h = await household(['head', 'child', 'child']);
    const [head, child, second] = h.members;
    await fk.post(`/api/households/${h.id}/needs`, {
      assessedOn: '2024-02-10',
      lifeArea: 'wohnen',
      level: 1,
      personId: child.id,
    });
    await contact(h.id, { memberIds: [child.id, head.id] });
    const base = `/api/households/${h.id}/members`;
    const headRes = await del(fk, `${base}/${head.id}`, { reason: 'Irrtum' });
    expect([headRes.statusCode, paths(headRes)]).toEqual([409, ['personId']]);
    expect((await del(fk2, `${base}/${child.id}`, { reason: 'Irrtum' })).statusCode).toBe(403);
    expect((await del(fk, `${base}/${child.id}`, { reason: 'Doppelt angelegt' })).statusCode).toBe(204);
    const after = (await fk.get(`/api/households/${h.id}`)).json() as { members: { id: string }[] };
    expect(after.members.map((m) => m.id).sort()).toEqual([head.id, second.id].sort());
    const needs = (await fk.get(`/api/households/${h.id}/needs`)).json() as { personId: string | null }[];
    expect(needs[0].personId).toBeNull();
    const list = (await fk.get(`/api/households/${h.id}/contacts`)).json() as {
      items: { memberIds: string[] }[];
    };
    expect(list.items[0].memberIds).toEqual([head.id]);
    const single = await household(['other']);
    const last = await del(fk, `${base.replace(h.id, single.id)}/${single.members[0].id}`, {
      reason: 'Irrtum',
    });
    expect([last.statusCode, paths(last)]).toEqual([409, ['personId']]);
  });
});

describe('statistics after corrections and deletions', () => {
  it('the rollups equal plain SQL, and anonymising clears the reasons', async () => {
    const hs = [await household(), await household(), await household(['head', 'partner', 'child'])];
    const made: { h: string; c: string }[] = [];
    for (const [i, h] of hs.entries()) {
      for (let k = 0; k < 4; k++) {
        const c = await contact(h.id, {
          date: addDays('2024-03-01', i * 7 + k * 3),
          contactType: k % 2 ? 'telefon' : 'sprechstunde',
          reasons: [
            { lifeArea: 'wohnen', supportKind: 'beratung' },
            ...(k % 2 ? [{ lifeArea: 'gesundheit', supportKind: 'begleitung' }] : []),
          ],
        });
        made.push({ h: h.id, c: c.id });
      }
    }
    const url = (m: { h: string; c: string }) => `/api/households/${m.h}/contacts/${m.c}`;
    const steps = [
      fk.patch(url(made[0]), { date: '2024-05-20' }),
      fk.patch(url(made[1]), {
        contactType: 'hausbesuch',
        reasons: [{ lifeArea: 'sonstiges', supportKind: 'betreuung' }],
      }),
      lead.patch(url(made[5]), {
        date: '2024-02-28',
        reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
      }),
      del(fk, url(made[2]), { reason: 'Doppelt erfasst' }),
      del(lead, url(made[7]), { reason: 'Falscher Haushalt' }),
      del(fk, `/api/households/${hs[2].id}/members/${(hs[2].members as { id: string }[])[2].id}`, {
        reason: 'Irrtum',
      }),
    ];
    for (const step of steps) expect((await step).statusCode).toBeLessThan(300);
    const BA = site('BA');
    for (const [from, to] of [
      ['2024-01-01', '2024-12-31'],
      ['2024-03-01', '2024-03-10'],
      ['2024-02-01', '2024-05-20'],
      ['2024-03-09', today],
    ]) {
      for (const category of [null, 'refugee', 'other'] as const) {
        const periods = [{ siteId: BA, from, to }];
        const [rollup, plain] = await Promise.all([
          rollupFacts(t.db, periods, category),
          plainFacts(t.db, periods, category),
        ]);
        expect(normalFacts(rollup), `${from}..${to} ${category}`).toEqual(normalFacts(plain));
      }
    }
    const erased = await lead.post(`/api/households/${hs[0].id}/anonymise`, { reason: 'Antrag Art. 17' });
    expect(erased.statusCode, erased.body).toBe(200);
    const reasons = await t.db
      .select({ reason: recordCorrections.reason })
      .from(recordCorrections)
      .where(eq(recordCorrections.householdId, hs[0].id));
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => r.reason === null)).toBe(true);
  });
});
