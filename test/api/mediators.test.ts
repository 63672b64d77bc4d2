import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingForContact } from '../../src/server/modules/mediators/service.js';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { addDays, todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client; // caseworker BA
let lead: Client; // site lead BA
let central: Client;
let board: Client;
let coordinator: Client;
let fkMh: Client; // caseworker MH
let leadMh: Client;
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;
// biome-ignore lint/suspicious/noExplicitAny: inject's json() is untyped
type Res = { statusCode: number; body: string; json(): any };
/** rows of a raw query, on PGlite and node-postgres alike */
async function rowsOf(query: ReturnType<typeof sql>) {
  const r = (await t.db.execute(query)) as unknown as { rows?: Record<string, unknown>[] };
  return (r.rows ?? r) as Record<string, unknown>[];
}
const paths = (res: Res) => (res.json().error.details as { path: string }[]).map((d) => d.path);

// a Monday three weeks ahead, so weekday plans are predictable
const today = todayBerlin();
const monday = (() => {
  let d = addDays(today, 21);
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
  return d;
})();

async function createUser(admin: Client, username: string, role: string, siteCodes: string[]) {
  const res = await admin.post('/api/users', {
    username,
    displayName: username,
    password: demoPassword,
    role,
    siteIds: siteCodes.map(site),
  });
  expect(res.statusCode, res.body).toBe(201);
}

let n = 0;
async function mediator(body: Record<string, unknown> = {}) {
  n++;
  const res = await lead.post('/api/mediators', {
    name: `Amina Al-Hassan ${n}`,
    kind: 'freelance',
    languages: ['ar'],
    rate: 40,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}

async function household(client: Client = fk, siteCode = 'BA') {
  n++;
  const res = await client.post('/api/households', {
    siteId: site(siteCode),
    category: 'refugee',
    registeredOn: '2024-02-01',
    members: [{ firstName: 'Rania', lastName: `Haddad${n}`, birthYear: 1990, roleInHousehold: 'head' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; caseNumber: string };
}

const slot = (from: string, to: string) => ({ language: 'ar', date: monday, from, to });

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  central = await t.login('zentrale');
  board = await t.login('beirat');
  coordinator = await t.login('ehrenamt');
  const admin = await t.login('admin');
  sites = (await fk.get('/api/sites')).json();
  await createUser(admin, 'fachkraft.mh', 'caseworker', ['MH']);
  await createUser(admin, 'leitung.mh', 'siteLead', ['MH']);
  fkMh = await t.login('fachkraft.mh');
  leadMh = await t.login('leitung.mh');
});
afterAll(() => t.close());

describe('the mediator pool', () => {
  it('creates, reads, updates; site leads and central keep it', async () => {
    const created = await lead.post('/api/mediators', {
      name: 'Yusuf Rahimi',
      kind: 'volunteer',
      languages: ['fa', 'prs', 'ps'],
      districtCodes: [],
      availability: [{ weekday: 1, from: '09:00', to: '13:00' }],
      phone: '0231 123456',
      email: 'y.rahimi@example.org',
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({ kind: 'volunteer', languages: ['fa', 'prs', 'ps'], rate: null, active: true });
    const got = await coordinator.get(`/api/mediators/${m.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().availability).toEqual([{ weekday: 1, from: '09:00', to: '13:00' }]);
    const patched = await central.patch(`/api/mediators/${m.id}`, { rate: 25.5, kind: 'freelance' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ rate: 25.5, kind: 'freelance', name: 'Yusuf Rahimi' });
    const rows = await rowsOf(
      sql`select action, fields from audit_log where entity_id = ${m.id} order by at`,
    );
    expect(rows.map((r) => r.action)).toEqual(['mediator.created', 'mediator.updated']);
    expect((await fk.get('/api/mediators/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('answers 400 naming the field', async () => {
    const bad = await lead.post('/api/mediators', {
      name: '',
      kind: 'sometimes',
      languages: [],
      availability: [{ weekday: 8, from: '10:00', to: '09:00' }],
      email: 'nope',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(
      expect.arrayContaining(['name', 'kind', 'languages', 'availability.0.weekday', 'email']),
    );
    const control = await lead.post('/api/mediators', { name: 'A\u0007', kind: 'staff', languages: ['ar'] });
    expect(control.statusCode).toBe(400);
    expect(paths(control)).toEqual(['name']);
    const order = await lead.post('/api/mediators', {
      name: 'Ok',
      kind: 'staff',
      languages: ['ar'],
      availability: [{ weekday: 2, from: '10:00', to: '09:00' }],
    });
    expect(order.statusCode).toBe(400);
    expect(paths(order)).toEqual(['availability.0.to']);
    const lang = await lead.post('/api/mediators', { name: 'Ok', kind: 'staff', languages: ['ar', 'xx'] });
    expect(lang.statusCode).toBe(400);
    expect(paths(lang)).toEqual(['languages.1']);
    const district = await lead.post('/api/mediators', {
      name: 'Ok',
      kind: 'staff',
      languages: ['ar'],
      districtCodes: ['atlantis'],
    });
    expect(district.statusCode).toBe(400);
    expect(paths(district)).toEqual(['districtCodes.0']);
    const empty = await lead.patch(`/api/mediators/${(await mediator()).id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it('lets caseworkers read and book but not keep the pool; the board sees none of it', async () => {
    const m = await mediator();
    expect(
      (await fk.post('/api/mediators', { name: 'A', kind: 'staff', languages: ['ar'] })).statusCode,
    ).toBe(403);
    expect((await fk.patch(`/api/mediators/${m.id}`, { active: false })).statusCode).toBe(403);
    expect((await fk.get('/api/mediators')).statusCode).toBe(200);
    expect((await board.get('/api/mediators')).statusCode).toBe(403);
    expect((await board.get(`/api/mediators/${m.id}`)).statusCode).toBe(403);
    expect((await board.get('/api/mediator-bookings')).statusCode).toBe(403);
    expect(
      (await board.post('/api/mediator-bookings', { mediatorId: m.id, ...slot('08:00', '09:00') }))
        .statusCode,
    ).toBe(403);
    expect(
      (await coordinator.post('/api/mediator-bookings', { mediatorId: m.id, ...slot('08:00', '09:00') }))
        .statusCode,
    ).toBe(403);
  });

  it('lists paged in German order, filters by language, district, kind and a tolerant name', async () => {
    await lead.post('/api/mediators', {
      name: 'Ömer Yıldız',
      kind: 'staff',
      languages: ['tr', 'ku'],
      districtCodes: ['innenstadt-nord'],
    });
    await lead.post('/api/mediators', { name: 'Oskar Tesfaye', kind: 'volunteer', languages: ['ti'] });
    await lead.post('/api/mediators', {
      name: 'Zeynep Muhammad',
      kind: 'freelance',
      languages: ['ckb', 'ku'],
    });
    const all = (await fk.get('/api/mediators?pageSize=200')).json();
    const names = all.items.map((m: { name: string }) => m.name);
    const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names.indexOf('Ömer Yıldız')).toBeLessThan(names.indexOf('Oskar Tesfaye'));
    const page2 = (await fk.get('/api/mediators?pageSize=2&page=2')).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page2.items.map((m: { name: string }) => m.name)).toEqual(names.slice(2, 4));
    const kurdish = (await fk.get('/api/mediators?language=ku')).json();
    expect(kurdish.items.map((m: { name: string }) => m.name).sort()).toEqual([
      'Zeynep Muhammad',
      'Ömer Yıldız',
    ]);
    const district = (await fk.get('/api/mediators?districtCode=innenstadt-nord')).json();
    expect(district.items.map((m: { name: string }) => m.name)).toEqual(['Ömer Yıldız']);
    const volunteers = (await fk.get('/api/mediators?kind=volunteer&q=tesfay')).json();
    expect(volunteers.items.map((m: { name: string }) => m.name)).toEqual(['Oskar Tesfaye']);
    const tolerant = (await fk.get(`/api/mediators?q=${encodeURIComponent('Mohammed')}`)).json();
    expect(tolerant.items.map((m: { name: string }) => m.name)).toContain('Zeynep Muhammad');
    const hassan = (await fk.get(`/api/mediators?q=${encodeURIComponent('Alhasan')}`)).json();
    expect(hassan.total).toBeGreaterThan(0);
    expect(hassan.items.every((m: { name: string }) => m.name.includes('Al-Hassan'))).toBe(true);
    const desc = (await fk.get('/api/mediators?sort=-name&pageSize=200')).json();
    expect(desc.items.map((m: { name: string }) => m.name)).toEqual([...names].reverse());
    expect(paths(await fk.get('/api/mediators?language=xx'))).toEqual(['language']);
  });
});

describe('booking', () => {
  it('refuses bad input naming the field', async () => {
    const m = await mediator({ languages: ['ar', 'fr'] });
    const order = await fk.post('/api/mediator-bookings', { mediatorId: m.id, ...slot('10:00', '09:00') });
    expect(order.statusCode).toBe(400);
    expect(paths(order)).toEqual(['to']);
    const notSpoken = await fk.post('/api/mediator-bookings', {
      mediatorId: m.id,
      ...slot('09:00', '10:00'),
      language: 'ti',
    });
    expect(notSpoken.statusCode).toBe(400);
    expect(paths(notSpoken)).toEqual(['language']);
    const unknown = await fk.post('/api/mediator-bookings', {
      mediatorId: m.id,
      ...slot('09:00', '10:00'),
      language: 'xx',
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['language']);
    const noMediator = await fk.post('/api/mediator-bookings', {
      mediatorId: '00000000-0000-4000-8000-000000000000',
      ...slot('09:00', '10:00'),
    });
    expect(noMediator.statusCode).toBe(400);
    expect(paths(noMediator)).toEqual(['mediatorId']);
    const far = await fk.post('/api/mediator-bookings', {
      mediatorId: m.id,
      ...slot('09:00', '10:00'),
      date: '2099-01-01',
    });
    expect(paths(far)).toEqual(['date']);
    const badTime = await fk.post('/api/mediator-bookings', { mediatorId: m.id, ...slot('9:00', '25:00') });
    expect(paths(badTime).sort()).toEqual(['from', 'to']);
    const count = await rowsOf(
      sql`select count(*)::int as n from mediator_bookings where mediator_id = ${m.id}`,
    );
    expect(count[0].n).toBe(0);
  });

  it('refuses a double booking with 409, also when two arrive at once', async () => {
    const m = await mediator();
    const first = await fk.post('/api/mediator-bookings', { mediatorId: m.id, ...slot('10:00', '11:00') });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'requested',
      siteId: site('BA'),
      from: '10:00',
      to: '11:00',
    });
    const overlap = await lead.post('/api/mediator-bookings', {
      mediatorId: m.id,
      ...slot('10:30', '12:00'),
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.details[0]).toMatchObject({ path: 'mediatorId' });
    // touching ends are fine
    expect(
      (await fk.post('/api/mediator-bookings', { mediatorId: m.id, ...slot('11:00', '12:00') })).statusCode,
    ).toBe(201);

    const m2 = await mediator();
    const both = await Promise.all([
      fk.post('/api/mediator-bookings', { mediatorId: m2.id, ...slot('14:00', '15:00') }),
      lead.post('/api/mediator-bookings', { mediatorId: m2.id, ...slot('14:30', '15:30') }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await rowsOf(
      sql`select count(*)::int as n from mediator_bookings where mediator_id = ${m2.id}`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('offers the free mediators who speak the language and whose plan covers the time', async () => {
    const planned = await mediator({
      name: 'Plan Montag',
      availability: [{ weekday: 1, from: '08:00', to: '16:00' }],
    });
    const tuesday = await mediator({
      name: 'Plan Dienstag',
      availability: [{ weekday: 2, from: '08:00', to: '16:00' }],
    });
    const open = await mediator({ name: 'Nach Vereinbarung' });
    const booked = await mediator({ name: 'Schon gebucht' });
    const inactive = await mediator({ name: 'Inaktiv' });
    await lead.patch(`/api/mediators/${inactive.id}`, { active: false });
    const french = await mediator({ name: 'Nur Französisch', languages: ['fr'] });
    expect(
      (await fk.post('/api/mediator-bookings', { mediatorId: booked.id, ...slot('09:00', '10:00') }))
        .statusCode,
    ).toBe(201);
    const res = await fk.get(`/api/mediators/available?language=ar&date=${monday}&from=09:30&to=10:30`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { id: string; availableByPlan: boolean }[];
    const ids = list.map((m) => m.id);
    expect(ids).toContain(planned.id);
    expect(ids).toContain(open.id);
    for (const id of [tuesday.id, booked.id, inactive.id, french.id]) expect(ids).not.toContain(id);
    expect(list.find((m) => m.id === planned.id)?.availableByPlan).toBe(true);
    expect(list.find((m) => m.id === open.id)?.availableByPlan).toBe(false);
    // ranked: covered by plan before "by arrangement"
    const lastPlanned = list.map((m) => m.availableByPlan).lastIndexOf(true);
    const firstOpen = list.map((m) => m.availableByPlan).indexOf(false);
    expect(lastPlanned).toBeLessThan(firstOpen);
    // touching ends do not overlap
    const later = await fk.get(`/api/mediators/available?language=ar&date=${monday}&from=10:00&to=10:30`);
    expect(later.json().map((m: { id: string }) => m.id)).toContain(booked.id);
    expect(
      paths(await fk.get(`/api/mediators/available?language=xx&date=${monday}&from=09:00&to=10:00`)),
    ).toEqual(['language']);
    expect(
      paths(await fk.get(`/api/mediators/available?language=ar&date=${monday}&from=11:00&to=10:00`)),
    ).toEqual(['to']);
  });

  it('takes the site of the household or appointment; another site’s household or booking is a 404', async () => {
    const m = await mediator();
    const h = await household();
    const appt = await fk.post(`/api/households/${h.id}/appointments`, {
      date: monday,
      startTime: '16:00',
      durationMinutes: 60,
      languageNeeded: 'ar',
    });
    expect(appt.statusCode, appt.body).toBe(201);
    const byAppt = await fk.post('/api/mediator-bookings', {
      mediatorId: m.id,
      ...slot('16:00', '17:00'),
      appointmentId: appt.json().id,
    });
    expect(byAppt.statusCode, byAppt.body).toBe(201);
    expect(byAppt.json()).toMatchObject({ householdId: h.id, caseNumber: h.caseNumber, siteId: site('BA') });

    const hMh = await household(fkMh, 'MH');
    const foreign = await fk.post('/api/mediator-bookings', {
      mediatorId: m.id,
      ...slot('07:00', '08:00'),
      householdId: hMh.id,
    });
    expect(foreign.statusCode).toBe(404);
    const foreignAppt = await fk.post('/api/mediator-bookings', {
      mediatorId: m.id,
      ...slot('07:00', '08:00'),
      appointmentId: randomUUID(),
    });
    expect(foreignAppt.statusCode).toBe(404);
    const mhBooking = await fkMh.post('/api/mediator-bookings', {
      mediatorId: m.id,
      ...slot('07:00', '08:00'),
      householdId: hMh.id,
    });
    expect(mhBooking.statusCode, mhBooking.body).toBe(201);
    expect(mhBooking.json().siteId).toBe(site('MH'));
    expect(
      (await fk.patch(`/api/mediator-bookings/${mhBooking.json().id}`, { status: 'confirmed' })).statusCode,
    ).toBe(404);
    const baList = (await fk.get('/api/mediator-bookings?pageSize=200')).json();
    expect(baList.items.every((b: { siteId: string }) => b.siteId === site('BA'))).toBe(true);
    const all = (await central.get(`/api/mediator-bookings?mediatorId=${m.id}`)).json();
    expect(all.total).toBe(2);
    // central sees bookings of all sites, but no case numbers
    expect(all.items.every((b: { caseNumber: string | null }) => b.caseNumber === null)).toBe(true);
    expect((await fk.get(`/api/mediator-bookings?siteId=${site('MH')}`)).statusCode).toBe(403);
    expect((await fk.get(`/api/mediator-bookings?householdId=${hMh.id}`)).statusCode).toBe(404);
    const mine = (await fk.get(`/api/mediator-bookings?householdId=${h.id}`)).json();
    expect(mine.items.map((b: { id: string }) => b.id)).toEqual([byAppt.json().id]);
  });

  it('moves through the statuses; done needs hours and keeps the cost', async () => {
    const m = await mediator({ rate: 42.5 });
    const h = await household();
    const b = (
      await fk.post('/api/mediator-bookings', {
        mediatorId: m.id,
        ...slot('12:00', '13:30'),
        householdId: h.id,
      })
    ).json();
    expect(await bookingForContact(t.db, { householdId: h.id, date: monday })).toBeNull();
    const confirmed = await fk.patch(`/api/mediator-bookings/${b.id}`, { status: 'confirmed' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await bookingForContact(t.db, { householdId: h.id, date: monday })).toEqual({
      mediatorId: m.id,
      mediatorName: m.name,
      language: 'ar',
    });
    const noHours = await fk.patch(`/api/mediator-bookings/${b.id}`, { status: 'done' });
    expect(noHours.statusCode).toBe(400);
    expect(paths(noHours)).toEqual(['hours']);
    expect(
      paths(await fk.patch(`/api/mediator-bookings/${b.id}`, { status: 'cancelled', hours: 1 })),
    ).toEqual(['hours']);
    expect(paths(await fk.patch(`/api/mediator-bookings/${b.id}`, { status: 'done', hours: -1 }))).toEqual([
      'hours',
    ]);
    const done = await fk.patch(`/api/mediator-bookings/${b.id}`, { status: 'done', hours: 1.5 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', hours: 1.5, costCents: 6375 });
    // a later rate change does not rewrite the cost
    await lead.patch(`/api/mediators/${m.id}`, { rate: 60 });
    const list = (await fk.get(`/api/mediator-bookings?mediatorId=${m.id}&status=done`)).json();
    expect(list.items[0]).toMatchObject({ id: b.id, costCents: 6375 });
    const back = await fk.patch(`/api/mediator-bookings/${b.id}`, { status: 'requested' });
    expect(back.statusCode).toBe(409);
    expect(paths(back)).toEqual(['status']);

    const c = (
      await fk.post('/api/mediator-bookings', { mediatorId: m.id, ...slot('15:00', '16:00') })
    ).json();
    expect((await fk.patch(`/api/mediator-bookings/${c.id}`, { status: 'cancelled' })).json().status).toBe(
      'cancelled',
    );
    // the cancelled time is free again
    expect(
      (await fk.post('/api/mediator-bookings', { mediatorId: m.id, ...slot('15:00', '16:00') })).statusCode,
    ).toBe(201);
    expect((await fk.patch(`/api/mediator-bookings/${c.id}`, { status: 'confirmed' })).statusCode).toBe(409);
  });

  it('a contact logged on the day of a confirmed booking carries the mediation', async () => {
    const m = await mediator();
    const h = await household();
    const contact = {
      contactType: 'sprechstunde',
      durationMinutes: 45,
      reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
    };
    const b = await fk.post('/api/mediator-bookings', {
      mediatorId: m.id,
      language: 'ar',
      date: today,
      from: '07:00',
      to: '08:00',
      householdId: h.id,
    });
    expect(b.statusCode, b.body).toBe(201);
    // only requested: the contact has no mediation
    const before = await fk.post(`/api/households/${h.id}/contacts`, { ...contact, date: today });
    expect(before.json()).toMatchObject({ mediationLanguage: null, mediatorName: null, mediatorId: null });
    expect(
      (await fk.patch(`/api/mediator-bookings/${b.json().id}`, { status: 'confirmed' })).statusCode,
    ).toBe(200);
    const logged = await fk.post(`/api/households/${h.id}/contacts`, { ...contact, date: today });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({ mediationLanguage: 'ar', mediatorName: m.name, mediatorId: m.id });
    const listed = (await fk.get(`/api/households/${h.id}/contacts`)).json();
    expect(listed.items.find((c: { id: string }) => c.id === logged.json().id).mediatorId).toBe(m.id);
    // another day has no booking; a mediation the caseworker names is kept as given
    const otherDay = await fk.post(`/api/households/${h.id}/contacts`, {
      ...contact,
      date: addDays(today, -1),
    });
    expect(otherDay.json()).toMatchObject({ mediationLanguage: null, mediatorId: null });
    const named = await fk.post(`/api/households/${h.id}/contacts`, {
      ...contact,
      date: today,
      mediationLanguage: 'fa',
      mediatorName: 'Herr Rahimi',
    });
    expect(named.json()).toMatchObject({
      mediationLanguage: 'fa',
      mediatorName: 'Herr Rahimi',
      mediatorId: null,
    });
  });
});

describe('figures', () => {
  it('match plain SQL and contain no names', async () => {
    const m = await mediator({ languages: ['uk', 'ru'], rate: 30 });
    const past = addDays(today, -10);
    // bookings in the past are recorded after the fact
    const mk = async (client: Client, language: string, from: string, to: string, date = past) =>
      (await client.post('/api/mediator-bookings', { mediatorId: m.id, language, date, from, to })).json();
    const a = await mk(fk, 'uk', '08:00', '09:00');
    const b = await mk(fk, 'uk', '09:00', '10:00');
    await mk(fk, 'ru', '10:00', '11:00');
    const d = await mk(leadMh, 'ru', '11:00', '12:00');
    await fk.patch(`/api/mediator-bookings/${a.id}`, { status: 'done', hours: 2 });
    await fk.patch(`/api/mediator-bookings/${b.id}`, { status: 'noShow' });
    await leadMh.patch(`/api/mediator-bookings/${d.id}`, { status: 'cancelled' });

    const res = await central.get(
      `/api/mediators/figures?from=${addDays(today, -400)}&to=${addDays(today, 400)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    const q = rowsOf;
    const demand = await q(sql`select to_char(date, 'YYYY-MM') as month, language, count(*)::int as bookings
      from mediator_bookings group by 1, 2 order by 1, 2`);
    expect(f.demand).toEqual(demand);
    const perSite = await q(sql`select site_id as "siteId", count(*)::int as bookings,
      count(*) filter (where status = 'done')::int as done,
      coalesce(sum(hours) filter (where status = 'done'), 0)::float as hours,
      coalesce(sum(cost_cents) filter (where status = 'done'), 0)::int as "costCents"
      from mediator_bookings group by site_id`);
    for (const row of perSite) expect(f.perSite).toContainEqual(row);
    const ba = f.perSite.find((s: { siteId: string }) => s.siteId === site('BA'));
    expect(ba.hours).toBeGreaterThanOrEqual(2);
    const notServed =
      await q(sql`select language, count(*) filter (where status = 'cancelled')::int as cancelled,
      count(*) filter (where status = 'noShow')::int as "noShow",
      count(*) filter (where status = 'requested' and date < ${today}::date)::int as "neverConfirmed"
      from mediator_bookings group by language order by language`);
    expect(f.notServed).toEqual(
      notServed.filter((r) => Number(r.cancelled) + Number(r.noShow) + Number(r.neverConfirmed) > 0),
    );
    expect(f.notServed.find((r: { language: string }) => r.language === 'ru')).toMatchObject({
      cancelled: 1,
      neverConfirmed: 1,
    });
    expect(res.body).not.toContain(m.name);

    // a site lead sees their own sites only; the board may read the aggregates
    const own = (await lead.get('/api/mediators/figures')).json();
    expect(own.siteIds).toEqual([site('BA')]);
    expect((await lead.get(`/api/mediators/figures?siteIds=${site('MH')}`)).statusCode).toBe(403);
    expect((await board.get('/api/mediators/figures')).statusCode).toBe(200);
    expect((await fk.get('/api/mediators/figures')).statusCode).toBe(403);
  });
});
