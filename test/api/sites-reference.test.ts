import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Client;
let caseworker: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  caseworker = await t.login('fachkraft.ba');
});
afterAll(() => t.close());

interface Ref {
  id: string;
  code: string;
  label: string;
  labelDe: string;
  labelEn: string;
  active: boolean;
  sortOrder: number;
  parentCode: string | null;
  kind: string | null;
}
const list = async (name: string, headers?: Record<string, string>) => {
  const res = await caseworker.get(`/api/reference/${name}`, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Ref[];
};
const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  (res.json().error.details ?? []).map((d) => d.path);
const auditFor = async (action: string, entityId: string) =>
  (await admin.get(`/api/audit?action=${action}&entityId=${encodeURIComponent(entityId)}`)).json().items as {
    fields: string[];
    actorUsername: string;
  }[];

describe('the Dortmund profile', () => {
  it('has the 7 sites with their opening dates and districts, readable by every role', async () => {
    const res = await caseworker.get('/api/sites');
    expect(res.statusCode).toBe(200);
    const sites = res.json();
    expect(sites.map((s: { code: string }) => s.code)).toEqual(['BA', 'MH', 'HH', 'ES', 'LD', 'IWO', 'IN']);
    expect(sites.map((s: { openedOn: string }) => s.openedOn)).toEqual([
      '2016-10-01',
      '2017-10-01',
      '2017-10-01',
      '2018-10-01',
      '2018-10-01',
      '2020-01-01',
      '2020-01-01',
    ]);
    expect(
      Object.fromEntries(
        sites.map((s: { code: string; districtCodes: string[] }) => [s.code, s.districtCodes]),
      ),
    ).toEqual({
      BA: ['brackel', 'aplerbeck'],
      MH: ['mengede', 'huckarde'],
      HH: ['hoerde', 'hombruch'],
      ES: ['eving', 'scharnhorst'],
      LD: ['luetgendortmund'],
      IWO: ['innenstadt-west', 'innenstadt-ost'],
      IN: ['innenstadt-nord'],
    });
    const orgIds = new Set((await list('organisations')).map((o) => o.id));
    for (const s of sites) {
      expect(s).toMatchObject({ id: expect.any(String), name: expect.any(String), closedOn: null });
      expect(s.organisationIds.length).toBeGreaterThan(0);
      for (const id of s.organisationIds) expect(orgIds.has(id)).toBe(true);
    }
    // every site's districts together are the 12 Stadtbezirke
    const districts = (await list('districts')).map((d) => d.code);
    expect(districts).toHaveLength(12);
    expect(sites.flatMap((s: { districtCodes: string[] }) => s.districtCodes).sort()).toEqual(
      [...districts].sort(),
    );
  });

  it('has statistical districts under existing districts', async () => {
    const districts = new Set((await list('districts')).map((d) => d.code));
    const subs = await list('subdistricts');
    expect(subs.length).toBeGreaterThan(12);
    for (const s of subs) expect(districts.has(s.parentCode ?? '')).toBe(true);
  });

  it('has 11 life areas, 4 support kinds, 9 contact types and 2 household categories, in German', async () => {
    expect((await list('life-areas')).map((v) => v.label)).toEqual([
      'Leistungen zur Sicherung des Lebensunterhaltes',
      'Wohnen',
      'Aufenthalt und Behörden',
      'Gesundheit',
      'Migrationsspezifisch (Sprachförderung, Patenschaft)',
      'Familie und Freizeit',
      'Kinderbetreuung/Schule',
      'Arbeit/Beruf',
      'Mobilität',
      'Ausbildung/Studium',
      'Sonstiges',
    ]);
    expect((await list('support-kinds')).map((v) => v.label)).toEqual([
      'Beratung',
      'Informationsaustausch',
      'Begleitung',
      'Betreuung',
    ]);
    expect((await list('contact-types')).map((v) => v.label)).toEqual([
      'Sprechstunde',
      'Termin',
      'Hausbesuch',
      'Willkommensbesuch',
      'Telefon',
      'E-Mail/Messenger',
      'Begleitung',
      'Video',
      'Sonstiges',
    ]);
    expect((await list('household-categories')).map((v) => v.label)).toEqual([
      'Geflüchtete',
      'sonstige Ratsuchende',
    ]);
    const orgs = (await list('organisations')).map((o) => o.label).join(' | ');
    for (const name of [
      'AWO',
      'Caritas',
      'Diakonie',
      'DRK',
      'Paritätische',
      'Projekt Ankommen',
      'European Homecare',
      'Sozialamt',
    ])
      expect(orgs).toContain(name);
  });

  it('labels in English with Accept-Language: en', async () => {
    const en = await list('life-areas', { 'accept-language': 'en' });
    expect(en.find((v) => v.code === 'wohnen')?.label).toBe('Housing');
    for (const v of en) expect(v.label).toBe(v.labelEn);
    const contact = await list('contact-types', { 'accept-language': 'en-US,en;q=0.8' });
    expect(contact.find((v) => v.code === 'hausbesuch')?.label).toBe('Home visit');
    expect((await list('support-kinds', { 'accept-language': 'de-DE' }))[0].label).toBe('Beratung');
  });

  it('answers 400 for an unknown list name', async () => {
    const res = await admin.get('/api/reference/colours');
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toContain('list');
    const post = await admin.post('/api/reference/colours', { code: 'rot', labelDe: 'Rot', labelEn: 'Red' });
    expect(post.statusCode).toBe(400);
  });
});

describe('sites', () => {
  const base = { code: 'NEU', name: 'Neuer Standort', openedOn: '2025-04-01', districtCodes: ['eving'] };

  it('admin creates a site (201) and it is listed; others get 403', async () => {
    expect((await caseworker.post('/api/sites', base)).statusCode).toBe(403);
    const org = (await list('organisations')).find((o) => o.code === 'awo')!;
    const res = await admin.post('/api/sites', { ...base, organisationIds: [org.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ...base, closedOn: null, organisationIds: [org.id], sortOrder: 7 });
    const sites = (await admin.get('/api/sites')).json();
    expect(sites.at(-1).code).toBe('NEU');
    const [entry] = await auditFor('site.created', res.json().id);
    expect(entry.actorUsername).toBe('admin');
    expect(entry.fields).toEqual(
      expect.arrayContaining(['code', 'name', 'openedOn', 'districtCodes', 'organisationIds']),
    );
  });

  it.each([
    ['a duplicate code', { code: 'BA' }, 409, 'code'],
    [
      'an unknown district code',
      { code: 'X1', districtCodes: ['eving', 'atlantis'] },
      400,
      'districtCodes.1',
    ],
    [
      'an unknown organisation id',
      { code: 'X2', organisationIds: ['00000000-0000-4000-8000-000000000000'] },
      400,
      'organisationIds.0',
    ],
    ['closedOn before openedOn', { code: 'X3', closedOn: '2025-03-31' }, 400, 'closedOn'],
    ['a lower-case code', { code: 'x4' }, 400, 'code'],
    ['a missing name', { code: 'X5', name: undefined }, 400, 'name'],
    ['a malformed date', { code: 'X6', openedOn: '01.04.2025' }, 400, 'openedOn'],
  ])('refuses %s', async (_, patch, status, field) => {
    const before = (await admin.get('/api/sites')).json().length;
    const res = await admin.post('/api/sites', { ...base, ...patch });
    expect(res.statusCode).toBe(status);
    expect(paths(res)).toContain(field);
    expect((await admin.get('/api/sites')).json()).toHaveLength(before);
  });

  it('PATCH changes name, closing date and districts, audited by field name', async () => {
    const neu = (await admin.get('/api/sites')).json().find((s: { code: string }) => s.code === 'NEU');
    const res = await admin.patch(`/api/sites/${neu.id}`, {
      name: 'Standort Eving-Nord',
      closedOn: '2026-12-31',
      districtCodes: ['eving', 'scharnhorst'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Standort Eving-Nord', closedOn: '2026-12-31', code: 'NEU' });
    const entries = await auditFor('site.updated', neu.id);
    expect(entries[0].fields).toEqual(['closedOn', 'districtCodes', 'name']);

    // closedOn is checked against the stored openedOn too
    const early = await admin.patch(`/api/sites/${neu.id}`, { closedOn: '2020-01-01' });
    expect(early.statusCode).toBe(400);
    expect(paths(early)).toContain('closedOn');
    expect((await admin.patch(`/api/sites/${neu.id}`, { closedOn: null })).json().closedOn).toBeNull();
    expect((await admin.patch(`/api/sites/${neu.id}`, { districtCodes: ['nirgendwo'] })).statusCode).toBe(
      400,
    );
    const missing = await admin.patch('/api/sites/00000000-0000-4000-8000-000000000000', { name: 'x' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('reference values', () => {
  it('create (201), duplicate code (409), rename, deactivate: audited with field names', async () => {
    const created = await admin.post('/api/reference/life-areas', {
      code: 'digitales',
      labelDe: 'Digitales',
      labelEn: 'Digital matters',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'digitales',
      label: 'Digitales',
      active: true,
      sortOrder: 11,
    });
    expect((await auditFor('reference.created', 'life-areas/digitales'))[0].fields).toEqual([
      'code',
      'labelDe',
      'labelEn',
    ]);

    const dup = await admin.post('/api/reference/life-areas', { code: 'wohnen', labelDe: 'W', labelEn: 'W' });
    expect(dup.statusCode).toBe(409);
    // the same code in another list is fine
    expect(
      (await admin.post('/api/reference/support-kinds', { code: 'digitales', labelDe: 'D', labelEn: 'D' }))
        .statusCode,
    ).toBe(201);

    const renamed = await admin.patch('/api/reference/life-areas/digitales', {
      labelDe: 'Digitale Teilhabe',
    });
    expect(renamed.statusCode).toBe(200);
    expect((await list('life-areas')).find((v) => v.code === 'digitales')?.label).toBe('Digitale Teilhabe');

    expect((await admin.patch('/api/reference/life-areas/digitales', { active: false })).json().active).toBe(
      false,
    );
    const after = await list('life-areas');
    expect(after).toHaveLength(12);
    expect(after.find((v) => v.code === 'digitales')?.active).toBe(false);
    const updates = (await auditFor('reference.updated', 'life-areas/digitales')).map((e) => e.fields);
    expect(updates).toEqual(expect.arrayContaining([['labelDe'], ['active']]));
    expect((await admin.patch('/api/reference/life-areas/gibt-es-nicht', { labelDe: 'x' })).statusCode).toBe(
      404,
    );
    expect((await caseworker.patch('/api/reference/life-areas/wohnen', { labelDe: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('refuses malformed codes and fields that do not belong to the list', async () => {
    const upper = await admin.post('/api/reference/life-areas', {
      code: 'Gross',
      labelDe: 'G',
      labelEn: 'G',
    });
    expect(upper.statusCode).toBe(400);
    expect(paths(upper)).toContain('code');
    const kind = await admin.post('/api/reference/life-areas', {
      code: 'k',
      labelDe: 'K',
      labelEn: 'K',
      kind: 'authority',
    });
    expect(paths(kind)).toContain('kind');
    const org = await admin.post('/api/reference/organisations', {
      code: 'neue-ev',
      labelDe: 'Neuer e. V.',
      labelEn: 'New association',
      kind: 'welfareAssociation',
    });
    expect(org.statusCode).toBe(201);
    expect(org.json().kind).toBe('welfareAssociation');
  });

  it('reorders a list with PUT /order; a wrong code set is 400 and changes nothing', async () => {
    const before = (await list('support-kinds')).map((v) => v.code);
    const wanted = [...before].reverse();
    const res = await admin.put('/api/reference/support-kinds/order', { codes: wanted });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((v: Ref) => v.code)).toEqual(wanted);
    expect((await list('support-kinds')).map((v) => v.code)).toEqual(wanted);
    expect((await auditFor('reference.reordered', 'support-kinds'))[0].fields).toEqual(['sortOrder']);

    for (const codes of [wanted.slice(1), [...wanted, 'erfunden'], [...wanted.slice(1), wanted[1]], []]) {
      const bad = await admin.put('/api/reference/support-kinds/order', { codes });
      expect(bad.statusCode, JSON.stringify(codes)).toBe(400);
      expect(paths(bad)).toContain('codes');
    }
    expect((await list('support-kinds')).map((v) => v.code)).toEqual(wanted);
  });

  it('subdistricts need an existing parentCode', async () => {
    const none = await admin.post('/api/reference/subdistricts', {
      code: 'eving-neu',
      labelDe: 'N',
      labelEn: 'N',
    });
    expect(none.statusCode).toBe(400);
    expect(paths(none)).toContain('parentCode');
    const unknown = await admin.post('/api/reference/subdistricts', {
      code: 'eving-neu',
      labelDe: 'N',
      labelEn: 'N',
      parentCode: 'atlantis',
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toContain('parentCode');
    const ok = await admin.post('/api/reference/subdistricts', {
      code: 'eving-neu',
      labelDe: 'Eving-Neu',
      labelEn: 'Eving-Neu',
      parentCode: 'eving',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().parentCode).toBe('eving');
    expect(
      (await admin.patch('/api/reference/subdistricts/eving-neu', { parentCode: null })).statusCode,
    ).toBe(400);
    expect(
      (await admin.patch('/api/reference/subdistricts/eving-neu', { parentCode: 'brackel' })).json()
        .parentCode,
    ).toBe('brackel');
    const notSub = await admin.post('/api/reference/districts', {
      code: 'x',
      labelDe: 'X',
      labelEn: 'X',
      parentCode: 'eving',
    });
    expect(notSub.statusCode).toBe(400);
  });

  it('offers no DELETE: values are deactivated, never deleted', async () => {
    const sites = (await admin.get('/api/sites')).json();
    for (const url of [
      '/api/reference/life-areas/wohnen',
      '/api/reference/life-areas',
      `/api/sites/${sites[0].id}`,
    ]) {
      const res = await admin.request('DELETE', url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect([404, 405]).toContain(res.statusCode);
    }
    expect((await list('life-areas')).some((v) => v.code === 'wohnen')).toBe(true);
    expect((await admin.get('/api/sites')).json()).toHaveLength(sites.length);
  });
});

describe('fixed server bugs (regression tests)', () => {
  // BUG: an empty PATCH body reaches drizzle's update().set() with no values → "No values to set" → 500.
  it('an empty PATCH /api/sites/:id answers 200 (no change) or 400, never 500', async () => {
    const [site] = (await admin.get('/api/sites')).json();
    expect([200, 400]).toContain((await admin.patch(`/api/sites/${site.id}`, {})).statusCode);
  });

  it('an empty PATCH /api/reference/:list/:code answers 200 (no change) or 400, never 500', async () => {
    expect([200, 400]).toContain((await admin.patch('/api/reference/life-areas/wohnen', {})).statusCode);
  });
});
