import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  eventActions,
  events,
  followUps,
  partners,
  volunteers,
} from '../../src/server/db/schema/index.js';
import { trainingsOf } from '../../src/server/modules/events/service.js';
import { addDays, todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let net: Client; // networkWorker at BA
let netMh: Client; // networkWorker at MH
let fk: Client; // caseworker BA
let lead: Client;
let central: Client;
let board: Client;
let coord: Client;
let admin: Client;
let sites: { id: string; code: string }[];
let partnerId: string;
const site = (code: string) => sites.find((s) => s.code === code)!.id;
const today = todayBerlin();
const paths = (res: { json(): { error: { details: { path: string }[] } } }) =>
  res.json().error.details.map((d) => d.path);

const roundTable = (over: Record<string, unknown> = {}) => ({
  type: 'runder-tisch',
  title: 'Runder Tisch Nordstadt',
  siteId: site('BA'),
  date: today,
  startTime: '10:00',
  endTime: '12:00',
  partnerIds: [partnerId],
  public: false,
  participants: { neighbours: 3, refugees: 5, volunteers: 2, partners: 4, others: 0 },
  ...over,
});

async function create(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/events', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; siteId: string; series: { id: string; count: number } | null };
}

beforeAll(async () => {
  t = await createTestApp();
  [net, fk, lead, central, board, coord, admin] = await Promise.all(
    ['netzwerk', 'fachkraft.ba', 'leitung.ba', 'zentrale', 'beirat', 'ehrenamt', 'admin'].map((u) =>
      t.login(u),
    ),
  );
  sites = (await net.get('/api/sites')).json();
  netMh = await t.createUser(admin, {
    username: 'netzwerk.mh',
    displayName: 'Netzwerk MH',
    role: 'networkWorker',
    siteIds: [site('MH')],
  });
  const [p] = await t.db
    .insert(partners)
    .values({ name: 'Caritas Dortmund', kind: 'welfareAssociation', siteId: site('BA') })
    .returning();
  partnerId = p!.id;
});
afterAll(() => t?.close());

describe('events', () => {
  it('creates, reads and updates an event with counts, partners and minutes; audited', async () => {
    const e = await create(net, roundTable({ minutes: 'Protokoll\nPunkt 1' }));
    const got = await net.get(`/api/events/${e.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      type: 'runder-tisch',
      startTime: '10:00',
      participants: { neighbours: 3, refugees: 5, volunteers: 2, partners: 4, others: 0 },
      participantTotal: 14,
      partners: [{ id: partnerId, name: 'Caritas Dortmund' }],
      minutes: 'Protokoll\nPunkt 1',
      series: null,
    });
    const upd = await net.patch(`/api/events/${e.id}`, { participants: { others: 7 }, minutes: 'neu' });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ participants: { neighbours: 3, others: 7 }, minutes: 'neu' });
    const [row] = await t.db.select().from(events).where(eq(events.id, e.id));
    expect(row).toMatchObject({ others: 7, partnerCount: 4 });
    const audits = await t.db
      .select({ action: auditLog.action, fields: auditLog.fields })
      .from(auditLog)
      .where(eq(auditLog.entityId, e.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['event.created', 'event.updated']);
    expect(audits.find((a) => a.action === 'event.updated')?.fields).toEqual([
      'minutes',
      'participants.others',
    ]);
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const before = await t.db.select({ id: events.id }).from(events);
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'no-such-type' }, 'type'],
      [{ partnerIds: [partnerId, '00000000-0000-4000-8000-000000000000'] }, 'partnerIds.1'],
      [{ endTime: '09:00' }, 'endTime'],
      [
        { participants: { neighbours: -1, refugees: 0, volunteers: 0, partners: 0, others: 0 } },
        'participants.neighbours',
      ],
      [
        { participants: { neighbours: 1.5, refugees: 0, volunteers: 0, partners: 0, others: 0 } },
        'participants.neighbours',
      ],
      [
        { participants: { neighbours: 100001, refugees: 0, volunteers: 0, partners: 0, others: 0 } },
        'participants.neighbours',
      ],
      [{ title: 'Tisch\u0007' }, 'title'],
      [{ title: '' }, 'title'],
      [{ date: '1999-12-31' }, 'date'],
      [{ date: '2024-02-30' }, 'date'],
      [{ startTime: '25:00' }, 'startTime'],
      [{ districtCode: 'nowhere' }, 'districtCode'],
      [{ siteId: site('MH') }, 'siteId'],
      [{ organiserIds: [(await board.get('/api/auth/me')).json().user.id] }, 'organiserIds.0'],
      [{ repeat: { weekly: true, until: addDays(today, 800) } }, 'repeat.until'],
      [{ repeat: { weekly: true, until: addDays(today, -7) } }, 'repeat.until'],
    ];
    for (const [over, path] of cases) {
      const res = await net.post('/api/events', roundTable(over));
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(paths(res)).toContain(path);
    }
    const patch = await net.patch(`/api/events/${before[0]!.id}`, { startTime: '13:00' });
    expect(patch.statusCode).toBe(400);
    expect(paths(patch)).toContain('endTime');
    expect((await net.patch(`/api/events/${before[0]!.id}`, {})).statusCode).toBe(400);
    const after = await t.db.select({ id: events.id }).from(events);
    expect(after.length).toBe(before.length);
  });

  it('is site-bound: another site answers 404; central sees all; board and admin 403', async () => {
    const e = await create(net, roundTable({ title: 'Nur BA' }));
    const mh = await create(netMh, roundTable({ title: 'Nur MH', siteId: site('MH'), partnerIds: [] }));
    expect((await netMh.get(`/api/events/${e.id}`)).statusCode).toBe(404);
    expect((await netMh.patch(`/api/events/${e.id}`, { title: 'x' })).statusCode).toBe(404);
    expect(
      (
        await netMh.post(`/api/events/${e.id}/actions`, {
          text: 'x',
          ownerUserId: netMh.user.id,
          dueOn: today,
        })
      ).statusCode,
    ).toBe(404);
    expect((await coord.get(`/api/events/${mh.id}`)).statusCode).toBe(404);
    expect((await fk.get(`/api/events/${e.id}`)).statusCode).toBe(200);
    expect((await central.get(`/api/events/${mh.id}`)).statusCode).toBe(200);
    const listMh = (await netMh.get('/api/events?pageSize=200')).json();
    expect(listMh.items.map((i: { id: string }) => i.id)).toEqual([mh.id]);
    const listCentral = (await central.get('/api/events?pageSize=200')).json();
    expect(listCentral.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([e.id, mh.id]));
    expect((await board.get('/api/events')).statusCode).toBe(403);
    expect((await board.get(`/api/events/${e.id}`)).statusCode).toBe(403);
    expect((await admin.get('/api/events')).statusCode).toBe(403);
    // reading is not writing
    expect((await fk.post('/api/events', roundTable())).statusCode).toBe(403);
    expect((await coord.patch(`/api/events/${e.id}`, { title: 'x' })).statusCode).toBe(403);
  });

  it('lists paged, filtered and sorted', async () => {
    await create(net, roundTable({ title: 'Radwerkstatt Juni', type: 'radwerkstatt', date: '2025-06-03' }));
    await create(net, roundTable({ title: 'Radwerkstatt Juli', type: 'radwerkstatt', date: '2025-07-01' }));
    const res = await net.get('/api/events?type=radwerkstatt&from=2025-01-01&to=2025-12-31&order=asc');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { title: string }) => i.title)).toEqual([
      'Radwerkstatt Juni',
      'Radwerkstatt Juli',
    ]);
    const q = (await net.get('/api/events?q=juli')).json();
    expect(q.items.map((i: { title: string }) => i.title)).toEqual(['Radwerkstatt Juli']);
    const page = (await net.get('/api/events?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(2);
    expect((await net.get('/api/events?q=%25')).json().total).toBe(0);
    expect((await net.get('/api/events?from=2025-13-01')).statusCode).toBe(400);
  });

  it('creates a weekly series: one event per week, own attendance each', async () => {
    const until = addDays('2026-01-06', 7 * 9);
    const first = await create(
      net,
      roundTable({
        type: 'begegnungscafe',
        title: 'Café International',
        date: '2026-01-06',
        repeat: { weekly: true, until },
      }),
    );
    expect(first.series).toMatchObject({ count: 10 });
    const list = (await net.get(`/api/events?series=${first.series!.id}&order=asc&pageSize=50`)).json();
    expect(list.total).toBe(10);
    expect(list.items[1].date).toBe('2026-01-13');
    const second = list.items[1].id as string;
    expect((await net.patch(`/api/events/${second}`, { participants: { refugees: 12 } })).statusCode).toBe(
      200,
    );
    const [a, b] = await Promise.all([net.get(`/api/events/${first.id}`), net.get(`/api/events/${second}`)]);
    expect(a.json().participants.refugees).toBe(5);
    expect(b.json().participants.refugees).toBe(12);
    expect(b.json().series).toEqual(first.series);
    const audits = await t.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'event.created'),
          inArray(
            auditLog.entityId,
            list.items.map((i: { id: string }) => i.id),
          ),
        ),
      );
    expect(audits).toHaveLength(10);
  });

  it('names participants who agreed; a volunteer at a training counts as training attended', async () => {
    const training = await create(
      net,
      roundTable({ type: 'schulung', title: 'Schulung Datenschutz', partnerIds: [] }),
    );
    const [v] = await t.db
      .insert(volunteers)
      .values({ siteId: site('BA'), firstName: 'Lena', lastName: 'Schulz' } as typeof volunteers.$inferInsert)
      .returning();
    const add = await net.post(`/api/events/${training.id}/participants`, {
      name: 'Lena Schulz',
      group: 'volunteers',
      volunteerId: v!.id,
      consentedOn: today,
    });
    expect(add.statusCode, add.body).toBe(201);
    const bad = await net.post(`/api/events/${training.id}/participants`, {
      name: 'X',
      group: 'volunteers',
      volunteerId: '00000000-0000-4000-8000-000000000000',
      consentedOn: today,
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['volunteerId']);
    expect(
      paths(
        await net.post(`/api/events/${training.id}/participants`, {
          name: 'X',
          group: 'aliens',
          consentedOn: today,
        }),
      ),
    ).toEqual(['group']);
    expect(await trainingsOf(t.db, v!.id)).toEqual([
      expect.objectContaining({ eventId: training.id, title: 'Schulung Datenschutz' }),
    ]);
    const list = await net.get(`/api/events/${training.id}/participants`);
    expect(list.json()).toHaveLength(1);
    const pid = list.json()[0].id;
    expect((await netMh.request('DELETE', `/api/events/${training.id}/participants/${pid}`)).statusCode).toBe(
      404,
    );
    expect((await net.request('DELETE', `/api/events/${training.id}/participants/${pid}`)).statusCode).toBe(
      204,
    );
    expect(await trainingsOf(t.db, v!.id)).toEqual([]);
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, pid));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'event.participant_added',
      'event.participant_removed',
    ]);
  });

  it('an agreed action becomes the owner’s follow-up in one transaction', async () => {
    const e = await create(net, roundTable({ title: 'Runder Tisch Wohnen' }));
    const staff = (await net.get(`/api/events/staff?siteId=${site('BA')}`)).json() as {
      id: string;
      displayName: string;
    }[];
    const names = staff.map((s) => s.displayName);
    expect(names).toEqual(
      expect.arrayContaining(['Demo Fachkraft', 'Demo Standortleitung', 'Demo Netzwerkarbeit']),
    );
    expect(names).not.toContain('Demo Beirat');
    expect((await net.get(`/api/events/staff?siteId=${site('MH')}`)).json()).toEqual([]);

    const res = await net.post(`/api/events/${e.id}/actions`, {
      text: 'Vermieter ansprechen',
      ownerUserId: fk.user.id,
      dueOn: today,
    });
    expect(res.statusCode, res.body).toBe(201);
    const action = res.json();
    expect(action).toMatchObject({ ownerUserId: fk.user.id, ownerName: 'Demo Fachkraft', done: false });
    const [fu] = await t.db.select().from(followUps).where(eq(followUps.id, action.followUpId));
    expect(fu).toMatchObject({
      siteId: site('BA'),
      householdId: null,
      assigneeId: fk.user.id,
      dueOn: today,
      text: 'Vermieter ansprechen',
      kind: 'eventAction',
      doneAt: null,
    });
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.entityId, [action.id, action.followUpId]));
    expect(audits.map((a) => a.action).sort()).toEqual(['event.action_created', 'followup.created']);

    const count = async () => (await t.db.select({ id: followUps.id }).from(followUps)).length;
    const n = await count();
    for (const [body, path] of [
      [
        { text: 'x', ownerUserId: (await board.get('/api/auth/me')).json().user.id, dueOn: today },
        'ownerUserId',
      ],
      [{ text: 'x', ownerUserId: netMh.user.id, dueOn: today }, 'ownerUserId'],
      [{ text: 'x', ownerUserId: fk.user.id, dueOn: '2024-02-31' }, 'dueOn'],
      [{ text: '', ownerUserId: fk.user.id, dueOn: today }, 'text'],
    ] as const) {
      const bad = await net.post(`/api/events/${e.id}/actions`, body);
      expect(bad.statusCode, bad.body).toBe(400);
      expect(paths(bad)).toEqual([path]);
    }
    expect(await count()).toBe(n);

    await net.post(`/api/events/${e.id}/actions`, {
      text: 'Flyer drucken',
      ownerUserId: lead.user.id,
      dueOn: addDays(today, 3),
    });
    await t.db.update(followUps).set({ doneAt: new Date() }).where(eq(followUps.id, action.followUpId));
    const listed = (await fk.get(`/api/events/${e.id}/actions`)).json();
    expect(listed.map((a: { text: string; done: boolean }) => [a.text, a.done])).toEqual([
      ['Vermieter ansprechen', true],
      ['Flyer drucken', false],
    ]);
    const rows = await t.db.select().from(eventActions).where(eq(eventActions.eventId, e.id));
    expect(rows).toHaveLength(2);

    const start = (await lead.get('/api/events/start')).json();
    expect(start.myActions.map((a: { text: string }) => a.text)).toEqual(['Flyer drucken']);
    expect(start.today.map((x: { id: string }) => x.id)).toContain(e.id);
  });

  it('the action is in the caseworker owner’s GET /api/followups', async () => {
    const e = await create(net, roundTable({ title: 'Runder Tisch Schule' }));
    const res = await net.post(`/api/events/${e.id}/actions`, {
      text: 'Schule anrufen',
      ownerUserId: fk.user.id,
      dueOn: today,
    });
    expect(res.statusCode).toBe(201);
    const mine = await fk.get('/api/followups?due=open');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().map((f: { id: string }) => f.id)).toContain(res.json().followUpId);
  });
});
