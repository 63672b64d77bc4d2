import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { todayBerlin } from '../../src/shared/dates.js';
import { can, type Permission, type Role } from '../../src/shared/permissions.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Need-to-know per site: for every case route, users of another site get 404 (or an empty list where
 * the route has no id) and not a single personal detail of the household; roles without case work get
 * 403. The walk covers every route registered under the case prefixes, so a new route without an
 * entry in `cases` fails this test until someone decides what another site must see.
 */

let t: TestApp;
let fk: Client;
const today = todayBerlin();
const prefixes = [
  '/api/households',
  '/api/persons',
  '/api/followups',
  '/api/appointments',
  '/api/contacts',
  '/api/my-day',
];
const names = ['Zainab', 'Qaradaghi', 'Yousef', 'Original-Skript-Name'];

interface Fixture {
  ba: string;
  mh: string;
  householdId: string;
  caseNumber: string;
  personId: string;
  mhHouseholdId: string;
  followUpId: string;
  appointmentId: string;
  sub: Record<'consents' | 'referrals' | 'caseplans' | 'contacts' | 'needs' | 'appointments', string>;
}
let fx: Fixture;

type Expect = 'notFound' | 'empty' | 'refused';
interface Case {
  query?: string;
  payload?: unknown;
  /** notFound: 404; empty: 200 without any case data; refused: 400 on the foreign site id (or `field`) */
  expect: Expect;
  field?: string;
}

const member = { firstName: 'Test', lastName: 'Person', birthYear: 2000 };
const contact = {
  date: today,
  contactType: 'sprechstunde',
  reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
};

/** What another site's user sends to each route (valid input, so only the scope can refuse it). */
const cases = (): Record<string, Case> => ({
  'GET /api/households': { query: `?siteId=${fx.ba}&q=Qaradaghi`, expect: 'empty' },
  'POST /api/households': {
    payload: { siteId: fx.ba, category: 'refugee', registeredOn: today, members: [member] },
    expect: 'refused',
  },
  'GET /api/households/:id': { expect: 'notFound' },
  'PATCH /api/households/:id': { payload: { status: 'inactive', movedInOn: today }, expect: 'notFound' },
  'POST /api/households/:id/members': { payload: member, expect: 'notFound' },
  'PATCH /api/households/:id/members/:personId': { payload: { firstName: 'X' }, expect: 'notFound' },
  'POST /api/households/:id/members/:personId/move': {
    payload: { toHouseholdId: fx.mhHouseholdId, movedOn: today },
    expect: 'notFound',
  },
  'GET /api/persons/search': { query: '?name=Zainab%20Qaradaghi&birthYear=1991', expect: 'empty' },
  'GET /api/persons/duplicates': { query: '?name=Zainab%20Qaradaghi&birthYear=1991', expect: 'empty' },
  'POST /api/households/:id/contacts': { payload: contact, expect: 'notFound' },
  'GET /api/households/:id/contacts': { expect: 'notFound' },
  'POST /api/contacts/anonymous': { payload: { ...contact, siteId: fx.ba }, expect: 'refused' },
  'POST /api/households/:id/needs': {
    payload: { assessedOn: today, lifeArea: 'wohnen', level: 1 },
    expect: 'notFound',
  },
  'GET /api/households/:id/needs': { expect: 'notFound' },
  'POST /api/households/:id/consents': { payload: { givenOn: today }, expect: 'notFound' },
  'GET /api/households/:id/consents': { expect: 'notFound' },
  'POST /api/households/:id/consents/:subId/withdraw': {
    payload: { withdrawnOn: today },
    expect: 'notFound',
  },
  'POST /api/households/:id/referrals': {
    payload: { date: today, organisation: 'caritas', lifeArea: 'wohnen' },
    expect: 'notFound',
  },
  'GET /api/households/:id/referrals': { expect: 'notFound' },
  'PATCH /api/households/:id/referrals/:subId': { payload: { status: 'declined' }, expect: 'notFound' },
  'POST /api/households/:id/followups': { payload: { dueOn: today, text: 'x' }, expect: 'notFound' },
  'GET /api/households/:id/followups': { expect: 'notFound' },
  'GET /api/followups': { query: '?due=all', expect: 'empty' },
  'PATCH /api/followups/:id': { payload: { done: true }, expect: 'notFound' },
  'POST /api/households/:id/appointments': {
    payload: { date: today, startTime: '09:00' },
    expect: 'notFound',
  },
  'GET /api/households/:id/appointments': { expect: 'notFound' },
  'GET /api/appointments': { query: `?siteId=${fx.ba}&date=${today}`, expect: 'empty' },
  'PATCH /api/appointments/:id': { payload: { note: 'x' }, expect: 'notFound' },
  'POST /api/households/:id/anonymise': { payload: { reason: 'Antrag auf Löschung' }, expect: 'notFound' },
  'POST /api/households/:id/transfers': {
    payload: { toSiteId: fx.mh, transferredOn: today },
    expect: 'notFound',
  },
  'GET /api/households/:id/transfers': { expect: 'notFound' },
  'POST /api/households/:id/caseplans': { payload: { programme: 'KIM' }, expect: 'notFound' },
  'GET /api/households/:id/caseplans': { expect: 'notFound' },
  'PATCH /api/households/:id/caseplans/:subId': { payload: { status: 'closed' }, expect: 'notFound' },
  // corrections and deletions with a reason (corrections.test.ts), restriction (restriction.test.ts)
  'PATCH /api/households/:id/contacts/:subId': { payload: { note: 'x' }, expect: 'notFound' },
  'DELETE /api/households/:id/contacts/:subId': { payload: { reason: 'Irrtum' }, expect: 'notFound' },
  'PATCH /api/households/:id/needs/:subId': { payload: { level: 1 }, expect: 'notFound' },
  'DELETE /api/households/:id/needs/:subId': { payload: { reason: 'Irrtum' }, expect: 'notFound' },
  'DELETE /api/households/:id/referrals/:subId': { payload: { reason: 'Irrtum' }, expect: 'notFound' },
  'PATCH /api/households/:id/appointments/:subId': { payload: { note: 'x' }, expect: 'notFound' },
  'DELETE /api/households/:id/appointments/:subId': { payload: { reason: 'Irrtum' }, expect: 'notFound' },
  'PATCH /api/households/:id/consents/:subId': { payload: { noticeVersion: 'x' }, expect: 'notFound' },
  'DELETE /api/households/:id/consents/:subId': { payload: { reason: 'Irrtum' }, expect: 'notFound' },
  'DELETE /api/households/:id/members/:personId': { payload: { reason: 'Irrtum' }, expect: 'notFound' },
  'POST /api/households/:id/restriction': { payload: { reason: 'Widerspruch' }, expect: 'notFound' },
  'DELETE /api/households/:id/restriction': { payload: { reason: 'Widerspruch' }, expect: 'notFound' },
  'GET /api/my-day': { expect: 'empty' },
  'GET /api/households/:id/access-report': { expect: 'notFound' },
  'GET /api/persons/:id/export': { query: '?format=json', expect: 'notFound' },
  // break-the-glass is meant for another site: with a valid reason it grants (emergency-access.test.ts)
  'POST /api/households/:id/emergency-access': {
    payload: { reason: 'kurz' },
    expect: 'refused',
    field: 'reason',
  },
  'POST /api/households/:id/volunteer-proposals': {
    payload: { volunteerId: '00000000-0000-4000-8000-000000000000' },
    expect: 'notFound',
  },
});

function caseRoutes() {
  return t.app.registeredRoutes
    .filter((r) => prefixes.some((p) => r.url === p || r.url.startsWith(`${p}/`)))
    .flatMap((r) =>
      (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
        method,
        url: r.url,
        permission: (r.config as { permission: Permission }).permission,
      })),
    )
    .filter((r) => r.method !== 'HEAD');
}

/** The route's URL with the ids of the BA household's records. */
function concrete(url: string) {
  const out = url
    .replace(/^\/api\/followups\/:id/, `/api/followups/${fx.followUpId}`)
    .replace(/^\/api\/appointments\/:id/, `/api/appointments/${fx.appointmentId}`)
    .replace(/^\/api\/persons\/:id/, `/api/persons/${fx.personId}`)
    .replace(':id', fx.householdId)
    .replace(':personId', fx.personId)
    .replace(
      /(consents|referrals|caseplans|contacts|needs|appointments)\/:subId/,
      (_, kind: keyof Fixture['sub']) => `${kind}/${fx.sub[kind]}`,
    );
  if (out.includes(':')) throw new Error(`no fixture for a parameter of ${url}`);
  return out;
}

function expectNoPersonalData(body: string, label: string) {
  for (const text of [...names, fx.caseNumber])
    expect(body.includes(text), `${label} leaks ${text}`).toBe(false);
}

/** Every list in the answer is empty; a duplicate hint may name the other site, never a person. */
function expectEmpty(body: unknown, label: string) {
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) {
      if (key === 'otherSites') {
        for (const s of v) expect(Object.keys(s).sort(), label).toEqual(['siteId', 'siteName']);
      } else expect(v, `${label}: ${key}`).toEqual([]);
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(body, 'body');
  if (body && typeof body === 'object' && 'total' in body) expect(body.total, label).toBe(0);
}

async function user(admin: Client, username: string, role: string, siteId: string) {
  const res = await admin.post('/api/users', {
    username,
    displayName: username,
    password: demoPassword,
    role,
    siteIds: [siteId],
  });
  expect(res.statusCode, res.body).toBe(201);
  return t.login(username);
}

/** What BA sees of its household: must be the same after the other site's attempts. */
async function snapshot() {
  const h = `/api/households/${fx.householdId}`;
  const parts = [
    '',
    '/contacts',
    '/needs',
    '/consents',
    '/referrals',
    '/followups',
    '/appointments',
    '/transfers',
    '/caseplans',
  ];
  const out: Record<string, unknown> = {};
  for (const p of parts) {
    const res = await fk.get(`${h}${p}`);
    expect(res.statusCode, p).toBe(200);
    out[p] = res.json();
  }
  return out;
}

/** The answer of a user who may call the route but must not see the BA household: 404 or empty. */
async function expectNothingSeen(client: Client, r: { method: string; url: string }, c: Case, label: string) {
  const res = await client.request(r.method as 'GET', `${concrete(r.url)}${c.query ?? ''}`, c.payload);
  expectNoPersonalData(res.body, label);
  if (c.expect === 'notFound') {
    expect(res.statusCode, `${label}: ${res.body}`).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  } else if (c.expect === 'refused') {
    expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([c.field ?? 'siteId']);
  } else {
    expect(res.statusCode, `${label}: ${res.body}`).toBe(200);
    expectEmpty(res.json(), label);
  }
}

let otherSite: Client[];
let noCaseWork: Client[];

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  const admin = await t.login('admin');
  const sites: { id: string; code: string }[] = (await admin.get('/api/sites')).json();
  const ba = sites.find((s) => s.code === 'BA')!.id;
  const mh = sites.find((s) => s.code === 'MH')!.id;
  const fkMh = await user(admin, 'fachkraft.mh', 'caseworker', mh);
  const leadMh = await user(admin, 'leitung.mh', 'siteLead', mh);
  otherSite = [fkMh, leadMh];
  noCaseWork = [
    admin,
    await t.login('zentrale'),
    await t.login('beirat'),
    await t.login('ehrenamt'),
    await t.login('netzwerk'),
  ];

  const created = await fk.post('/api/households', {
    siteId: ba,
    category: 'refugee',
    registeredOn: '2024-01-15',
    members: [
      {
        firstName: 'Zainab',
        lastName: 'Qaradaghi',
        birthYear: 1991,
        originalScriptName: 'Original-Skript-Name',
        roleInHousehold: 'head',
      },
      { firstName: 'Yousef', lastName: 'Qaradaghi', birthYear: 2016, roleInHousehold: 'child' },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const h = created.json();
  const base = `/api/households/${h.id}`;
  const post = async (url: string, payload: unknown) => {
    const res = await fk.post(url, payload);
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json().id as string;
  };
  const contactId = await post(`${base}/contacts`, { ...contact, note: 'Zainab Qaradaghi braucht Hilfe' });
  const needId = await post(`${base}/needs`, {
    assessedOn: today,
    lifeArea: 'wohnen',
    level: 2,
    goals: 'Wohnung für Zainab',
  });
  const consentId = await post(`${base}/consents`, {
    givenOn: '2024-01-15',
    sharingOrganisationCodes: ['jobcenter'],
  });
  const referralId = await post(`${base}/referrals`, {
    date: today,
    organisation: 'jobcenter',
    lifeArea: 'arbeit-beruf',
    sharesData: true,
  });
  const followUpId = await post(`${base}/followups`, { dueOn: today, text: 'Qaradaghi anrufen' });
  const appointmentId = await post(`${base}/appointments`, {
    date: today,
    startTime: '09:00',
    note: 'Zainab mit Sohn',
  });
  const casePlanId = await post(`${base}/caseplans`, {
    programme: 'KIM',
    goals: [{ text: 'Qaradaghi Kita' }],
  });
  expect((await fk.patch(base, { movedInOn: today })).statusCode).toBe(200); // welcome visit follow-up
  expect((await fk.get(base)).statusCode).toBe(200); // recently opened

  const mhHousehold = await fkMh.post('/api/households', {
    siteId: mh,
    category: 'refugee',
    registeredOn: today,
    members: [member],
  });
  expect(mhHousehold.statusCode).toBe(201);

  fx = {
    ba,
    mh,
    householdId: h.id,
    caseNumber: h.caseNumber,
    personId: h.members[0].id,
    mhHouseholdId: mhHousehold.json().id,
    followUpId,
    appointmentId,
    sub: {
      consents: consentId,
      referrals: referralId,
      caseplans: casePlanId,
      contacts: contactId,
      needs: needId,
      appointments: appointmentId,
    },
  };
});
afterAll(() => t.close());

describe('cross-site access to case routes', () => {
  it('has a case for every case route (a new route must say what another site sees)', () => {
    const known = cases();
    const routes = caseRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(34);
    expect(routes.map((r) => `${r.method} ${r.url}`).filter((k) => !(k in known))).toEqual([]);
  });

  it('the BA household is visible at BA (the fixture is real)', async () => {
    const res = await fk.get(`/api/households/${fx.householdId}`);
    expect(res.body).toContain('Qaradaghi');
    expect((await fk.get('/api/my-day')).body).toContain(fx.caseNumber);
    expect((await fk.get(`/api/appointments?siteId=${fx.ba}`)).body).toContain(fx.caseNumber);
  });

  it('another site gets 404 or empty lists, and no personal data, on every case route; nothing is written', async () => {
    const before = await snapshot();
    const known = cases();
    let checked = 0;
    for (const client of otherSite) {
      const { role } = (await client.get('/api/auth/me')).json().user as { role: Role };
      for (const r of caseRoutes()) {
        const key = `${r.method} ${r.url}`;
        const c = known[key];
        const label = `${client.user.id} ${key}`;
        if (!can(role, r.permission)) {
          // e.g. erasure is the site lead's: another site's caseworker is refused before any lookup
          const res = await client.request(
            r.method as 'GET',
            `${concrete(r.url)}${c.query ?? ''}`,
            c.payload,
          );
          expect(res.statusCode, label).toBe(403);
          expectNoPersonalData(res.body, label);
        } else await expectNothingSeen(client, r, c, label);
        checked++;
      }
    }
    expect(await snapshot()).toEqual(before);
    console.info(
      `cross-site: ${caseRoutes().length} routes × ${otherSite.length} other-site users = ${checked} checks`,
    );
  });

  it('roles without case work get 403 and no data on every case route', async () => {
    const known = cases();
    let checked = 0;
    for (const client of noCaseWork) {
      const { role } = (await client.get('/api/auth/me')).json().user as { role: Role };
      for (const r of caseRoutes()) {
        const c = known[`${r.method} ${r.url}`];
        // follow-ups and "Mein Tag" are every staff member's: there they see nothing of the household
        if (can(role, r.permission)) {
          await expectNothingSeen(client, r, c, `${role} ${r.method} ${r.url}`);
          checked++;
          continue;
        }
        const res = await client.request(r.method as 'GET', `${concrete(r.url)}${c.query ?? ''}`, c.payload);
        expect(res.statusCode, `${client.user.id} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
        expectNoPersonalData(res.body, `${r.method} ${r.url}`);
        checked++;
      }
    }
    console.info(
      `no case work: ${caseRoutes().length} routes × ${noCaseWork.length} roles = ${checked} checks`,
    );
  });

  it('after a transfer the old site gets 404 and the new site sees the household', async () => {
    const lead = await t.login('leitung.ba');
    const [fkMh] = otherSite;
    const res = await lead.post(`/api/households/${fx.householdId}/transfers`, {
      toSiteId: fx.mh,
      transferredOn: today,
      note: 'Familie zieht nach Mengede',
    });
    expect(res.statusCode, res.body).toBe(201);
    const old = await fk.get(`/api/households/${fx.householdId}`);
    expect(old.statusCode).toBe(404);
    expectNoPersonalData(old.body, 'old site');
    const day = (await fk.get('/api/my-day')).body;
    expectNoPersonalData(day, 'old site my-day');
    expectNoPersonalData((await fk.get('/api/followups?due=all')).body, 'old site follow-ups');
    expectNoPersonalData((await fk.get(`/api/appointments?siteId=${fx.ba}`)).body, 'old site agenda');
    const seen = await fkMh.get(`/api/households/${fx.householdId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('Qaradaghi');
    expect((await fkMh.get(`/api/households/${fx.householdId}/transfers`)).json()[0].note).toBe(
      'Familie zieht nach Mengede',
    );
    expect((await fkMh.get(`/api/appointments?siteId=${fx.mh}`)).body).toContain(fx.caseNumber);
  });
});
