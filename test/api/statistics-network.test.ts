import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/*
 * Known figures, period P = 2025-01-01 … 2025-06-30, sites BA and MH, all created through the API:
 * events   BA runder-tisch 01-01 brackel (3,5,2,4,0), runder-tisch 06-30 aplerbeck (1,0,0,1,0),
 *          begegnungscafe 03-05 no district (10,12,3,0,2); workshops 2024-12-31 and 07-01 (outside);
 *          MH begegnungscafe 02-01 mengede (7,7,0,0,0)
 * volunteers BA V1 active, event assignment 01-01…01-31, 2.5 h on 01-01 and 1 h on 07-02 (outside);
 *          V2 interested; V3 paused, assignment 2024-06-01…2024-12-31 (before); V4 left, 1.25 h on 05-05;
 *          MH V5 active, 3 h on 02-02 — all recorded today, so none is new in P
 * bookings BA ar: done 1 h (02-03), cancelled (02-04), requested (02-05, past: not served),
 *          no-show (03-03); fa confirmed (04-01, open); MH ar done 2 h (02-10)
 * referrals to offers BA wohnen 03-01 and 04-01, arbeit-beruf 05-01; without offer 03-01; wohnen 07-01
 *          (outside); MH gesundheit 03-01
 * gaps     BA household in brackel with an open need in wohnen; the only offer is arbeit-beruf in aplerbeck
 */
const P = 'from=2025-01-01&to=2025-06-30';
const today = todayBerlin();

let t: TestApp;
let net: Client;
let coord: Client;
let fk: Client;
let fkMh: Client;
let lead: Client;
let central: Client;
let board: Client;
let sites: { id: string; code: string }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;
let both: string;
let offerId: string;
// biome-ignore lint/suspicious/noExplicitAny: inject's json() is untyped
type Res = { statusCode: number; body: string; json(): any };
const ok = (res: Res, status = 201) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
const paths = (res: Res) => (res.json().error.details as { path: string }[]).map((d) => d.path);

async function rowsOf(query: SQL) {
  const r = (await t.db.execute(query)) as unknown as { rows?: Record<string, unknown>[] };
  return (r.rows ?? r) as Record<string, unknown>[];
}

const group = (
  neighbours: number,
  refugees: number,
  volunteers: number,
  partners: number,
  others: number,
) => ({
  neighbours,
  refugees,
  volunteers,
  partners,
  others,
});

async function event(
  client: Client,
  siteCode: string,
  type: string,
  date: string,
  districtCode: string | null,
  p: ReturnType<typeof group>,
) {
  return ok(
    await client.post('/api/events', {
      type,
      title: `${type} ${date}`,
      siteId: site(siteCode),
      ...(districtCode ? { districtCode } : {}),
      date,
      partnerIds: [],
      public: true,
      participants: p,
    }),
  ) as { id: string };
}

async function household(client: Client, siteCode: string, districtCode: string) {
  return ok(
    await client.post('/api/households', {
      siteId: site(siteCode),
      category: 'refugee',
      registeredOn: '2024-11-01',
      districtCode,
      members: [{ firstName: 'Rania', lastName: 'Haddad', birthYear: 1990, roleInHousehold: 'head' }],
    }),
  ) as { id: string };
}

async function referral(client: Client, householdId: string, date: string, lifeArea: string, toOffer = true) {
  ok(
    await client.post(`/api/households/${householdId}/referrals`, {
      date,
      organisation: 'jobcenter',
      lifeArea,
      ...(toOffer ? { offerId } : {}),
    }),
  );
}

async function booking(
  client: Client,
  mediatorId: string,
  language: string,
  date: string,
  status: string[],
  hours?: number,
) {
  const b = ok(
    await client.post('/api/mediator-bookings', { mediatorId, language, date, from: '10:00', to: '11:00' }),
  );
  for (const [i, s] of status.entries()) {
    const last = i === status.length - 1;
    ok(
      await client.patch(`/api/mediator-bookings/${b.id}`, {
        status: s,
        ...(last && hours ? { hours } : {}),
      }),
      200,
    );
  }
}

async function volunteer(client: Client, status: string, extra: Record<string, unknown> = {}) {
  return ok(
    await client.post('/api/volunteers', {
      firstName: 'Lena',
      lastName: `Vogt ${status}`,
      languages: ['de'],
      districtCodes: [],
      status,
      ...extra,
    }),
  ) as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  [net, coord, fk, lead, central, board] = await Promise.all(
    ['netzwerk', 'ehrenamt', 'fachkraft.ba', 'leitung.ba', 'zentrale', 'beirat'].map((u) => t.login(u)),
  );
  sites = (await central.get('/api/sites')).json();
  both = `${site('BA')},${site('MH')}`;
  ok(
    await admin.post('/api/users', {
      username: 'fachkraft.mh',
      displayName: 'Fachkraft MH',
      password: demoPassword,
      role: 'caseworker',
      siteIds: [site('MH')],
    }),
  );
  fkMh = await t.login('fachkraft.mh');

  const e1 = await event(net, 'BA', 'runder-tisch', '2025-01-01', 'brackel', group(3, 5, 2, 4, 0));
  await event(net, 'BA', 'runder-tisch', '2025-06-30', 'aplerbeck', group(1, 0, 0, 1, 0));
  await event(net, 'BA', 'begegnungscafe', '2025-03-05', null, group(10, 12, 3, 0, 2));
  await event(net, 'BA', 'workshop', '2024-12-31', 'brackel', group(5, 5, 5, 5, 5));
  await event(net, 'BA', 'workshop', '2025-07-01', 'brackel', group(5, 5, 5, 5, 5));
  await event(central, 'MH', 'begegnungscafe', '2025-02-01', 'mengede', group(7, 7, 0, 0, 0));

  const partner = ok(
    await net.post('/api/partners', { name: 'AWO', kind: 'welfareAssociation', siteId: site('BA') }),
  );
  offerId = ok(
    await net.post('/api/offers', {
      title: 'Bewerbungstraining',
      partnerId: partner.id,
      lifeAreas: ['arbeit-beruf'],
      targetGroups: ['all'],
      languages: ['de'],
      districtCode: 'aplerbeck',
      appointmentOnly: true,
      free: true,
      accessible: true,
      status: 'active',
      lastCheckedOn: today,
    }),
  ).id;

  const v1 = await volunteer(coord, 'active');
  const a1 = ok(
    await coord.post(`/api/volunteers/${v1.id}/assignments`, {
      eventId: e1.id,
      startsOn: '2025-01-01',
      endsOn: '2025-01-31',
    }),
  );
  ok(
    await coord.post(`/api/volunteers/${v1.id}/hours`, {
      date: '2025-01-01',
      hours: 2.5,
      assignmentId: a1.id,
    }),
  );
  ok(await coord.post(`/api/volunteers/${v1.id}/hours`, { date: '2025-07-02', hours: 1 }));
  await volunteer(coord, 'interested');
  const v3 = await volunteer(coord, 'paused');
  ok(
    await coord.post(`/api/volunteers/${v3.id}/assignments`, {
      offerId,
      startsOn: '2024-06-01',
      endsOn: '2024-12-31',
    }),
  );
  const v4 = await volunteer(coord, 'left');
  ok(await coord.post(`/api/volunteers/${v4.id}/hours`, { date: '2025-05-05', hours: 1.25 }));
  const v5 = await volunteer(central, 'active', { siteId: site('MH') });
  ok(await central.post(`/api/volunteers/${v5.id}/hours`, { date: '2025-02-02', hours: 3 }));

  const m = ok(
    await lead.post('/api/mediators', {
      name: 'Amina',
      kind: 'freelance',
      languages: ['ar', 'fa'],
      rate: 40,
    }),
  );
  await booking(fk, m.id, 'ar', '2025-02-03', ['confirmed', 'done'], 1);
  await booking(fk, m.id, 'ar', '2025-02-04', ['cancelled']);
  await booking(fk, m.id, 'ar', '2025-02-05', []);
  await booking(fk, m.id, 'ar', '2025-03-03', ['confirmed', 'noShow']);
  await booking(fk, m.id, 'fa', '2025-04-01', ['confirmed']);
  await booking(fkMh, m.id, 'ar', '2025-02-10', ['confirmed', 'done'], 2);

  const h = await household(fk, 'BA', 'brackel');
  ok(
    await fk.post(`/api/households/${h.id}/needs`, {
      assessedOn: '2025-01-10',
      lifeArea: 'wohnen',
      level: 3,
      obstacles: [],
    }),
  );
  await referral(fk, h.id, '2025-03-01', 'wohnen');
  await referral(fk, h.id, '2025-04-01', 'wohnen');
  await referral(fk, h.id, '2025-05-01', 'arbeit-beruf');
  await referral(fk, h.id, '2025-03-01', 'wohnen', false);
  await referral(fk, h.id, '2025-07-01', 'wohnen');
  const hMh = await household(fkMh, 'MH', 'mengede');
  await referral(fkMh, hMh.id, '2025-03-01', 'gesundheit');
}, 240_000);
afterAll(() => t?.close());

const network = (c: Client, q: string) => c.get(`/api/statistics/network?${q}`);
// biome-ignore lint/suspicious/noExplicitAny: figures are checked field by field
const byCode = (items: any[], code: string | null) => items.find((i) => i.code === code);

describe('GET /api/statistics/network', () => {
  it('counts events and participants by type and district', async () => {
    const body = ok(await network(central, `${P}&siteIds=${both}`), 200);
    expect(byCode(body.eventsByType.items, 'runder-tisch')).toMatchObject({
      events: 2,
      participants: 16,
      neighbours: 4,
      refugees: 5,
      volunteers: 2,
      partners: 5,
      others: 0,
    });
    expect(byCode(body.eventsByType.items, 'begegnungscafe')).toMatchObject({ events: 2, participants: 41 });
    expect(byCode(body.eventsByType.items, 'workshop')).toMatchObject({ events: 0, participants: 0 });
    expect(body.eventsByType.total).toMatchObject({ events: 4, participants: 57 });
    expect(body.eventsByDistrict.total).toEqual(body.eventsByType.total);
    const districts = Object.fromEntries(
      // biome-ignore lint/suspicious/noExplicitAny: see above
      body.eventsByDistrict.items.filter((i: any) => i.events > 0).map((i: any) => [i.code, i.participants]),
    );
    expect(districts).toEqual({ brackel: 14, aplerbeck: 2, mengede: 14, null: 27 });
    expect(byCode(body.eventsByDistrict.items, null).label).toBe('ohne Bezirk');

    // the same figures by plain SQL over the events table
    const plain = await rowsOf(sql`SELECT type, count(*)::int AS n,
        sum(neighbours + refugees + volunteers + partner_count + others)::int AS p
      FROM events WHERE site_id IN (${site('BA')}, ${site('MH')}) AND date BETWEEN '2025-01-01' AND '2025-06-30'
      GROUP BY type`);
    for (const r of plain)
      expect(byCode(body.eventsByType.items, String(r.type))).toMatchObject({
        events: r.n,
        participants: r.p,
      });
  });

  it('counts active and new volunteers and their hours per site', async () => {
    const body = ok(await network(central, `${P}&siteIds=${both}`), 200);
    const row = (code: string) => body.volunteers.rows.find((r: { siteCode: string }) => r.siteCode === code);
    expect(row('BA')).toMatchObject({ active: 2, new: 0, hours: 3.75 });
    expect(row('MH')).toMatchObject({ active: 1, new: 0, hours: 3 });
    expect(body.volunteers.total).toEqual({ active: 3, new: 0, hours: 6.75 });
    const [plain] = await rowsOf(sql`SELECT sum(h.hours)::float AS hours FROM volunteer_hours h
      JOIN volunteers v ON v.id = h.volunteer_id
      WHERE v.site_id IN (${site('BA')}, ${site('MH')}) AND h.date BETWEEN '2025-01-01' AND '2025-06-30'`);
    expect(body.volunteers.total.hours).toBe(plain.hours);

    // up to today: everyone with status active counts, and all were recorded today
    const now = ok(await network(central, `from=2025-01-01&siteIds=${site('BA')}`), 200);
    expect(now.volunteers.rows[0]).toMatchObject({ active: 2, new: 4, hours: 4.75 });
  });

  it('counts mediator bookings served, not served and open, with hours, by language', async () => {
    const body = ok(await network(central, `${P}&siteIds=${both}`), 200);
    expect(byCode(body.mediatorBookings.items, 'ar')).toMatchObject({
      label: 'Arabisch',
      bookings: 5,
      served: 2,
      notServed: 3,
      open: 0,
      hours: 3,
    });
    expect(byCode(body.mediatorBookings.items, 'fa')).toMatchObject({
      bookings: 1,
      served: 0,
      notServed: 0,
      open: 1,
    });
    expect(body.mediatorBookings.total).toEqual({ bookings: 6, served: 2, notServed: 3, open: 1, hours: 3 });
    const plain = await rowsOf(sql`SELECT language, count(*)::int AS n,
        count(*) FILTER (WHERE status = 'done')::int AS done
      FROM mediator_bookings WHERE site_id IN (${site('BA')}, ${site('MH')})
        AND date BETWEEN '2025-01-01' AND '2025-06-30' GROUP BY language`);
    for (const r of plain)
      expect(byCode(body.mediatorBookings.items, String(r.language))).toMatchObject({
        bookings: r.n,
        served: r.done,
      });
  });

  it('counts referrals to offers by life area, and lists the gaps', async () => {
    const body = ok(await network(central, `${P}&siteIds=${both}`), 200);
    expect(byCode(body.referralsToOffers.items, 'wohnen').count).toBe(2);
    expect(byCode(body.referralsToOffers.items, 'arbeit-beruf').count).toBe(1);
    expect(byCode(body.referralsToOffers.items, 'gesundheit').count).toBe(1);
    expect(body.referralsToOffers.total.count).toBe(4);
    const [plain] = await rowsOf(sql`SELECT count(*)::int AS n FROM referrals
      WHERE offer_id IS NOT NULL AND date BETWEEN '2025-01-01' AND '2025-06-30'`);
    expect(body.referralsToOffers.total.count).toBe(plain.n);
    expect(body.gaps.items).toContainEqual({
      districtCode: 'brackel',
      districtLabel: 'Brackel',
      lifeArea: 'wohnen',
      lifeAreaLabel: 'Wohnen',
      openNeeds: 1,
      activeOffers: 0,
    });
    expect(body.gaps.items.some((g: { lifeArea: string }) => g.lifeArea === 'arbeit-beruf')).toBe(false);
  });

  it('keeps to the chosen sites and to the viewer’s own', async () => {
    const ba = ok(await network(central, `${P}&siteIds=${site('BA')}`), 200);
    expect(ba.eventsByType.total).toMatchObject({ events: 3, participants: 43 });
    expect(ba.volunteers.rows.map((r: { siteCode: string }) => r.siteCode)).toEqual(['BA']);
    expect(byCode(ba.mediatorBookings.items, 'ar')).toMatchObject({ bookings: 4, served: 1, hours: 1 });
    expect(ba.referralsToOffers.total.count).toBe(3);
    expect(ba.gaps.items.every((g: { districtCode: string }) => g.districtCode !== 'mengede')).toBe(true);
    // a site lead sees their own sites by default and may not ask for another's
    const own = ok(await network(lead, P), 200);
    expect(own.filters.siteIds).toEqual(lead.user.siteIds);
    expect(own.eventsByType.total).toEqual(ba.eventsByType.total);
    const other = await network(lead, `${P}&siteIds=${site('MH')}`);
    expect(other.statusCode).toBe(403);
    expect(paths(other)).toEqual(['siteIds']);
    expect((await network(net, P)).statusCode).toBe(403);
  });

  it('protects small cells for the board, hours with their counts', async () => {
    const body = ok(await network(board, `${P}&siteIds=${both}`), 200);
    expect(body.filters.protected).toBe(true);
    // no published count from 1 to 2 anywhere in the answer
    const published: number[] = [];
    const walk = (x: unknown, key = '') => {
      if (Array.isArray(x)) for (const y of x) walk(y);
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, k);
      else if (typeof x === 'number' && key !== 'hours' && key !== 'activeOffers') published.push(x);
    };
    walk(body);
    expect(published.filter((n) => n > 0 && n < 3)).toEqual([]);
    const brackel = byCode(body.eventsByDistrict.items, 'brackel');
    expect(brackel.events).toBeNull();
    expect(brackel.suppressed.events).toBe('small');
    const fa = byCode(body.mediatorBookings.items, 'fa');
    expect(fa).toMatchObject({ bookings: null, open: null, served: 0 });
    const ar = byCode(body.mediatorBookings.items, 'ar');
    expect(ar.served).toBeNull();
    expect(ar.hours).toBeNull();
    expect(ar.suppressed.hours).toBe(ar.suppressed.served);
    const gap = body.gaps.items.find((g: { districtCode: string }) => g.districtCode === 'brackel');
    expect(gap).toMatchObject({ openNeeds: null, suppressed: { openNeeds: 'small' } });
    // the same protection for a publication by central coordination
    const publication = ok(await network(central, `${P}&siteIds=${both}&publication=true`), 200);
    expect(publication).toEqual(body);
  });

  it('refuses bad filters by name', async () => {
    for (const [query, path] of [
      ['from=2025-13-01', 'from'],
      ['to=gestern', 'to'],
      ['from=2025-06-30&to=2025-01-01', 'to'],
      ['siteIds=nope', 'siteIds'],
      ['from=1980-01-01&to=2025-01-01', 'from'],
    ]) {
      const res = await network(central, query);
      expect(res.statusCode, query).toBe(400);
      expect(new Set(paths(res)), query).toEqual(new Set([path]));
    }
  });

  it('is audited without values, and goes into the XLSX and CSV exports', async () => {
    await network(central, `${P}&siteIds=${both}`);
    const [entry] = await rowsOf(sql`SELECT entity_id, fields FROM audit_log
      WHERE action = 'statistics.viewed' AND entity_id = 'network' ORDER BY at DESC LIMIT 1`);
    expect(entry.fields).toEqual(['from', 'siteIds', 'to']);

    const res = await central.get(`/api/statistics/export.xlsx?${P}&siteIds=${both}`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names.slice(-6)).toEqual([
      'Veranstaltungen nach Art',
      'Veranstaltungen nach Bezirk',
      'Ehrenamtliche',
      'Sprachmittlung',
      'Vermittlungen in Angebote',
      'Angebotslücken',
    ]);
    const sheet = book.getWorksheet('Ehrenamtliche')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Standort',
      'aktive Ehrenamtliche',
      'neu gewonnene Ehrenamtliche',
      'Stunden',
    ]);

    const csv = await central.get(
      `/api/statistics/export.csv?${P}&siteIds=${both}&table=mediator-bookings&dialect=plain`,
    );
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Sprache,Buchungen,durchgeführt,nicht bedient,offen,Stunden');
    expect(lines).toContain('Arabisch,5,2,3,0,3');
    const long = (await central.get(`/api/statistics/export.csv?${P}&siteIds=${both}&dialect=plain`)).body;
    expect(long).toContain('events-by-type,runder-tisch,Runder Tisch,Teilnehmende gesamt,16');
    const protectedCsv = await board.get(
      `/api/statistics/export.csv?${P}&siteIds=${both}&table=network-gaps&dialect=plain`,
    );
    expect(protectedCsv.body).toContain('Brackel,Wohnen,< 3,0');
  });
});
