import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client;
let sites: { id: string; code: string }[];

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  sites = (await fk.get('/api/sites')).json();
});
afterAll(() => t.close());

const ba = () => sites.find((s) => s.code === 'BA')!.id;

const family = () => ({
  siteId: ba(),
  category: 'refugee',
  registeredOn: '2024-03-05',
  districtCode: 'brackel',
  address: {
    street: 'Brackeler Hellweg 1',
    postcode: '44309',
    city: 'Dortmund',
    subdistrictCode: 'brackel.asseln',
  },
  members: [
    {
      firstName: 'Mohammed',
      lastName: 'Al-Hassan',
      birthDate: '1985-04-02',
      gender: 'male',
      nationality: 'SY',
      roleInHousehold: 'head',
    },
    {
      firstName: 'Amina',
      lastName: 'Al-Hassan',
      birthYear: 1988,
      gender: 'female',
      nationality: 'SY',
      roleInHousehold: 'partner',
    },
  ],
});

describe('households', () => {
  it('registers a household with members and a case number per site and year', async () => {
    const res = await fk.post('/api/households', family());
    expect(res.statusCode, res.body).toBe(201);
    const h = res.json();
    expect(h.caseNumber).toBe('BA-2024-0001');
    expect(h.members).toHaveLength(2);
    expect(h.members[1].birthYear).toBe(1988);
    const second = (await fk.post('/api/households', family())).json();
    expect(second.caseNumber).toBe('BA-2024-0002');
  });

  it('names the wrong fields', async () => {
    const bad = {
      ...family(),
      category: 'nope',
      members: [{ firstName: '', lastName: 'X', nationality: 'QQ' }],
    };
    const res = await fk.post('/api/households', bad);
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['members.0.firstName', 'members.0.nationality']));
    const firstName = res
      .json()
      .error.details.find((d: { path: string }) => d.path === 'members.0.firstName');
    expect(firstName.message).toBe('mindestens 1 Zeichen');
    const english = await fk.request('POST', '/api/households', bad, { 'accept-language': 'en' });
    expect(english.json().error.details).toContainEqual({
      path: 'members.0.firstName',
      message: 'at least 1 characters',
    });
    const code = await fk.post('/api/households', { ...family(), category: 'nope' });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.details[0].path).toBe('category');
  });

  it('logs a contact with two reasons and rejects unknown codes with 400', async () => {
    const h = (await fk.post('/api/households', family())).json();
    const ok = await fk.post(`/api/households/${h.id}/contacts`, {
      date: '2024-03-06',
      contactType: 'sprechstunde',
      durationMinutes: 30,
      memberIds: [h.members[0].id],
      reasons: [
        { lifeArea: 'wohnen', supportKind: 'begleitung' },
        { lifeArea: 'arbeit-beruf', supportKind: 'beratung' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const bad = await fk.post(`/api/households/${h.id}/contacts`, {
      date: '2024-03-06',
      contactType: 'fax',
      reasons: [{ lifeArea: 'mars', supportKind: 'beratung' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'contactType',
      'reasons.0.lifeArea',
    ]);
    const list = (await fk.get(`/api/households/${h.id}/contacts`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].reasons).toHaveLength(2);
    const found = (await fk.get(`/api/households?q=${h.caseNumber}`)).json();
    expect(found.items).toEqual([
      expect.objectContaining({
        id: h.id,
        headName: 'Al-Hassan, Mohammed',
        memberCount: 2,
        lastContactOn: '2024-03-06',
      }),
    ]);
    const byContact = (await fk.get('/api/households?sort=lastContactOn&order=desc&pageSize=1')).json();
    expect(byContact.items[0].id).toBe(h.id);
  });

  it('finds spelling variants and hides other sites', async () => {
    const res = await fk.get('/api/persons/search?name=Muhammad%20Alhasan&birthYear=1985');
    expect(res.statusCode).toBe(200);
    expect(res.json()[0].fullName).toBe('Mohammed Al-Hassan');
    const lead = await t.login('zentrale');
    expect((await lead.get('/api/persons/search?name=Mohammed')).statusCode).toBe(403);
  });

  it('a move-in date puts a welcome visit on Mein Tag; logging the visit closes it', async () => {
    const h = (await fk.post('/api/households', family())).json();
    const today = new Date().toISOString().slice(0, 10);
    const moved = await fk.patch(`/api/households/${h.id}`, { movedInOn: '2024-01-10' });
    expect(moved.statusCode, moved.body).toBe(200);
    const open = (await fk.get('/api/followups?due=open')).json();
    const visit = open.find((f: { householdId: string; kind: string }) => f.householdId === h.id);
    expect(visit).toMatchObject({ kind: 'welcomeVisit', caseNumber: h.caseNumber, done: false });
    const day = (await fk.get('/api/my-day')).json();
    expect(day.followUps.map((f: { id: string }) => f.id)).toContain(visit.id);
    const logged = await fk.post(`/api/households/${h.id}/contacts`, {
      date: today,
      contactType: 'willkommensbesuch',
      reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
      mediationLanguage: 'ar',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const after = (await fk.get('/api/followups?due=open')).json();
    expect(after.find((f: { id: string }) => f.id === visit.id)).toBeUndefined();
    const bad = await fk.post(`/api/households/${h.id}/contacts`, {
      date: today,
      contactType: 'termin',
      reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
      mediationLanguage: 'xx',
    });
    expect(bad.json().error.details).toEqual([{ path: 'mediationLanguage', message: 'unbekannte Sprache' }]);
  });
});
