import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUps, volunteerAssignments, volunteers } from '../../src/server/db/schema/index.js';
import { addMonths, todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let coord: Client; // ehrenamt, volunteer coordinator BA
let fk: Client; // caseworker BA
let board: Client;
let central: Client;
let coordMh: Client;
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;
const today = todayBerlin();
const year = Number(today.slice(0, 4));
const paths = (res: { json(): { error: { details: { path: string }[] } } }) =>
  res.json().error.details.map((d) => d.path);

let n = 0;
async function volunteer(body: Record<string, unknown> = {}, client = coord) {
  n++;
  const res = await client.post('/api/volunteers', {
    firstName: 'Lena',
    lastName: `Vogt${n}`,
    languages: ['de'],
    districtCodes: ['eving'],
    status: 'active',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; siteId: string };
}

async function household(volunteerContact: boolean) {
  const res = await fk.post('/api/households', {
    siteId: site('BA'),
    category: 'refugee',
    registeredOn: '2024-02-01',
    languages: ['ar'],
    members: [
      { firstName: 'Rania', lastName: 'Haddad', birthYear: 1990, roleInHousehold: 'head', languages: ['ar'] },
      { firstName: 'Omar', lastName: 'Haddad', birthYear: 2015, roleInHousehold: 'child' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const h = res.json() as { id: string; caseNumber: string };
  await fk.post(`/api/households/${h.id}/needs`, {
    assessedOn: '2024-02-10',
    lifeArea: 'wohnen',
    level: 3,
    obstacles: [],
    goals: 'Geheimes Fallziel',
  });
  const consent = await fk.post(`/api/households/${h.id}/consents`, {
    givenOn: '2024-02-01',
    volunteerContact,
  });
  expect(consent.statusCode, consent.body).toBe(201);
  expect(consent.json().volunteerContact).toBe(volunteerContact);
  return h;
}

beforeAll(async () => {
  t = await createTestApp();
  coord = await t.login('ehrenamt');
  fk = await t.login('fachkraft.ba');
  board = await t.login('beirat');
  central = await t.login('zentrale');
  const admin = await t.login('admin');
  sites = (await coord.get('/api/sites')).json();
  coordMh = await t.createUser(admin, {
    username: 'ehrenamt.mh',
    displayName: 'Ehrenamt MH',
    role: 'volunteerCoordinator',
    siteIds: [site('MH')],
  });
});
afterAll(() => t.close());

describe('volunteers CRUD', () => {
  it('creates, reads, patches and lists with German name order and tolerant search', async () => {
    const v = await volunteer({
      firstName: 'Mohammed',
      lastName: 'Özdemir',
      email: 'm.oezdemir@example.org',
      phone: '+49 231 1234567',
      skills: ['Kochen'],
      interests: ['wohnen'],
      availability: [{ weekday: 2, from: '16:00', to: '18:00' }],
      source: 'event',
      hasRefugeeBackground: true,
      consentGivenOn: '2024-01-10',
    });
    expect(v.siteId).toBe(site('BA'));
    const got = await coord.get(`/api/volunteers/${v.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ lastName: 'Özdemir', conduct: { state: 'missing' }, checks: [] });
    const patched = await coord.patch(`/api/volunteers/${v.id}`, {
      status: 'paused',
      note: 'ruft abends an',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'paused', firstName: 'Mohammed' });
    await volunteer({ lastName: 'Zander' });
    await volunteer({ lastName: 'Ahrens' });
    const list = await coord.get('/api/volunteers?pageSize=200');
    const names = list.json().items.map((i: { lastName: string }) => i.lastName);
    expect(names.indexOf('Ahrens')).toBeLessThan(names.indexOf('Özdemir'));
    expect(names.indexOf('Özdemir')).toBeLessThan(names.indexOf('Zander'));
    const found = await coord.get('/api/volunteers?q=Muhamad');
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(v.id);
    const paused = await coord.get('/api/volunteers?status=paused');
    expect(paused.json().total).toBe(1);
    const page = await coord.get('/api/volunteers?pageSize=1&page=2&sort=-name');
    expect(page.json()).toMatchObject({ page: 2, pageSize: 1, items: [expect.any(Object)] });
  });

  it('answers 400 naming the fields', async () => {
    const res = await coord.post('/api/volunteers', {
      firstName: 'Ab',
      lastName: '',
      email: 'not-an-email',
      phone: 'call me',
      languages: ['xx'],
      status: 'active',
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['lastName', 'email', 'phone']);
    const control = await coord.post('/api/volunteers', { firstName: 'Ab\u0007c', lastName: 'B' });
    expect(paths(control)).toEqual(['firstName']);
    const codes = await coord.post('/api/volunteers', {
      firstName: 'A',
      lastName: 'B',
      languages: ['xx'],
      districtCodes: ['nowhere'],
    });
    expect(codes.statusCode).toBe(400);
    expect(paths(codes)).toEqual(['languages.0']);
    const district = await coord.post('/api/volunteers', {
      firstName: 'A',
      lastName: 'B',
      districtCodes: ['x'],
    });
    expect(paths(district)).toEqual(['districtCodes.0']);
    const slot = await coord.post('/api/volunteers', {
      firstName: 'A',
      lastName: 'B',
      availability: [{ weekday: 8, from: '18:00', to: '17:00' }],
    });
    expect(paths(slot)).toEqual(expect.arrayContaining(['availability.0.weekday']));
    const future = await coord.post('/api/volunteers', {
      firstName: 'A',
      lastName: 'B',
      consentGivenOn: '2099-01-01',
    });
    expect(paths(future)).toEqual(['consentGivenOn']);
    const empty = await coord.patch(`/api/volunteers/${(await volunteer()).id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it('keeps volunteers to their site: another site 404, caseworker and board 403', async () => {
    const v = await volunteer();
    expect((await coordMh.get(`/api/volunteers/${v.id}`)).statusCode).toBe(404);
    expect((await coordMh.patch(`/api/volunteers/${v.id}`, { status: 'left' })).statusCode).toBe(404);
    expect((await coordMh.get('/api/volunteers')).json().total).toBe(0);
    expect((await fk.post('/api/volunteers', { firstName: 'A', lastName: 'B' })).statusCode).toBe(403);
    expect((await fk.patch(`/api/volunteers/${v.id}`, { status: 'left' })).statusCode).toBe(403);
    expect((await board.get('/api/volunteers')).statusCode).toBe(403);
    expect((await board.get(`/api/volunteers/${v.id}`)).statusCode).toBe(403);
    // central sees all sites but must name one when creating
    expect((await central.get(`/api/volunteers/${v.id}`)).statusCode).toBe(200);
    const noSite = await central.post('/api/volunteers', { firstName: 'A', lastName: 'B' });
    expect(paths(noSite)).toEqual(['siteId']);
    const mh = await central.post('/api/volunteers', { firstName: 'A', lastName: 'B', siteId: site('MH') });
    expect(mh.statusCode).toBe(201);
    const notMine = await coord.post('/api/volunteers', {
      firstName: 'A',
      lastName: 'B',
      siteId: site('MH'),
    });
    expect(paths(notMine)).toEqual(['siteId']);
  });
});

describe('checks', () => {
  it('records a certificate of conduct with a re-check follow-up, valid for five years', async () => {
    const v = await volunteer();
    const date = addMonths(today, -2);
    const res = await coord.post(`/api/volunteers/${v.id}/checks`, { kind: 'certificateOfConduct', date });
    expect(res.statusCode, res.body).toBe(201);
    const check = res.json();
    expect(check.validUntil).toBe(addMonths(date, 60));
    const [f] = await t.db.select().from(followUps).where(eq(followUps.id, check.followUpId));
    expect(f).toMatchObject({
      kind: 'volunteerRecheck',
      householdId: null,
      siteId: site('BA'),
      assigneeId: coord.user.id,
      dueOn: addMonths(check.validUntil, -1),
      text: 'Führungszeugnis erneut vorlegen lassen',
    });
    expect((await coord.get(`/api/volunteers/${v.id}`)).json().conduct).toEqual({
      state: 'valid',
      validUntil: check.validUntil,
    });
    // a newer certificate closes the older reminder
    const again = await coord.post(`/api/volunteers/${v.id}/checks`, {
      kind: 'certificateOfConduct',
      date: today,
    });
    const [old] = await t.db.select().from(followUps).where(eq(followUps.id, check.followUpId));
    expect(old.doneAt).not.toBeNull();
    expect(again.json().followUpId).not.toBe(check.followUpId);
  });

  it('shows an overdue certificate; other kinds bring no reminder; bad input 400', async () => {
    const v = await volunteer();
    await coord.post(`/api/volunteers/${v.id}/checks`, {
      kind: 'certificateOfConduct',
      date: '2018-03-01',
    });
    expect((await coord.get(`/api/volunteers/${v.id}`)).json().conduct.state).toBe('overdue');
    const start = (await coord.get('/api/volunteers/start')).json();
    expect(start.checksDue.map((c: { id: string }) => c.id)).toContain(v.id);
    const pledge = await coord.post(`/api/volunteers/${v.id}/checks`, {
      kind: 'confidentialityPledge',
      date: today,
    });
    expect(pledge.json()).toMatchObject({ validUntil: null, followUpId: null });
    const bad = await coord.post(`/api/volunteers/${v.id}/checks`, { kind: 'x', date: '2099-01-01' });
    expect(paths(bad)).toEqual(['kind']);
    const future = await coord.post(`/api/volunteers/${v.id}/checks`, {
      kind: 'training',
      date: '2099-01-01',
    });
    expect(paths(future)).toEqual(['date']);
    const before = await coord.post(`/api/volunteers/${v.id}/checks`, {
      kind: 'training',
      date: today,
      validUntil: '2020-01-01',
    });
    expect(paths(before)).toEqual(['validUntil']);
    expect(
      (await coordMh.post(`/api/volunteers/${v.id}/checks`, { kind: 'training', date: today })).statusCode,
    ).toBe(404);
  });

  it('takes the validity from QUARTIER_CONDUCT_RECHECK_YEARS', async () => {
    const other = await createTestApp({ env: { QUARTIER_CONDUCT_RECHECK_YEARS: '3' } });
    try {
      const c = await other.login('ehrenamt');
      const v = (await c.post('/api/volunteers', { firstName: 'A', lastName: 'B' })).json();
      const res = await c.post(`/api/volunteers/${v.id}/checks`, {
        kind: 'certificateOfConduct',
        date: today,
      });
      expect(res.json().validUntil).toBe(addMonths(today, 36));
    } finally {
      await other.close();
    }
  });
});

describe('assignments', () => {
  it('refuses a household without volunteer consent with 409 and writes nothing', async () => {
    const v = await volunteer();
    const h = await household(false);
    const count = async () =>
      (await t.db.select({ n: sql<number>`count(*)::int` }).from(volunteerAssignments))[0].n;
    const before = await count();
    const res = await coord.post(`/api/volunteers/${v.id}/assignments`, {
      householdId: h.id,
      startsOn: today,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(paths(res)).toEqual(['householdId']);
    expect(await count()).toBe(before);
    const lookup = await coord.get(`/api/volunteers/household-lookup?caseNumber=${h.caseNumber}`);
    expect(lookup.statusCode).toBe(409);
  });

  it('assigns with consent and shows only the released fields', async () => {
    const v = await volunteer();
    const h = await household(true);
    const lookup = await coord.get(
      `/api/volunteers/household-lookup?caseNumber=${h.caseNumber.toLowerCase()}`,
    );
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json()).toEqual({
      householdId: h.id,
      caseNumber: h.caseNumber,
      released: true,
      contactName: 'Rania Haddad',
      phone: null,
      languages: ['ar'],
    });
    const res = await coord.post(`/api/volunteers/${v.id}/assignments`, {
      householdId: h.id,
      startsOn: today,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'mentorship', status: 'active', household: lookup.json() });
    const detail = (await coord.get(`/api/volunteers/${v.id}`)).body;
    expect(detail).toContain('Rania Haddad');
    for (const hidden of ['Omar', 'Geheimes Fallziel', 'needs', 'lifeArea', 'birthYear', 'obstacles'])
      expect(detail).not.toContain(hidden);
  });

  it('needs exactly one target, a known one, of the volunteer site, with a sane period', async () => {
    const v = await volunteer();
    const h = await household(true);
    const none = await coord.post(`/api/volunteers/${v.id}/assignments`, { startsOn: today });
    expect(paths(none)).toEqual(['householdId']);
    const two = await coord.post(`/api/volunteers/${v.id}/assignments`, {
      householdId: h.id,
      eventId: h.id,
      startsOn: today,
    });
    expect(paths(two)).toEqual(['eventId']);
    const offer = await coord.post(`/api/volunteers/${v.id}/assignments`, { offerId: h.id, startsOn: today });
    expect(paths(offer)).toEqual(['offerId']);
    const period = await coord.post(`/api/volunteers/${v.id}/assignments`, {
      householdId: h.id,
      startsOn: today,
      endsOn: '2020-01-01',
    });
    expect(paths(period)).toEqual(['endsOn']);
    const mhVolunteer = (await coordMh.post('/api/volunteers', { firstName: 'A', lastName: 'B' })).json();
    const foreign = await coordMh.post(`/api/volunteers/${mhVolunteer.id}/assignments`, {
      householdId: h.id,
      startsOn: today,
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (await coordMh.get(`/api/volunteers/household-lookup?caseNumber=${h.caseNumber}`)).statusCode,
    ).toBe(404);
  });

  it('lets a caseworker propose and the coordinator confirm', async () => {
    const v = await volunteer();
    const noConsent = await household(false);
    const refused = await fk.post(`/api/households/${noConsent.id}/volunteer-proposals`, {
      volunteerId: v.id,
    });
    expect(refused.statusCode).toBe(409);
    const h = await household(true);
    expect(
      (await coord.post(`/api/households/${h.id}/volunteer-proposals`, { volunteerId: v.id })).statusCode,
    ).toBe(403);
    const unknown = await fk.post(`/api/households/${h.id}/volunteer-proposals`, { volunteerId: h.id });
    expect(paths(unknown)).toEqual(['volunteerId']);
    const res = await fk.post(`/api/households/${h.id}/volunteer-proposals`, {
      volunteerId: v.id,
      note: 'Patin',
    });
    expect(res.statusCode, res.body).toBe(201);
    const proposal = res.json();
    expect(proposal.status).toBe('proposed');
    const start = (await coord.get('/api/volunteers/start')).json();
    expect(start.proposals.map((p: { id: string }) => p.id)).toContain(proposal.id);
    const url = `/api/volunteers/${v.id}/assignments/${proposal.id}`;
    const ok = await coord.patch(url, { status: 'active' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('active');
    expect((await coord.patch(url, { status: 'active' })).statusCode).toBe(409);
    const ended = await coord.patch(url, { status: 'ended', endsOn: today });
    expect(ended.json()).toMatchObject({ status: 'ended', endsOn: today });
    expect((await coordMh.patch(url, { status: 'ended' })).statusCode).toBe(404);
  });
});

describe('hours and certificate', () => {
  it('logs hours, sums them per year and kind, and prints the certificate totals', async () => {
    const v = await volunteer();
    const h = await household(true);
    const a = (
      await coord.post(`/api/volunteers/${v.id}/assignments`, {
        householdId: h.id,
        startsOn: `${year}-01-02`,
      })
    ).json();
    for (const [date, hours, assignmentId] of [
      [`${year}-01-05`, 2.5, a.id],
      [`${year}-01-12`, 1.25, a.id],
      [`${year}-01-13`, 3, undefined],
      [`${year - 1}-12-30`, 4, undefined],
    ] as const) {
      const res = await coord.post(`/api/volunteers/${v.id}/hours`, { date, hours, assignmentId });
      expect(res.statusCode, res.body).toBe(201);
    }
    const got = (await coord.get(`/api/volunteers/${v.id}/hours?year=${year}`)).json();
    expect(got.total).toBe(6.75);
    expect(got.byKind).toEqual([
      { kind: 'mentorship', hours: 3.75 },
      { kind: null, hours: 3 },
    ]);
    const cert = (await coord.get(`/api/volunteers/${v.id}/certificate?year=${year}`)).json();
    expect(cert).toMatchObject({ year, total: 6.75, firstActiveOn: `${year}-01-02` });
    expect(cert.siteName).toBeTruthy();
    const last = (await coord.get(`/api/volunteers/${v.id}/hours?year=${year - 1}`)).json();
    expect(last.total).toBe(4);
  });

  it('refuses bad hours with 400 naming the field', async () => {
    const v = await volunteer();
    const other = await volunteer();
    const h = await household(true);
    const a = (
      await coord.post(`/api/volunteers/${other.id}/assignments`, { householdId: h.id, startsOn: today })
    ).json();
    expect(paths(await coord.post(`/api/volunteers/${v.id}/hours`, { date: today, hours: 0.1 }))).toEqual([
      'hours',
    ]);
    expect(paths(await coord.post(`/api/volunteers/${v.id}/hours`, { date: today, hours: 25 }))).toEqual([
      'hours',
    ]);
    expect(
      paths(await coord.post(`/api/volunteers/${v.id}/hours`, { date: '2099-01-01', hours: 1 })),
    ).toEqual(['date']);
    const foreign = await coord.post(`/api/volunteers/${v.id}/hours`, {
      date: today,
      hours: 1,
      assignmentId: a.id,
    });
    expect(paths(foreign)).toEqual(['assignmentId']);
  });
});

describe('matching', () => {
  it('ranks the Arabic speaker of the district first, certified before uncertified', async () => {
    await t.db.update(volunteers).set({ status: 'left' });
    const germanHere = await volunteer({
      firstName: 'Anna',
      languages: ['de'],
      districtCodes: ['scharnhorst'],
    });
    const arabicElsewhere = await volunteer({
      firstName: 'Karim',
      languages: ['ar', 'de'],
      districtCodes: ['eving'],
    });
    const arabicHere = await volunteer({
      firstName: 'Samira',
      languages: ['ar', 'de'],
      districtCodes: ['scharnhorst'],
      availability: [{ weekday: 3, from: '10:00', to: '12:00' }],
    });
    const arabicHereNoCert = await volunteer({
      firstName: 'Yara',
      languages: ['ar'],
      districtCodes: ['scharnhorst'],
    });
    await volunteer({
      firstName: 'Paul',
      languages: ['ar'],
      districtCodes: ['scharnhorst'],
      status: 'interested',
    });
    for (const v of [germanHere, arabicElsewhere, arabicHere])
      await coord.post(`/api/volunteers/${v.id}/checks`, { kind: 'certificateOfConduct', date: today });
    const res = await coord.get('/api/volunteers/match?language=ar&districtCode=scharnhorst&weekday=3');
    expect(res.statusCode, res.body).toBe(200);
    const ranked = res.json() as { volunteerId: string; score: number; reasons: string[] }[];
    expect(ranked.map((r) => r.volunteerId)).toEqual([
      arabicHere.id,
      arabicHereNoCert.id,
      arabicElsewhere.id,
      germanHere.id,
    ]);
    expect(ranked[0].reasons).toEqual(['language', 'district', 'availability', 'certificate']);
    expect((await coordMh.get('/api/volunteers/match?language=ar')).json()).toEqual([]);
    const bad = await coord.get('/api/volunteers/match?language=xx&districtCode=nowhere');
    expect(bad.statusCode).toBe(400);
    expect((await fk.get('/api/volunteers/match?language=ar')).statusCode).toBe(403);
  });
});
