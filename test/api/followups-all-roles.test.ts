import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { addDays, todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Follow-ups are work for every staff role: an agreed action of an event lands in its owner's
 * `GET /api/followups` and on "Mein Tag", whatever the owner's role, and is closed (and reopened)
 * there. Case follow-ups stay case content: another site's, or a household's for a role without case
 * work, are never listed and answer 404.
 */

let t: TestApp;
let net: Client; // networkWorker BA
let fk: Client; // caseworker BA
let coord: Client; // volunteerCoordinator BA
let lead: Client; // siteLead BA
let board: Client;
let admin: Client;
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;
const today = todayBerlin();

interface FollowUp {
  id: string;
  text: string;
  kind: string;
  householdId: string | null;
  eventId: string | null;
  eventTitle: string | null;
  done: boolean;
}
const texts = (list: FollowUp[]) => list.map((f) => f.text);

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

async function staff(username: string, role: string, siteCode: string) {
  await ok(
    admin.post('/api/users', {
      username,
      displayName: username,
      password: demoPassword,
      role,
      siteIds: [site(siteCode)],
    }),
    201,
  );
  return t.login(username);
}

async function household(client: Client, siteCode: string, lastName: string) {
  return ok<{ id: string }>(
    client.post('/api/households', {
      siteId: site(siteCode),
      category: 'refugee',
      registeredOn: '2024-03-01',
      members: [{ firstName: 'Amal', lastName, birthYear: 1990, roleInHousehold: 'head' }],
    }),
    201,
  );
}

async function roundTable(client: Client, siteCode: string, title: string) {
  return ok<{ id: string }>(
    client.post('/api/events', {
      type: 'runder-tisch',
      title,
      siteId: site(siteCode),
      date: today,
      startTime: '10:00',
      partnerIds: [],
      participants: { neighbours: 2, refugees: 3, volunteers: 0, partners: 1, others: 0 },
    }),
    201,
  );
}

const action = (client: Client, eventId: string, text: string, ownerUserId: string, dueOn = today) =>
  ok<{ id: string; followUpId: string }>(
    client.post(`/api/events/${eventId}/actions`, { text, ownerUserId, dueOn }),
    201,
  );

beforeAll(async () => {
  t = await createTestApp();
  [net, fk, coord, lead, board, admin] = await Promise.all(
    ['netzwerk', 'fachkraft.ba', 'ehrenamt', 'leitung.ba', 'beirat', 'admin'].map((u) => t.login(u)),
  );
  sites = (await admin.get('/api/sites')).json();
});
afterAll(() => t?.close());

describe('follow-ups for every staff role', () => {
  it('a round table with two actions for two owners: each sees and closes their own', async () => {
    const event = await roundTable(net, 'BA', 'Runder Tisch Wohnen');
    await action(net, event.id, 'Wohnungsgesellschaft anschreiben', fk.user.id);
    await action(net, event.id, 'Ehrenamtliche für Umzugshilfe fragen', coord.user.id);

    const fkList = await ok<FollowUp[]>(fk.get('/api/followups'));
    expect(texts(fkList)).toContain('Wohnungsgesellschaft anschreiben');
    expect(texts(fkList)).not.toContain('Ehrenamtliche für Umzugshilfe fragen');
    const coordList = await ok<FollowUp[]>(coord.get('/api/followups'));
    expect(texts(coordList)).toEqual(['Ehrenamtliche für Umzugshilfe fragen']);
    const mine = coordList[0]!;
    expect(mine).toMatchObject({
      kind: 'eventAction',
      householdId: null,
      eventId: event.id,
      eventTitle: 'Runder Tisch Wohnen',
      done: false,
    });

    // on "Mein Tag" too, for the coordinator who has no case work
    const day = await ok<{ followUps: FollowUp[]; appointments: unknown[]; recentHouseholds: unknown[] }>(
      coord.get('/api/my-day'),
    );
    expect(texts(day.followUps)).toEqual(['Ehrenamtliche für Umzugshilfe fragen']);
    expect(day.appointments).toEqual([]);
    expect(day.recentHouseholds).toEqual([]);

    // closed there: the event shows it done; reopened (undo) and closed again
    const closed = await ok<FollowUp>(coord.patch(`/api/followups/${mine.id}`, { done: true }));
    expect(closed).toMatchObject({ done: true, eventId: event.id });
    const done = await ok<{ text: string; done: boolean }[]>(net.get(`/api/events/${event.id}/actions`));
    expect(done.find((a) => a.text === mine.text)?.done).toBe(true);
    expect(texts(await ok<FollowUp[]>(coord.get('/api/followups')))).toEqual([]);
    expect(await ok<FollowUp>(coord.patch(`/api/followups/${mine.id}`, { done: false }))).toMatchObject({
      done: false,
    });
    expect(texts(await ok<FollowUp[]>(coord.get('/api/followups?due=today')))).toEqual([mine.text]);

    const fkAction = fkList.find((f) => f.text === 'Wohnungsgesellschaft anschreiben')!;
    await ok(fk.patch(`/api/followups/${fkAction.id}`, { done: true }));
    const after = await ok<{ text: string; done: boolean }[]>(net.get(`/api/events/${event.id}/actions`));
    expect(after.map((a) => [a.text, a.done]).sort()).toEqual([
      ['Ehrenamtliche für Umzugshilfe fragen', false],
      ['Wohnungsgesellschaft anschreiben', true],
    ]);

    // an action is kept by its event: only `done` changes here; someone else's is a 404
    const bad = await coord.patch(`/api/followups/${mine.id}`, { text: 'anders' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['text']);
    expect((await net.patch(`/api/followups/${mine.id}`, { done: true })).statusCode).toBe(404);
  });

  it('an action due in the next days is on "Mein Tag" as coming up, not as due', async () => {
    const event = await roundTable(net, 'BA', 'Workshop Nachbarschaft');
    await action(net, event.id, 'Raum für den Workshop buchen', net.user.id, addDays(today, 3));
    await action(net, event.id, 'Plakate drucken', net.user.id, addDays(today, 20));
    const day = await ok<{ followUps: FollowUp[]; upcoming: FollowUp[] }>(net.get('/api/my-day'));
    expect(texts(day.followUps)).not.toContain('Raum für den Workshop buchen');
    expect(texts(day.upcoming)).toEqual(['Raum für den Workshop buchen']);
    expect(texts(await ok<FollowUp[]>(net.get('/api/followups')))).toContain('Plakate drucken');
  });

  it("a caseworker never sees another site's follow-ups", async () => {
    const fkMh = await staff('fachkraft.mh2', 'caseworker', 'MH');
    const netMh = await staff('netzwerk.mh2', 'networkWorker', 'MH');
    const h = await household(fkMh, 'MH', 'Mengede');
    const caseFu = await ok<FollowUp>(
      fkMh.post(`/api/households/${h.id}/followups`, { dueOn: today, text: 'Mengede anrufen' }),
      201,
    );
    const event = await roundTable(netMh, 'MH', 'Runder Tisch Mengede');
    const mhAction = await action(netMh, event.id, 'Protokoll verschicken', fkMh.user.id);

    for (const client of [fk, lead]) {
      const all = await ok<FollowUp[]>(client.get('/api/followups?due=all'));
      expect(texts(all)).not.toContain('Mengede anrufen');
      expect(texts(all)).not.toContain('Protokoll verschicken');
      expect((await client.patch(`/api/followups/${caseFu.id}`, { done: true })).statusCode).toBe(404);
      expect((await client.patch(`/api/followups/${mhAction.followUpId}`, { done: true })).statusCode).toBe(
        404,
      );
    }
    expect(texts(await ok<FollowUp[]>(fkMh.get('/api/followups')))).toEqual(
      expect.arrayContaining(['Mengede anrufen', 'Protokoll verschicken']),
    );
  });

  it('a volunteer coordinator does not see household follow-ups, not even one assigned to them', async () => {
    // a caseworker with a household follow-up becomes a volunteer coordinator
    const changer = await staff('wechsel.ba', 'caseworker', 'BA');
    const h = await household(changer, 'BA', 'Wechsel');
    const fu = await ok<FollowUp>(
      changer.post(`/api/households/${h.id}/followups`, { dueOn: today, text: 'Haushalt Wechsel anrufen' }),
      201,
    );
    expect(texts(await ok<FollowUp[]>(changer.get('/api/followups')))).toContain('Haushalt Wechsel anrufen');
    await ok(admin.patch(`/api/users/${changer.user.id}`, { role: 'volunteerCoordinator' }));
    const now = await t.login('wechsel.ba');
    const list = await ok<FollowUp[]>(now.get('/api/followups?due=all'));
    expect(list.filter((f) => f.householdId !== null)).toEqual([]);
    const day = await ok<{ followUps: FollowUp[]; upcoming: FollowUp[] }>(now.get('/api/my-day'));
    expect([...day.followUps, ...day.upcoming].filter((f) => f.householdId !== null)).toEqual([]);
    const res = await now.patch(`/api/followups/${fu.id}`, { done: true });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Wechsel');
    // the household's caseworkers still see it open
    const open = await ok<FollowUp[]>(fk.get(`/api/households/${h.id}/followups`));
    expect(open.map((f) => [f.text, f.done])).toEqual([['Haushalt Wechsel anrufen', false]]);

    for (const path of ['/api/followups', '/api/my-day'])
      expect((await coord.get(path)).body).not.toContain('Haushalt Wechsel');
  });

  it('the coordinator sees active volunteers without a current assignment', async () => {
    const v = await ok<{ id: string }>(
      coord.post('/api/volunteers', {
        firstName: 'Ida',
        lastName: 'Ohnezuteilung',
        languages: ['de'],
        districtCodes: ['eving'],
        status: 'active',
      }),
      201,
    );
    type Idle = { items: { id: string }[]; total: number };
    const before = await ok<Idle>(coord.get('/api/start/idle-volunteers'));
    expect(before.total).toBeGreaterThan(0);
    const event = await roundTable(net, 'BA', 'Begegnungscafé Helfer*innen');
    await ok(coord.post(`/api/volunteers/${v.id}/assignments`, { eventId: event.id, startsOn: today }), 201);
    const after = await ok<Idle>(coord.get('/api/start/idle-volunteers'));
    // the new volunteer was counted before (active, no assignment) and is not any more
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((i) => i.id)).not.toContain(v.id);
    expect((await fk.get('/api/start/idle-volunteers')).statusCode).toBe(403);
  });

  it('the board has no follow-ups; bad input is a 400 naming the field', async () => {
    expect((await board.get('/api/followups')).statusCode).toBe(403);
    expect((await board.get('/api/my-day')).statusCode).toBe(403);
    const bad = await coord.get('/api/followups?due=soon');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['due']);
    expect((await coord.patch('/api/followups/not-a-uuid', { done: true })).statusCode).toBe(400);
    expect((await coord.patch(`/api/followups/${coord.user.id}`, {})).statusCode).toBe(400);
  });
});
