import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, referrals } from '../../src/server/db/schema/index.js';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client; // caseworker BA
let lead: Client; // site lead BA
let fkMh: Client; // caseworker MH
let admin: Client;
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;

const today = todayBerlin();
function shift(days: number, from = today) {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const paths = (res: { json(): { error: { details: { path: string }[] } } }) =>
  res.json().error.details.map((d) => d.path);

async function createUser(username: string, role: string, siteCodes: string[]) {
  const res = await admin.post('/api/users', {
    username,
    displayName: username,
    password: demoPassword,
    role,
    siteIds: siteCodes.map(site),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

let n = 0;
async function household(client: Client = fk, siteCode = 'BA') {
  n++;
  const res = await client.post('/api/households', {
    siteId: site(siteCode),
    category: 'refugee',
    registeredOn: '2024-02-01',
    members: [
      { firstName: 'Rania', lastName: `Haddad${n}`, birthYear: 1990, roleInHousehold: 'head' },
      { firstName: 'Omar', lastName: `Haddad${n}`, birthYear: 2015, roleInHousehold: 'child' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; caseNumber: string; members: { id: string }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  admin = await t.login('admin');
  sites = (await fk.get('/api/sites')).json();
  await createUser('fachkraft.mh', 'caseworker', ['MH']);
  fkMh = await t.login('fachkraft.mh');
});
afterAll(() => t.close());

describe('needs assessments', () => {
  it('records dated assessments and returns the history newest first', async () => {
    const h = await household();
    const first = await fk.post(`/api/households/${h.id}/needs`, {
      assessedOn: '2024-02-10',
      lifeArea: 'wohnen',
      level: 3,
      obstacles: ['wohnen', 'schulden'],
      goals: 'Eigene Wohnung finden',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ level: 3, obstacles: ['wohnen', 'schulden'], personId: null });
    const second = await fk.post(`/api/households/${h.id}/needs`, {
      assessedOn: '2024-05-10',
      personId: h.members[0].id,
      lifeArea: 'wohnen',
      level: 1,
    });
    expect(second.statusCode, second.body).toBe(201);
    const list = await fk.get(`/api/households/${h.id}/needs`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((x: { assessedOn: string }) => x.assessedOn)).toEqual([
      '2024-05-10',
      '2024-02-10',
    ]);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'record.read'), eq(auditLog.entityId, h.id), eq(auditLog.entityType, 'need')),
      );
    expect(reads).toHaveLength(1);
  });

  it('answers 400 naming the field for unknown codes, levels and non-members', async () => {
    const h = await household();
    const other = await household();
    const base = { assessedOn: '2024-02-10', lifeArea: 'wohnen', level: 2 };
    const area = await fk.post(`/api/households/${h.id}/needs`, { ...base, lifeArea: 'mars' });
    expect(area.statusCode).toBe(400);
    expect(paths(area)).toEqual(['lifeArea']);
    const obstacle = await fk.post(`/api/households/${h.id}/needs`, {
      ...base,
      obstacles: ['sprache', 'nope'],
    });
    expect(obstacle.statusCode).toBe(400);
    expect(paths(obstacle)).toEqual(['obstacles.1']);
    const level = await fk.post(`/api/households/${h.id}/needs`, { ...base, level: 4 });
    expect(level.statusCode).toBe(400);
    expect(paths(level)).toEqual(['level']);
    const person = await fk.post(`/api/households/${h.id}/needs`, { ...base, personId: other.members[0].id });
    expect(person.statusCode).toBe(400);
    expect(paths(person)).toEqual(['personId']);
    expect((await fk.get(`/api/households/${h.id}/needs`)).json()).toEqual([]);
  });
});

describe('consent', () => {
  it('records, lists and withdraws a consent', async () => {
    const h = await household();
    const res = await fk.post(`/api/households/${h.id}/consents`, {
      givenOn: '2024-02-01',
      givenByPersonId: h.members[0].id,
      contactByPhone: true,
      sharingOrganisationCodes: ['jobcenter', 'sozialamt'],
      noticeLanguage: 'ar',
      noticeVersion: '2024-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      processing: true,
      withdrawnOn: null,
      sharingOrganisationCodes: ['jobcenter', 'sozialamt'],
    });
    const list = (await fk.get(`/api/households/${h.id}/consents`)).json();
    expect(list).toHaveLength(1);
    const early = await fk.post(`/api/households/${h.id}/consents/${c.id}/withdraw`, {
      withdrawnOn: '2024-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(paths(early)).toEqual(['withdrawnOn']);
    const w = await fk.post(`/api/households/${h.id}/consents/${c.id}/withdraw`, {
      withdrawnOn: '2024-06-01',
    });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().withdrawnOn).toBe('2024-06-01');
    const again = await fk.post(`/api/households/${h.id}/consents/${c.id}/withdraw`, {
      withdrawnOn: '2024-06-02',
    });
    expect(again.statusCode).toBe(409);
    const unknown = await fk.post(`/api/households/${h.id}/consents/${h.id}/withdraw`, {
      withdrawnOn: '2024-06-02',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('answers 400 for unknown organisations, languages and non-members', async () => {
    const h = await household();
    const other = await household();
    const org = await fk.post(`/api/households/${h.id}/consents`, {
      givenOn: '2024-02-01',
      sharingOrganisationCodes: ['jobcenter', 'nsa'],
    });
    expect(org.statusCode).toBe(400);
    expect(paths(org)).toEqual(['sharingOrganisationCodes.1']);
    const lang = await fk.post(`/api/households/${h.id}/consents`, {
      givenOn: '2024-02-01',
      noticeLanguage: 'qq',
    });
    expect(paths(lang)).toEqual(['noticeLanguage']);
    const person = await fk.post(`/api/households/${h.id}/consents`, {
      givenOn: '2024-02-01',
      givenByPersonId: other.members[0].id,
    });
    expect(paths(person)).toEqual(['givenByPersonId']);
    const date = await fk.post(`/api/households/${h.id}/consents`, { givenOn: '2024-13-01' });
    expect(paths(date)).toEqual(['givenOn']);
  });
});

describe('referrals', () => {
  const referral = (over: object = {}) => ({
    date: '2024-03-01',
    organisation: 'jobcenter',
    lifeArea: 'arbeit-beruf',
    ...over,
  });
  const count = async (householdId: string) =>
    (await t.db.select().from(referrals).where(eq(referrals.householdId, householdId))).length;

  it('refers without sharing data without any consent', async () => {
    const h = await household();
    const res = await fk.post(`/api/households/${h.id}/referrals`, referral());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'proposed', sharesData: false, organisation: 'jobcenter' });
  });

  it('refuses to share data without consent for that organisation (409, nothing written)', async () => {
    const h = await household();
    const none = await fk.post(`/api/households/${h.id}/referrals`, referral({ sharesData: true }));
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({
      code: 'CONFLICT',
      details: [{ path: 'sharesData', message: 'keine Einwilligung zur Weitergabe an diese Organisation' }],
    });
    expect(await count(h.id)).toBe(0);

    const c = (
      await fk.post(`/api/households/${h.id}/consents`, {
        givenOn: '2024-02-01',
        sharingOrganisationCodes: ['jobcenter'],
      })
    ).json();
    const ok = await fk.post(
      `/api/households/${h.id}/referrals`,
      referral({ sharesData: true, status: 'sent' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().sharesData).toBe(true);
    const otherOrg = await fk.post(
      `/api/households/${h.id}/referrals`,
      referral({ sharesData: true, organisation: 'caritas' }),
    );
    expect(otherOrg.statusCode).toBe(409);
    expect(await count(h.id)).toBe(1);

    await fk.post(`/api/households/${h.id}/consents/${c.id}/withdraw`, { withdrawnOn: '2024-04-01' });
    const withdrawn = await fk.post(`/api/households/${h.id}/referrals`, referral({ sharesData: true }));
    expect(withdrawn.statusCode).toBe(409);
    expect(await count(h.id)).toBe(1);
  });

  it('updates status and outcome; switching sharing on needs consent', async () => {
    const h = await household();
    const r = (
      await fk.post(`/api/households/${h.id}/referrals`, referral({ organisation: 'caritas' }))
    ).json();
    const upd = await fk.patch(`/api/households/${h.id}/referrals/${r.id}`, {
      status: 'completed',
      outcome: 'Termin wahrgenommen',
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({
      status: 'completed',
      outcome: 'Termin wahrgenommen',
      sharesData: false,
    });
    const share = await fk.patch(`/api/households/${h.id}/referrals/${r.id}`, {
      sharesData: true,
      status: 'sent',
    });
    expect(share.statusCode).toBe(409);
    const after = (await fk.get(`/api/households/${h.id}/referrals`)).json();
    expect(after[0]).toMatchObject({ status: 'completed', sharesData: false });
    const bad = await fk.patch(`/api/households/${h.id}/referrals/${r.id}`, { status: 'lost' });
    expect(paths(bad)).toEqual(['status']);
    const missing = await fk.patch(`/api/households/${h.id}/referrals/${h.id}`, { status: 'sent' });
    expect(missing.statusCode).toBe(404);
  });

  it('answers 400 naming unknown organisations and life areas', async () => {
    const h = await household();
    const res = await fk.post(
      `/api/households/${h.id}/referrals`,
      referral({ organisation: 'cia', lifeArea: 'mars' }),
    );
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['organisation', 'lifeArea']);
  });
});

describe('follow-ups', () => {
  it('creates follow-ups (default assignee: me) and lists mine by due filter, ordered by due date', async () => {
    const h = await household();
    for (const [dueOn, text] of [
      [shift(1), 'morgen'],
      [today, 'heute'],
      [shift(-3), 'überfällig'],
    ]) {
      const res = await fk.post(`/api/households/${h.id}/followups`, { dueOn, text });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        assigneeId: fk.user.id,
        caseNumber: h.caseNumber,
        kind: 'general',
        done: false,
      });
    }
    const forLead = await fk.post(`/api/households/${h.id}/followups`, {
      dueOn: today,
      text: 'Leitung',
      assigneeId: lead.user.id,
    });
    expect(forLead.statusCode).toBe(201);

    const texts = async (due: string) =>
      (await fk.get(`/api/followups?due=${due}`))
        .json()
        .filter((f: { householdId: string }) => f.householdId === h.id)
        .map((f: { text: string }) => f.text);
    expect(await texts('open')).toEqual(['überfällig', 'heute', 'morgen']);
    expect(await texts('today')).toEqual(['heute']);
    expect(await texts('overdue')).toEqual(['überfällig']);
    const mine = (await fk.get('/api/followups')).json();
    expect(mine.every((f: { assigneeId: string }) => f.assigneeId === fk.user.id)).toBe(true);
    expect(
      (await lead.get('/api/followups?due=today')).json().map((f: { text: string }) => f.text),
    ).toContain('Leitung');

    const overdue = (await fk.get('/api/followups?due=overdue'))
      .json()
      .find((f: { text: string }) => f.text === 'überfällig');
    const done = await fk.patch(`/api/followups/${overdue.id}`, { done: true, text: 'erledigt' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ done: true, text: 'erledigt', caseNumber: h.caseNumber });
    expect(await texts('open')).toEqual(['heute', 'morgen']);
    expect(await texts('all')).toEqual(['heute', 'morgen', 'erledigt']);
    const all = (await fk.get(`/api/households/${h.id}/followups`)).json();
    expect(all).toHaveLength(4);
    const reassigned = await fk.patch(`/api/followups/${overdue.id}`, {
      assigneeId: lead.user.id,
      dueOn: shift(7),
    });
    expect(reassigned.json()).toMatchObject({ assigneeId: lead.user.id, dueOn: shift(7) });
  });

  it('requires an active case worker of the household site as assignee', async () => {
    const h = await household();
    const mh = await createUser('fachkraft.mh2', 'caseworker', ['MH']);
    const gone = await createUser('fachkraft.ba.alt', 'caseworker', ['BA']);
    await admin.patch(`/api/users/${gone.id}`, { active: false });
    const adminUser = (await admin.get('/api/users?q=admin')).json().items[0];
    for (const assigneeId of [mh.id, gone.id, adminUser.id, h.id]) {
      const res = await fk.post(`/api/households/${h.id}/followups`, { dueOn: today, text: 'x', assigneeId });
      expect(res.statusCode).toBe(400);
      expect(paths(res)).toEqual(['assigneeId']);
    }
    const f = (await fk.post(`/api/households/${h.id}/followups`, { dueOn: today, text: 'x' })).json();
    const patch = await fk.patch(`/api/followups/${f.id}`, { assigneeId: mh.id });
    expect(paths(patch)).toEqual(['assigneeId']);
    expect(paths(await fk.post(`/api/households/${h.id}/followups`, { dueOn: 'morgen', text: '' }))).toEqual(
      expect.arrayContaining(['dueOn', 'text']),
    );
    expect((await fk.get('/api/followups?due=soon')).statusCode).toBe(400);
    expect((await fkMh.patch(`/api/followups/${f.id}`, { done: true })).statusCode).toBe(404);
    expect((await fk.patch(`/api/followups/${h.id}`, { done: true })).statusCode).toBe(404);
  });

  it('creates a welcome visit when the move-in date is set; it shows on Mein Tag and in my follow-ups', async () => {
    const h = await household();
    const res = await fk.patch(`/api/households/${h.id}`, { movedInOn: shift(-14) });
    expect(res.statusCode, res.body).toBe(200);
    const due = (await fk.get('/api/followups?due=today'))
      .json()
      .filter((f: { householdId: string }) => f.householdId === h.id);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ kind: 'welcomeVisit', dueOn: today, caseNumber: h.caseNumber });
    const day = (await fk.get('/api/my-day')).json();
    expect(day.followUps.map((f: { id: string }) => f.id)).toContain(due[0].id);
  });
});

describe('appointments', () => {
  it('books appointments, shows the site agenda and updates them', async () => {
    const h = await household();
    const a = await fk.post(`/api/households/${h.id}/appointments`, {
      date: today,
      startTime: '10:30',
      languageNeeded: 'ar',
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({
      staffUserId: fk.user.id,
      siteId: site('BA'),
      startTime: '10:30',
      durationMinutes: 30,
      caseNumber: h.caseNumber,
    });
    const b = await fk.post(`/api/households/${h.id}/appointments`, {
      date: today,
      startTime: '08:00',
      staffUserId: lead.user.id,
    });
    expect(b.statusCode, b.body).toBe(201);
    const c = await fk.post(`/api/households/${h.id}/appointments`, { date: shift(1), startTime: '09:00' });
    expect(c.statusCode).toBe(201);

    const agenda = (await fk.get('/api/appointments'))
      .json()
      .filter((x: { householdId: string }) => x.householdId === h.id);
    expect(agenda.map((x: { startTime: string }) => x.startTime)).toEqual(['10:30', '08:00']);
    expect(agenda[1].staffName).toBe('Demo Standortleitung');
    const leadAgenda = (await lead.get(`/api/appointments?siteId=${site('BA')}&date=${today}`)).json();
    expect(leadAgenda[0].startTime).toBe('08:00');
    expect(
      (await fk.get(`/api/appointments?date=${shift(1)}`)).json().map((x: { id: string }) => x.id),
    ).toContain(c.json().id);
    expect((await fk.get(`/api/appointments?siteId=${site('MH')}`)).json()).toEqual([]);
    expect((await fk.get(`/api/households/${h.id}/appointments`)).json()).toHaveLength(3);

    const upd = await fk.patch(`/api/appointments/${a.json().id}`, {
      startTime: '11:00',
      note: 'mit Sprachmittlung',
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({
      startTime: '11:00',
      note: 'mit Sprachmittlung',
      languageNeeded: 'ar',
    });

    const day = (await fk.get('/api/my-day')).json();
    const ours = day.appointments.filter((x: { householdId: string }) => x.householdId === h.id);
    // Mein Tag: mine first, then the site's unassigned ones; a colleague's appointment is on theirs
    expect(ours.map((x: { staffUserId: string }) => x.staffUserId)).toEqual([fk.user.id]);
    const leadDay = (await lead.get('/api/my-day')).json();
    const theirs = leadDay.appointments.filter((x: { householdId: string }) => x.householdId === h.id);
    expect(theirs.map((x: { staffUserId: string }) => x.staffUserId)).toEqual([lead.user.id]);
  });

  it('answers 400 naming the field', async () => {
    const h = await household();
    const time = await fk.post(`/api/households/${h.id}/appointments`, { date: today, startTime: '25:00' });
    expect(paths(time)).toEqual(['startTime']);
    const lang = await fk.post(`/api/households/${h.id}/appointments`, {
      date: today,
      startTime: '09:00',
      languageNeeded: 'zz',
    });
    expect(paths(lang)).toEqual(['languageNeeded']);
    const mhUser = (await admin.get('/api/users?q=fachkraft.mh')).json().items[0];
    const staff = await fk.post(`/api/households/${h.id}/appointments`, {
      date: today,
      startTime: '09:00',
      staffUserId: mhUser.id,
    });
    expect(paths(staff)).toEqual(['staffUserId']);
    expect((await fk.get('/api/appointments?date=heute')).statusCode).toBe(400);
    const a = (
      await fk.post(`/api/households/${h.id}/appointments`, { date: today, startTime: '09:00' })
    ).json();
    expect(paths(await fk.patch(`/api/appointments/${a.id}`, { durationMinutes: 1 }))).toEqual([
      'durationMinutes',
    ]);
    expect((await fkMh.patch(`/api/appointments/${a.id}`, { note: 'x' })).statusCode).toBe(404);
  });
});

describe('transfers', () => {
  it('lets only a site lead transfer; visibility moves to the new site with the history and note', async () => {
    const h = await household();
    const f = (
      await fk.post(`/api/households/${h.id}/followups`, { dueOn: today, text: 'Übergabe vorbereiten' })
    ).json();
    const body = {
      toSiteId: site('MH'),
      transferredOn: shift(-1),
      note: 'Umzug nach Huckarde, Kita-Anmeldung offen',
    };
    const denied = await fk.post(`/api/households/${h.id}/transfers`, body);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    expect(
      paths(await lead.post(`/api/households/${h.id}/transfers`, { ...body, toSiteId: site('BA') })),
    ).toEqual(['toSiteId']);
    expect(paths(await lead.post(`/api/households/${h.id}/transfers`, { ...body, toSiteId: h.id }))).toEqual([
      'toSiteId',
    ]);
    expect(
      paths(await lead.post(`/api/households/${h.id}/transfers`, { ...body, transferredOn: '2020-01-01' })),
    ).toEqual(['transferredOn']);
    expect((await fkMh.get(`/api/households/${h.id}`)).statusCode).toBe(404);

    const res = await lead.post(`/api/households/${h.id}/transfers`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fromSiteId: site('BA'), toSiteId: site('MH'), note: body.note });

    expect((await fk.get(`/api/households/${h.id}`)).statusCode).toBe(404);
    expect((await lead.get(`/api/households/${h.id}/transfers`)).statusCode).toBe(404);
    expect((await fk.get('/api/followups?due=all')).json().map((x: { id: string }) => x.id)).not.toContain(
      f.id,
    );
    const seen = await fkMh.get(`/api/households/${h.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ siteId: site('MH'), registeredSiteId: site('BA'), status: 'active' });
    const history = (await fkMh.get(`/api/households/${h.id}/transfers`)).json();
    expect(history).toEqual([
      expect.objectContaining({ fromSiteId: site('BA'), toSiteId: site('MH'), note: body.note }),
    ]);
    const moved = (await fkMh.get(`/api/households/${h.id}/followups`)).json();
    expect(moved[0]).toMatchObject({ id: f.id, siteId: site('MH'), assigneeId: null });

    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'household.transferred'), eq(auditLog.entityId, h.id)));
    expect(entries.map((e) => e.siteId).sort()).toEqual([site('BA'), site('MH')].sort());
  });
});

describe('case plans', () => {
  it('creates, lists and updates a KIM plan with goals, steps and review dates', async () => {
    const h = await household();
    const res = await fk.post(`/api/households/${h.id}/caseplans`, {
      programme: 'KIM',
      personId: h.members[0].id,
      responsibleUserId: lead.user.id,
      goals: [{ text: 'Sprachkurs B1', steps: [{ text: 'Anmeldung VHS', dueOn: '2024-04-01' }] }],
      reviewDates: ['2024-09-01', '2024-06-01'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ status: 'open', reviewDates: ['2024-06-01', '2024-09-01'] });
    expect(plan.goals[0].steps[0]).toMatchObject({ text: 'Anmeldung VHS', done: false });
    const goals = [{ text: 'Sprachkurs B1', steps: [{ text: 'Anmeldung VHS', done: true }] }];
    const upd = await fk.patch(`/api/households/${h.id}/caseplans/${plan.id}`, { goals, status: 'closed' });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ status: 'closed', goals: [{ steps: [{ done: true }] }] });
    const list = (await fk.get(`/api/households/${h.id}/caseplans`)).json();
    expect(list).toHaveLength(1);
    expect(list[0].status).toBe('closed');
  });

  it('answers 400 naming the field', async () => {
    const h = await household();
    const mhUser = (await admin.get('/api/users?q=fachkraft.mh')).json().items[0];
    expect(paths(await fk.post(`/api/households/${h.id}/caseplans`, { programme: 'XYZ' }))).toEqual([
      'programme',
    ]);
    const resp = await fk.post(`/api/households/${h.id}/caseplans`, {
      programme: 'MigraDo',
      responsibleUserId: mhUser.id,
    });
    expect(paths(resp)).toEqual(['responsibleUserId']);
    const step = await fk.post(`/api/households/${h.id}/caseplans`, {
      programme: 'KIM',
      goals: [{ text: 'x', steps: [{ text: '' }] }],
    });
    expect(paths(step)).toEqual(['goals.0.steps.0.text']);
    expect(
      (await fk.patch(`/api/households/${h.id}/caseplans/${h.id}`, { status: 'closed' })).statusCode,
    ).toBe(404);
  });
});

describe('Mein Tag', () => {
  it('shows my due follow-ups (incl. overdue), today’s appointments and the households I opened last', async () => {
    const opened = [];
    for (let i = 0; i < 11; i++) opened.push(await household());
    for (const h of opened) expect((await fk.get(`/api/households/${h.id}`)).statusCode).toBe(200);
    const [h] = opened;
    const over = (
      await fk.post(`/api/households/${h.id}/followups`, { dueOn: shift(-30), text: 'alt' })
    ).json();
    const later = (
      await fk.post(`/api/households/${h.id}/followups`, { dueOn: shift(2), text: 'später' })
    ).json();
    const others = (
      await fk.post(`/api/households/${h.id}/followups`, {
        dueOn: today,
        text: 'Leitung',
        assigneeId: lead.user.id,
      })
    ).json();
    const res = await fk.get('/api/my-day');
    expect(res.statusCode).toBe(200);
    const day = res.json();
    const ids = day.followUps.map((f: { id: string }) => f.id);
    expect(ids).toContain(over.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(others.id);
    expect(day.followUps.every((f: { done: boolean; dueOn: string }) => !f.done && f.dueOn <= today)).toBe(
      true,
    );
    expect(day.recentHouseholds).toHaveLength(10);
    expect(day.recentHouseholds[0]).toMatchObject({ id: opened[10].id, caseNumber: opened[10].caseNumber });
    expect(day.recentHouseholds[0].headName).toMatch(/^Haddad\d+, Rania$/);
    expect(day.recentHouseholds.map((r: { id: string }) => r.id)).not.toContain(opened[0].id);
    const central = await t.login('zentrale');
    // every staff member has a Mein Tag with their own work; central has opened no household
    const centralDay = await central.get('/api/my-day');
    expect(centralDay.statusCode).toBe(200);
    expect(centralDay.json().recentHouseholds).toEqual([]);
    const mh = (await fkMh.get('/api/my-day')).json();
    expect(mh.recentHouseholds.map((r: { id: string }) => r.id)).not.toContain(h.id);
  });
});

describe('updates', () => {
  it('answer an empty PATCH with 400, not a silent no-op or a 500', async () => {
    const h = await household();
    const base = `/api/households/${h.id}`;
    const id = async (url: string, payload: object) => (await fk.post(url, payload)).json().id as string;
    const referral = await id(`${base}/referrals`, { date: today, organisation: 'awo', lifeArea: 'wohnen' });
    const followUp = await id(`${base}/followups`, { dueOn: today, text: 'x' });
    const appointment = await id(`${base}/appointments`, { date: today, startTime: '09:00' });
    const plan = await id(`${base}/caseplans`, { programme: 'MigraDo' });
    for (const url of [
      `${base}/referrals/${referral}`,
      `/api/followups/${followUp}`,
      `/api/appointments/${appointment}`,
      `${base}/caseplans/${plan}`,
    ]) {
      const res = await fk.patch(url, {});
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
  });
});
