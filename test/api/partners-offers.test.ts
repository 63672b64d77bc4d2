import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema/index.js';
import { addMonths, todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let net: Client; // networkWorker at BA
let central: Client;
let fk: Client; // caseworker BA
let board: Client;
let coord: Client; // volunteerCoordinator
let sites: { id: string; code: string; districtCodes: string[] }[];
const site = (code: string) => sites.find((s) => s.code === code)!.id;
const today = todayBerlin();
const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  (res.json().error.details ?? []).map((d) => d.path);

async function partner(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/partners', {
    name: 'Caritasverband Dortmund',
    kind: 'welfareAssociation',
    districtCodes: ['brackel'],
    siteId: site('BA'),
    contactPersons: [{ name: 'Anna Beispiel', function: 'Migrationsdienst', phone: '0231 123456' }],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; siteId: string };
}

const offerBody = (partnerId: string, extra: Record<string, unknown> = {}) => ({
  title: 'Sprachcafé für Frauen',
  partnerId,
  lifeAreas: ['familie-freizeit'],
  targetGroups: ['women'],
  languages: ['ar', 'de'],
  districtCode: 'brackel',
  openingHours: 'Di 10–12 Uhr',
  appointmentOnly: false,
  free: true,
  accessible: true,
  status: 'active',
  lastCheckedOn: today,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  net = await t.login('netzwerk');
  central = await t.login('zentrale');
  fk = await t.login('fachkraft.ba');
  board = await t.login('beirat');
  coord = await t.login('ehrenamt');
  sites = (await net.get('/api/sites')).json();
});
afterAll(() => t.close());

describe('partners', () => {
  it('creates, reads, updates and audits field names only', async () => {
    const p = await partner(net, { note: 'geheime Notiz', tags: ['Runder Tisch'] });
    const got = await fk.get(`/api/partners/${p.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      name: 'Caritasverband Dortmund',
      kind: 'welfareAssociation',
      districtCodes: ['brackel'],
      contactPersons: [{ name: 'Anna Beispiel', function: 'Migrationsdienst' }],
      tags: ['Runder Tisch'],
      lastContactOn: null,
      offerCount: 0,
    });
    const patched = await net.patch(`/api/partners/${p.id}`, { kind: 'initiative', note: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ kind: 'initiative', note: null });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(entries.map((e) => e.action).sort()).toEqual(['partner.created', 'partner.updated']);
    const all = JSON.stringify(entries);
    expect(all).toContain('note');
    expect(all).not.toContain('geheime');
    expect(all).not.toContain('Caritas');
  });

  it('refuses bad input naming the field', async () => {
    const control = await net.post('/api/partners', {
      name: 'Verein\u0007',
      kind: 'other',
      siteId: site('BA'),
    });
    expect(control.statusCode).toBe(400);
    expect(paths(control)).toEqual(['name']);
    const bad = await net.post('/api/partners', {
      name: ' ',
      kind: 'club',
      siteId: site('BA'),
      contactPersons: [{ name: '', email: 'no-mail' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(
      expect.arrayContaining(['name', 'kind', 'contactPersons.0.name', 'contactPersons.0.email']),
    );
    const unknown = await net.post('/api/partners', {
      name: 'Sportverein',
      kind: 'sportsClub',
      siteId: site('BA'),
      districtCodes: ['brackel', 'atlantis'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['districtCodes.1']);
    const empty = await net.patch(`/api/partners/${(await partner(net)).id}`, {});
    expect(empty.statusCode).toBe(400);
    const missing = await net.get('/api/partners/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('lets a network worker write partners of their own sites only; central everywhere', async () => {
    const other = await partner(central, { name: 'Moscheegemeinde Mengede', siteId: site('MH') });
    expect((await net.get(`/api/partners/${other.id}`)).statusCode).toBe(200);
    const patch = await net.patch(`/api/partners/${other.id}`, { note: 'x' });
    expect(patch.statusCode).toBe(403);
    const contact = await net.post(`/api/partners/${other.id}/contacts`, { date: today, kind: 'phone' });
    expect(contact.statusCode).toBe(403);
    const create = await net.post('/api/partners', { name: 'X', kind: 'other', siteId: site('MH') });
    expect(create.statusCode).toBe(403);
    expect(paths(create)).toEqual(['siteId']);
    const offer = await net.post('/api/offers', offerBody(other.id));
    expect(offer.statusCode).toBe(403);
    expect((await central.patch(`/api/partners/${other.id}`, { note: 'ok' })).statusCode).toBe(200);
  });

  it('keeps read and write permissions apart by role', async () => {
    const p = await partner(net);
    expect((await fk.get('/api/partners')).statusCode).toBe(200);
    expect((await coord.get(`/api/partners/${p.id}`)).statusCode).toBe(200);
    expect(
      (await fk.post('/api/partners', { name: 'Y', kind: 'other', siteId: site('BA') })).statusCode,
    ).toBe(403);
    expect((await board.get('/api/partners')).statusCode).toBe(403);
    expect((await board.get('/api/offers')).statusCode).toBe(403);
    expect((await board.get('/api/network/gaps')).statusCode).toBe(403);
    expect((await fk.get('/api/network/gaps')).statusCode).toBe(403);
  });

  it('keeps a dated contact history, newest first, and refuses implausible dates', async () => {
    const p = await partner(net);
    const a = await net.post(`/api/partners/${p.id}/contacts`, { date: '2024-03-01', kind: 'meeting' });
    expect(a.statusCode, a.body).toBe(201);
    const b = await net.post(`/api/partners/${p.id}/contacts`, {
      date: '2025-01-15',
      kind: 'agreement',
      note: 'Kooperationsvereinbarung',
    });
    expect(b.statusCode).toBe(201);
    expect(b.json()).toMatchObject({ staffName: 'Demo Netzwerkarbeit' });
    const list = (await net.get(`/api/partners/${p.id}/contacts`)).json();
    expect(list.map((c: { date: string }) => c.date)).toEqual(['2025-01-15', '2024-03-01']);
    expect((await net.get(`/api/partners/${p.id}`)).json().lastContactOn).toBe('2025-01-15');
    for (const date of ['1999-12-31', addMonths(today, 2)]) {
      const bad = await net.post(`/api/partners/${p.id}/contacts`, { date, kind: 'phone' });
      expect(bad.statusCode).toBe(400);
      expect(paths(bad)).toEqual(['date']);
    }
    const kind = await net.post(`/api/partners/${p.id}/contacts`, { date: today, kind: 'fax' });
    expect(paths(kind)).toEqual(['kind']);
  });

  it('finds partners across spelling variants and umlauts, sorted in German order', async () => {
    await partner(net, { name: 'Türkisch-Islamische Gemeinde Brackel', kind: 'mosqueCommunity' });
    await partner(net, {
      name: 'Ökumenische Initiative Aplerbeck',
      kind: 'initiative',
      districtCodes: ['aplerbeck'],
    });
    await partner(net, { name: 'Arbeiterwohlfahrt Brackel', kind: 'welfareAssociation' });
    const names = async (q: string) =>
      (
        (await net.get(`/api/partners?q=${encodeURIComponent(q)}&pageSize=200`)).json().items as {
          name: string;
        }[]
      ).map((p) => p.name);
    expect(await names('Karitas')).toContain('Caritasverband Dortmund');
    expect(await names('caritas')).toContain('Caritasverband Dortmund');
    expect(await names('Tuerkisch')).toContain('Türkisch-Islamische Gemeinde Brackel');
    expect(await names('Turkisch islamisch')).toContain('Türkisch-Islamische Gemeinde Brackel');
    expect(await names('Oekumenisch')).toContain('Ökumenische Initiative Aplerbeck');
    expect(await names('Karitas')).not.toContain('Arbeiterwohlfahrt Brackel');
    const aplerbeck = (await net.get('/api/partners?districtCode=aplerbeck')).json();
    expect(aplerbeck.items.map((p: { name: string }) => p.name)).toEqual([
      'Ökumenische Initiative Aplerbeck',
    ]);
    const mosques = (await net.get('/api/partners?kind=mosqueCommunity')).json();
    expect(mosques.total).toBe(1);
    const sorted = (await net.get('/api/partners?pageSize=200&siteId=' + site('BA'))).json();
    const list = sorted.items.map((p: { name: string }) => p.name);
    // "Ökumenische" sorts with O (German), not after Z
    expect(list.indexOf('Ökumenische Initiative Aplerbeck')).toBeLessThan(
      list.indexOf('Türkisch-Islamische Gemeinde Brackel'),
    );
    expect(list[0]).toBe('Arbeiterwohlfahrt Brackel');
    const page2 = (await net.get(`/api/partners?pageSize=2&page=2&siteId=${site('BA')}`)).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: sorted.total });
    expect(page2.items.map((p: { name: string }) => p.name)).toEqual(list.slice(2, 4));
  });
});

describe('offers', () => {
  it('creates an offer, lists it with filters and tolerant search, counts referrals', async () => {
    const p = await partner(net, { name: 'Diakonie Brackel' });
    const res = await net.post('/api/offers', offerBody(p.id));
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({ partnerName: 'Diakonie Brackel', stale: false, referralCount: 0 });
    await net.post(
      '/api/offers',
      offerBody(p.id, {
        title: 'Bewerbungstraining',
        lifeAreas: ['arbeit-beruf'],
        targetGroups: ['all'],
        languages: ['fa'],
        districtCode: 'aplerbeck',
      }),
    );
    const titles = async (query: string) =>
      ((await fk.get(`/api/offers?${query}`)).json().items as { title: string }[]).map((i) => i.title);
    expect(await titles('q=Sprachkafe')).toContain('Sprachcafé für Frauen');
    expect(await titles('q=Diakonie')).toEqual(
      expect.arrayContaining(['Sprachcafé für Frauen', 'Bewerbungstraining']),
    );
    expect(await titles('lifeArea=arbeit-beruf')).toEqual(['Bewerbungstraining']);
    expect(await titles('language=ar')).toEqual(['Sprachcafé für Frauen']);
    expect(await titles('districtCode=aplerbeck')).toEqual(['Bewerbungstraining']);
    // "all" serves every target group
    expect(await titles('targetGroup=seniors')).toEqual(['Bewerbungstraining']);
    expect(await titles('targetGroup=women')).toEqual(['Bewerbungstraining', 'Sprachcafé für Frauen']);
    const page = (await fk.get('/api/offers?status=active&pageSize=1')).json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });

    const h = await fk.post('/api/households', {
      siteId: site('BA'),
      category: 'refugee',
      registeredOn: '2024-02-01',
      members: [{ firstName: 'Rania', lastName: 'Haddad', birthYear: 1990, roleInHousehold: 'head' }],
    });
    const refer = (body: Record<string, unknown>) =>
      fk.post(`/api/households/${h.json().id}/referrals`, {
        date: today,
        organisation: 'jobcenter',
        lifeArea: 'familie-freizeit',
        ...body,
      });
    for (let i = 0; i < 2; i++) {
      const r = await refer({ offerId: o.id });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().offerId).toBe(o.id);
    }
    const listed = (await fk.get(`/api/households/${h.json().id}/referrals`)).json();
    expect(listed.map((r: { offerId: string }) => r.offerId)).toEqual([o.id, o.id]);
    // an unknown offer is a 400 naming the field, and nothing is written
    const unknown = await refer({ offerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['offerId']);
    expect(paths(await refer({ offerId: 'nope' }))).toEqual(['offerId']);
    expect((await fk.get(`/api/households/${h.json().id}/referrals`)).json()).toHaveLength(2);
    const detail = (await fk.get(`/api/offers/${o.id}`)).json();
    expect(detail.referralCount).toBe(2);
    expect(JSON.stringify(detail)).not.toContain('Haddad');
  });

  it('wants opening hours or "by appointment", not both and not neither', async () => {
    const p = await partner(net);
    const both = await net.post('/api/offers', offerBody(p.id, { appointmentOnly: true }));
    expect(both.statusCode).toBe(400);
    expect(paths(both)).toEqual(['openingHours', 'appointmentOnly']);
    const neither = await net.post('/api/offers', offerBody(p.id, { openingHours: null }));
    expect(neither.statusCode).toBe(400);
    expect(paths(neither)).toContain('openingHours');
    const ok = await net.post('/api/offers', offerBody(p.id, { openingHours: null, appointmentOnly: true }));
    expect(ok.statusCode).toBe(201);
    // switching back to hours needs the hours
    const back = await net.patch(`/api/offers/${ok.json().id}`, { appointmentOnly: false });
    expect(back.statusCode).toBe(400);
    const fixed = await net.patch(`/api/offers/${ok.json().id}`, {
      appointmentOnly: false,
      openingHours: 'Mo 9 Uhr',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
  });

  it('refuses unknown codes, partners and bad values naming the field', async () => {
    const p = await partner(net);
    const res = await net.post('/api/offers', offerBody(p.id, { lifeAreas: ['wohnen', 'mond'] }));
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['lifeAreas.1']);
    const district = await net.post('/api/offers', offerBody(p.id, { districtCode: 'atlantis' }));
    expect(paths(district)).toEqual(['districtCode']);
    const lang = await net.post('/api/offers', offerBody(p.id, { languages: ['xx'] }));
    expect(paths(lang)).toEqual(['languages.0']);
    const group = await net.post('/api/offers', offerBody(p.id, { targetGroups: ['pets'] }));
    expect(paths(group)).toEqual(['targetGroups.0']);
    const nop = await net.post('/api/offers', offerBody('00000000-0000-4000-8000-000000000000'));
    expect(nop.statusCode).toBe(400);
    expect(paths(nop)).toEqual(['partnerId']);
    const date = await net.post('/api/offers', offerBody(p.id, { lastCheckedOn: '1970-01-01' }));
    expect(paths(date)).toEqual(['lastCheckedOn']);
    const q = await net.get('/api/offers?status=open');
    expect(q.statusCode).toBe(400);
  });

  it('flags offers not checked for the review period and marks them checked', async () => {
    const p = await partner(net, { name: 'Stadtteilverein Alt' });
    const old = addMonths(today, -7);
    const res = await net.post('/api/offers', offerBody(p.id, { title: 'Radwerkstatt', lastCheckedOn: old }));
    const id = res.json().id;
    expect(res.json().stale).toBe(true);
    const stale = (await net.get('/api/offers?stale=true&pageSize=200')).json();
    expect(stale.items.map((i: { id: string }) => i.id)).toContain(id);
    const checked = await net.post(`/api/offers/${id}/checked`);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ stale: false, lastCheckedOn: today });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${id} AND ${auditLog.action} = 'offer.checked'`);
    expect(entry.fields).toEqual(['lastCheckedOn']);
  });

  it('reads the review period from the configuration', async () => {
    const t2 = await createTestApp({ env: { QUARTIER_OFFER_REVIEW_MONTHS: '12' } });
    try {
      const n2 = await t2.login('netzwerk');
      const s2 = (await n2.get('/api/sites')).json() as { id: string }[];
      const p = await n2.post('/api/partners', { name: 'P', kind: 'other', siteId: s2[0].id });
      const o = await n2.post('/api/offers', offerBody(p.json().id, { lastCheckedOn: addMonths(today, -7) }));
      expect(o.json().stale).toBe(false);
    } finally {
      await t2.close();
    }
  });
});

describe('network survey and gaps', () => {
  async function householdWithNeed(district: string, lifeArea: string, level: number, status?: string) {
    const h = await fk.post('/api/households', {
      siteId: site('BA'),
      category: 'refugee',
      registeredOn: '2024-02-01',
      districtCode: district,
      members: [{ firstName: 'Amina', lastName: 'Yilmaz', birthYear: 1985, roleInHousehold: 'head' }],
    });
    expect(h.statusCode, h.body).toBe(201);
    const id = h.json().id;
    const need = await fk.post(`/api/households/${id}/needs`, { assessedOn: '2024-03-01', lifeArea, level });
    expect(need.statusCode, need.body).toBe(201);
    if (status) expect((await fk.patch(`/api/households/${id}`, { status })).statusCode).toBe(200);
    return id;
  }

  it('computes open needs and active offers per district × life area as plain SQL does', async () => {
    for (let i = 0; i < 4; i++) await householdWithNeed('aplerbeck', 'wohnen', 3);
    await householdWithNeed('aplerbeck', 'gesundheit', 3);
    await householdWithNeed('aplerbeck', 'gesundheit', 1); // low: not open
    await householdWithNeed('aplerbeck', 'wohnen', 3, 'closed'); // closed: not counted
    // a later assessment of the same household lowers the need: only the latest counts
    const resolved = await householdWithNeed('aplerbeck', 'mobilitaet', 3);
    await fk.post(`/api/households/${resolved}/needs`, {
      assessedOn: '2024-06-01',
      lifeArea: 'mobilitaet',
      level: 0,
    });

    const expected = (await t.db.execute(sql`
      SELECT h.district_code AS d, x.life_area AS l, count(DISTINCT h.id)::int AS n
      FROM households h JOIN needs_assessments x ON x.household_id = h.id
      WHERE h.status NOT IN ('closed', 'movedAway') AND x.level >= 2
        AND h.district_code IN ('brackel', 'aplerbeck')
        AND NOT EXISTS (SELECT 1 FROM needs_assessments y WHERE y.household_id = x.household_id
          AND y.life_area = x.life_area AND y.person_id IS NOT DISTINCT FROM x.person_id
          AND (y.assessed_on, y.created_at) > (x.assessed_on, x.created_at))
      GROUP BY 1, 2`)) as unknown as
      | { rows: { d: string; l: string; n: number }[] }
      | { d: string; l: string; n: number }[];
    const exp = Array.isArray(expected) ? expected : expected.rows;

    const gaps = await central.get(`/api/network/gaps?siteIds=${site('BA')}`);
    expect(gaps.statusCode, gaps.body).toBe(200);
    const items = gaps.json() as {
      districtCode: string;
      lifeArea: string;
      openNeeds: number | null;
      activeOffers: number;
      gap: boolean;
    }[];
    for (const e of exp) {
      expect(items.find((i) => i.districtCode === e.d && i.lifeArea === e.l)?.openNeeds).toBe(Number(e.n));
    }
    const housing = items.find((i) => i.districtCode === 'aplerbeck' && i.lifeArea === 'wohnen');
    expect(housing).toMatchObject({ openNeeds: 4, activeOffers: 0, gap: true });
    expect(items.find((i) => i.lifeArea === 'mobilitaet' && i.districtCode === 'aplerbeck')).toBeUndefined();
    // the offer tests added an active offer for arbeit-beruf in aplerbeck: supply without need, no gap
    expect(items.find((i) => i.districtCode === 'aplerbeck' && i.lifeArea === 'arbeit-beruf')).toMatchObject({
      openNeeds: 0,
      gap: false,
    });
    expect(items.every((i) => (i.openNeeds ?? 1) > 0 || i.activeOffers > 0)).toBe(true);
    expect(JSON.stringify(items)).not.toContain('Yilmaz');

    // an offer closes the gap
    const p = await partner(net, { name: 'Wohnungslotsen' });
    await net.post(
      '/api/offers',
      offerBody(p.id, { title: 'Wohnungssuche', lifeAreas: ['wohnen'], districtCode: 'aplerbeck' }),
    );
    const after = (await central.get(`/api/network/gaps?siteIds=${site('BA')}`)).json() as typeof items;
    expect(after.find((i) => i.districtCode === 'aplerbeck' && i.lifeArea === 'wohnen')).toMatchObject({
      activeOffers: 1,
      gap: false,
    });
  });

  it('protects small counts for roles without exact statistics', async () => {
    const forNet = (await net.get('/api/network/gaps')).json() as {
      districtCode: string;
      lifeArea: string;
      openNeeds: number | null;
      openNeedsBand?: string;
      gap: boolean;
    }[];
    const health = forNet.find((i) => i.districtCode === 'aplerbeck' && i.lifeArea === 'gesundheit');
    expect(health).toMatchObject({ openNeeds: null, openNeedsBand: '1-2', gap: true });
    const lead = await t.login('leitung.ba');
    const exact = (await lead.get('/api/network/gaps')).json() as typeof forNet;
    expect(exact.find((i) => i.districtCode === 'aplerbeck' && i.lifeArea === 'gesundheit')?.openNeeds).toBe(
      1,
    );
    expect(forNet.find((i) => i.lifeArea === 'wohnen' && i.districtCode === 'aplerbeck')?.openNeeds).toBe(4);
  });

  it("limits the survey to the viewer's sites and counts partners and offers per district", async () => {
    const other = await net.get(`/api/network/gaps?siteIds=${site('MH')}`);
    expect(other.statusCode).toBe(403);
    expect((await net.get('/api/network/gaps?siteIds=nonsense')).statusCode).toBe(400);
    const all = (await central.get('/api/network/survey')).json() as { districtCode: string }[];
    expect(all.length).toBe(12);
    const survey = (await net.get('/api/network/survey')).json() as {
      districtCode: string;
      partners: number;
      partnersByKind: Record<string, number>;
      offersByLifeArea: Record<string, number>;
    }[];
    expect(survey.map((s) => s.districtCode).sort()).toEqual(['aplerbeck', 'brackel']);
    const aplerbeck = survey.find((s) => s.districtCode === 'aplerbeck')!;
    expect(aplerbeck.partnersByKind.initiative).toBe(1);
    expect(aplerbeck.offersByLifeArea.wohnen).toBe(1);
    const brackel = survey.find((s) => s.districtCode === 'brackel')!;
    const [{ n }] = (await t.db
      .execute(sql`SELECT count(*)::int AS n FROM partners WHERE 'brackel' = ANY(district_codes)`)
      .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { n: number }[] }).rows))) as {
      n: number;
    }[];
    expect(brackel.partners).toBe(Number(n));
  });
});
