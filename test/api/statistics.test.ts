import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contactReasons, contacts, households, persons } from '../../src/server/db/schema/index.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The harness ends the pool and at once drops the database WITH (FORCE); a connection still closing then
 * gets "terminating connection" and the pool, with no error listener, throws it uncaught. Harmless at
 * teardown; the lasting fix is a pool error listener in openPostgres.
 */
function quietPoolAtTeardown(app: TestApp) {
  if (app.engine !== 'postgres') return;
  (app.db as unknown as { $client: { on(event: 'error', listener: () => void): void } }).$client.on(
    'error',
    () => {},
  );
}

/*
 * Known counts, period P = 2024-03-01 … 2024-05-31, sites BA (Brackel/Aplerbeck) and MH.
 *
 * BA, registered by fachkraft.ba through the API:
 *   H1 refugee, 2024-03-01 (first day), brackel, 2 members; contacts 03-01 (sprechstunde: wohnen/beratung,
 *      arbeit-beruf/begleitung) and 05-31 (termin: wohnen/beratung); transferred to MH on 2024-04-15,
 *      then MH logs a contact on 04-20 (willkommensbesuch: wohnen/beratung)
 *   H2 refugee, 2024-05-31 (last day), aplerbeck, 3 members; contact 06-01 (after P)
 *   H3 refugee, 2024-02-29 (before P), brackel, 1 member; contacts 02-29 (before P), 03-15 (hausbesuch:
 *      gesundheit/betreuung), 04-10 (telefon: wohnen/informationsaustausch)
 *   H4 other, 2024-04-02, no district, 4 members; contact 04-02 (sprechstunde: lebensunterhalt/beratung)
 *   H5 refugee, 2024-06-01 (after P), 2 members; contact 06-02
 *   anonymous contacts 02-28 (before P), 03-20 (sprechstunde: sonstiges/beratung), 05-31 (telefon:
 *      wohnen/beratung)
 * MH, inserted directly: H6 refugee, 2024-03-10, mengede, 1 member (no contacts).
 */
const P = 'from=2024-03-01&to=2024-05-31';

let t: TestApp;
let fk: Client;
let lead: Client;
let central: Client;
let board: Client;
let ba: string;
let mh: string;
const ids: Record<string, string> = {};

type Reason = { lifeArea: string; supportKind: string };
const r = (lifeArea: string, supportKind: string): Reason => ({ lifeArea, supportKind });

async function household(
  key: string,
  registeredOn: string,
  category: string,
  members: number,
  districtCode?: string,
) {
  const res = await fk.post('/api/households', {
    siteId: ba,
    category,
    registeredOn,
    ...(districtCode ? { districtCode } : {}),
    members: Array.from({ length: members }, (_, i) => ({
      firstName: `Person${i}`,
      lastName: `Haushalt${key}`,
      roleInHousehold: i === 0 ? 'head' : 'other',
    })),
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().id;
}

async function contact(key: string | null, date: string, contactType: string, reasons: Reason[]) {
  const res = key
    ? await fk.post(`/api/households/${ids[key]}/contacts`, { date, contactType, reasons })
    : await fk.post('/api/contacts/anonymous', { date, contactType, reasons });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  quietPoolAtTeardown(t);
  fk = await t.login('fachkraft.ba');
  lead = await t.login('leitung.ba');
  central = await t.login('zentrale');
  board = await t.login('beirat');
  const sites = (await central.get('/api/sites')).json() as { id: string; code: string }[];
  ba = sites.find((s) => s.code === 'BA')!.id;
  mh = sites.find((s) => s.code === 'MH')!.id;

  await household('H1', '2024-03-01', 'refugee', 2, 'brackel');
  await household('H2', '2024-05-31', 'refugee', 3, 'aplerbeck');
  await household('H3', '2024-02-29', 'refugee', 1, 'brackel');
  await household('H4', '2024-04-02', 'other', 4);
  await household('H5', '2024-06-01', 'refugee', 2);
  await contact('H1', '2024-03-01', 'sprechstunde', [
    r('wohnen', 'beratung'),
    r('arbeit-beruf', 'begleitung'),
  ]);
  await contact('H1', '2024-05-31', 'termin', [r('wohnen', 'beratung')]);
  await contact('H2', '2024-06-01', 'telefon', [r('wohnen', 'beratung')]);
  await contact('H3', '2024-02-29', 'telefon', [r('wohnen', 'beratung')]);
  await contact('H3', '2024-03-15', 'hausbesuch', [r('gesundheit', 'betreuung')]);
  await contact('H3', '2024-04-10', 'telefon', [r('wohnen', 'informationsaustausch')]);
  await contact('H4', '2024-04-02', 'sprechstunde', [r('lebensunterhalt', 'beratung')]);
  await contact('H5', '2024-06-02', 'sprechstunde', [r('wohnen', 'beratung')]);
  await contact(null, '2024-02-28', 'sprechstunde', [r('sonstiges', 'beratung')]);
  await contact(null, '2024-03-20', 'sprechstunde', [r('sonstiges', 'beratung')]);
  await contact(null, '2024-05-31', 'telefon', [r('wohnen', 'beratung')]);

  const transfer = await lead.post(`/api/households/${ids.H1}/transfers`, {
    toSiteId: mh,
    transferredOn: '2024-04-15',
  });
  expect(transfer.statusCode, transfer.body).toBe(201);
  await t.db.transaction(async (tx) => {
    const [c] = await tx
      .insert(contacts)
      .values({
        householdId: ids.H1,
        siteId: mh,
        date: '2024-04-20',
        contactType: 'willkommensbesuch',
        category: 'refugee',
      })
      .returning();
    await tx.insert(contactReasons).values({ contactId: c.id, lifeArea: 'wohnen', supportKind: 'beratung' });
    const [h6] = await tx
      .insert(households)
      .values({
        caseNumber: 'MH-2024-9001',
        siteId: mh,
        registeredSiteId: mh,
        category: 'refugee',
        registeredOn: '2024-03-10',
        districtCode: 'mengede',
      })
      .returning();
    await tx
      .insert(persons)
      .values({ householdId: h6.id, firstName: 'A', lastName: 'B', firstKey: 'a', lastKey: 'b' });
  });
});
afterAll(() => t.close());

const sitesOf = (c: Client, query: string) => c.get(`/api/statistics/sites?${query}`);
type SiteRow = { siteId: string; households: unknown; persons: unknown; contacts: unknown };
const row = (body: { rows: SiteRow[] }, siteId: string) => body.rows.find((x) => x.siteId === siteId);
const counts = (x: { households: unknown; persons: unknown; contacts: unknown } | undefined) =>
  x && [x.households, x.persons, x.contacts];

describe('the sites table', () => {
  it('counts households, members and contacts per registering site, edges included', async () => {
    const res = await sitesOf(central, `${P}&siteIds=${ba},${mh}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows.map((x: { siteCode: string }) => x.siteCode)).toEqual(['BA', 'MH']);
    // H1, H2, H4 (H3 before, H5 after); 2+3+4 members; contacts H1 ×2, H3 ×2, H4, anonymous ×2
    expect(counts(row(body, ba))).toEqual([3, 9, 7]);
    // H6; the transferred H1 stays with BA, but MH's own contact with it counts at MH
    expect(counts(row(body, mh))).toEqual([1, 1, 1]);
    expect(body.total).toEqual({ households: 4, persons: 10, contacts: 8 });
    expect(row(body, ba)).toMatchObject({
      from: '2024-03-01',
      to: '2024-05-31',
      siteName: 'Brackel/Aplerbeck',
    });
    expect(body.filters).toMatchObject({ category: 'all', chartCategory: 'refugee', protected: false });
  });

  it('filters by category; anonymous contacts count as other advice seekers', async () => {
    const refugee = (await sitesOf(central, `${P}&siteIds=${ba},${mh}&category=refugee`)).json();
    expect(counts(row(refugee, ba))).toEqual([2, 5, 4]);
    expect(counts(row(refugee, mh))).toEqual([1, 1, 1]);
    const other = (await sitesOf(central, `${P}&siteIds=${ba},${mh}&category=other`)).json();
    expect(counts(row(other, ba))).toEqual([1, 4, 3]);
    expect(other.total).toEqual({ households: 1, persons: 4, contacts: 3 });
  });

  it('moves no figure one day off at either edge', async () => {
    const inner = (await sitesOf(central, `from=2024-03-02&to=2024-05-30&siteIds=${ba}`)).json();
    expect(counts(inner.rows[0])).toEqual([1, 4, 4]); // H4; contacts H3 ×2, H4, anonymous 03-20
    const outer = (await sitesOf(central, `from=2024-02-29&to=2024-06-01&siteIds=${ba}`)).json();
    // + H3 (02-29) and H5 (06-01); + contacts H3 02-29 and H2 06-01
    expect(counts(outer.rows[0])).toEqual([5, 12, 9]);
  });

  it('counts since each site’s opening when `from` is omitted', async () => {
    const body = (await sitesOf(central, `to=2024-05-31&siteIds=${ba},${mh}`)).json();
    expect(row(body, ba)).toMatchObject({ from: '2016-10-01', households: 4, persons: 10, contacts: 9 });
    expect(row(body, mh)).toMatchObject({ from: '2017-10-01', households: 1, persons: 1, contacts: 1 });
    expect(body.filters.from).toBeNull();
  });

  it('does not move past figures when a household changes site', async () => {
    const before = (await sitesOf(central, `${P}&siteIds=${ba},${mh}`)).json();
    const transferred = await t.db.select().from(households).where(eq(households.id, ids.H1));
    expect(transferred[0].siteId).toBe(mh);
    expect(transferred[0].registeredSiteId).toBe(ba);
    await t.db.update(households).set({ siteId: mh }).where(eq(households.id, ids.H2));
    const after = (await sitesOf(central, `${P}&siteIds=${ba},${mh}`)).json();
    expect(after.rows).toEqual(before.rows);
  });

  it('validates the filters', async () => {
    expect((await sitesOf(central, 'from=2024-05-01&to=2024-04-01')).json().error.details[0].path).toBe('to');
    expect((await sitesOf(central, 'from=2024-13-01')).statusCode).toBe(400);
    expect((await sitesOf(central, 'category=everyone')).statusCode).toBe(400);
    expect((await sitesOf(central, 'siteIds=nope')).statusCode).toBe(400);
    const unknown = await sitesOf(central, 'siteIds=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('siteIds');
  });
});

describe('the charts', () => {
  const chart = (part: string, query = `${P}&siteIds=${ba},${mh}`) =>
    central.get(`/api/statistics/${part}?${query}`).then((res) => {
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    });
  const byCode = (items: { code: string | null; count: number }[]) =>
    Object.fromEntries(items.filter((i) => i.count > 0).map((i) => [i.code, i.count]));

  it('counts refugee households per site and month, monthly and cumulative', async () => {
    const body = await chart('households-per-month');
    expect(body.months).toEqual(['2024-03', '2024-04', '2024-05']);
    const baSeries = body.series.find((s: { siteId: string }) => s.siteId === ba);
    expect(baSeries.points).toEqual([
      { month: '2024-03', households: 1, cumulative: 1 },
      { month: '2024-04', households: 0, cumulative: 1 },
      { month: '2024-05', households: 1, cumulative: 2 },
    ]);
    const all = await chart('households-per-month', `${P}&siteIds=${ba}&category=all`);
    expect(all.series[0].points.map((p: { households: number }) => p.households)).toEqual([1, 1, 1]);
  });

  it('counts refugee households per district, and all with category=all', async () => {
    const body = await chart('households-per-district');
    expect(byCode(body.items)).toEqual({ brackel: 1, aplerbeck: 1, mengede: 1 });
    expect(body.total.count).toBe(3);
    expect(body.items.length).toBeGreaterThanOrEqual(12); // every district, for the map
    const all = await chart('households-per-district', `${P}&siteIds=${ba},${mh}&category=all`);
    expect(byCode(all.items)).toEqual({ brackel: 1, aplerbeck: 1, mengede: 1, null: 1 });
  });

  it('counts contact types and reasons of refugee households', async () => {
    const types = await chart('contact-types');
    expect(byCode(types.items)).toEqual({
      sprechstunde: 1,
      termin: 1,
      hausbesuch: 1,
      telefon: 1,
      willkommensbesuch: 1,
    });
    const lifeAreas = await chart('reasons-by-life-area');
    expect(byCode(lifeAreas.items)).toEqual({ wohnen: 4, 'arbeit-beruf': 1, gesundheit: 1 });
    expect(lifeAreas.total.count).toBe(6);
    const kinds = await chart('reasons-by-support-kind');
    expect(byCode(kinds.items)).toEqual({
      beratung: 3,
      begleitung: 1,
      betreuung: 1,
      informationsaustausch: 1,
    });
    const matrix = await chart('reasons-matrix');
    const cells = Object.fromEntries(
      matrix.cells
        .filter((c: { count: number }) => c.count > 0)
        .map((c: { lifeArea: string; supportKind: string; count: number }) => [
          `${c.lifeArea}×${c.supportKind}`,
          c.count,
        ]),
    );
    expect(cells).toEqual({
      'wohnen×beratung': 3,
      'wohnen×informationsaustausch': 1,
      'arbeit-beruf×begleitung': 1,
      'gesundheit×betreuung': 1,
    });
    expect(matrix.cells).toHaveLength(matrix.lifeAreas.length * matrix.supportKinds.length);
    const trend = await chart('reasons-per-month');
    const wohnen = trend.series.find((s: { code: string }) => s.code === 'wohnen');
    expect(wohnen.points.map((p: { count: number }) => p.count)).toEqual([1, 2, 1]);
    const all = await chart('reasons-by-life-area', `${P}&siteIds=${ba},${mh}&category=all`);
    expect(byCode(all.items)).toEqual({
      wohnen: 5,
      'arbeit-beruf': 1,
      gesundheit: 1,
      lebensunterhalt: 1,
      sonstiges: 1,
    });
  });

  it('answers the whole page in one report with the same figures', async () => {
    const report = await chart('report');
    expect(report.sites.total).toEqual({ households: 4, persons: 10, contacts: 8 });
    const { filters: _f, protection, ...matrix } = await chart('reasons-matrix');
    expect(protection).toEqual(report.protection);
    expect(report.reasonsMatrix).toEqual(matrix);
    const { filters: _, protection: _p, ...types } = await chart('contact-types');
    expect(report.contactTypes).toEqual(types);
  });

  it('labels in English on request', async () => {
    const res = await central.get(`/api/statistics/reasons-by-life-area?${P}`, { 'accept-language': 'en' });
    expect(res.json().items.find((i: { code: string }) => i.code === 'wohnen').label).toBe('Housing');
  });
});

describe('who may see what', () => {
  it('gives a site lead their own sites and refuses others with 403 naming siteIds', async () => {
    const own = (await sitesOf(lead, P)).json();
    expect(own.rows.map((x: { siteId: string }) => x.siteId)).toEqual([ba]);
    expect(counts(own.rows[0])).toEqual([3, 9, 7]);
    const other = await sitesOf(lead, `${P}&siteIds=${ba},${mh}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatchObject({ code: 'FORBIDDEN', details: [{ path: 'siteIds' }] });
    expect((await lead.get(`/api/statistics/export.xlsx?${P}&siteIds=${mh}`)).statusCode).toBe(403);
  });

  it('gives central coordination and the board all sites, and caseworkers nothing', async () => {
    expect((await sitesOf(central, P)).json().rows).toHaveLength(7);
    expect((await sitesOf(board, P)).json().rows).toHaveLength(7);
    for (const part of ['sites', 'report', 'reasons-matrix', 'export.xlsx', 'export.csv']) {
      const res = await fk.get(`/api/statistics/${part}?${P}`);
      expect(res.statusCode, part).toBe(403);
    }
  });

  it('writes an audit entry for every view and export, with filter names only', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await sitesOf(central, `${P}&category=refugee`);
    await central.get(`/api/statistics/export.csv?${P}&table=sites`);
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'statistics'), eq(auditLog.actorUsername, 'zentrale')))
      .orderBy(sql`${auditLog.id} DESC`)
      .limit(2);
    expect(entries[1]).toMatchObject({
      action: 'statistics.viewed',
      entityId: 'sites',
      fields: ['category', 'from', 'to'],
    });
    expect(entries[0]).toMatchObject({
      action: 'statistics.exported',
      entityId: 'csv:sites',
      fields: ['from', 'table', 'to'],
    });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0].n - before[0].n).toBe(2);
  });
});

describe('cell-key protection', () => {
  const num = (x: unknown, m: string) => (x as Record<string, number>)[m];
  const zeroOrThree = (v: unknown) => v === 0 || v === 3;
  it('publishes 1–2 as 0 or 3 for the board, every figure within ±2; zero stays zero', async () => {
    const body = (await sitesOf(board, `${P}&siteIds=${ba},${mh}`)).json();
    const exact = (await sitesOf(central, `${P}&siteIds=${ba},${mh}`)).json();
    expect(body.filters.protected).toBe(true);
    expect(body.protection).toMatchObject({ method: 'cellKey', maxNoise: 2, smallValues: 'never 1 or 2' });
    expect(exact.protection).toEqual({ method: 'none' });
    // MH has 1 household, 1 person, 1 contact
    const mhRow = row(body, mh) as unknown as Record<string, unknown>;
    expect(row(exact, mh)).toMatchObject({ households: 1, persons: 1, contacts: 1 });
    for (const m of ['households', 'persons', 'contacts'] as const) {
      expect(zeroOrThree(mhRow[m]), `${m} ${mhRow[m]}`).toBe(true);
      for (const [p, e] of [
        [num(row(body, ba), m), num(row(exact, ba), m)],
        [num(body.total, m), num(exact.total, m)],
      ]) {
        expect(Math.abs(p - e)).toBeLessThanOrEqual(2);
        expect(p === 1 || p === 2).toBe(false);
      }
    }
    expect(mhRow.suppressed).toBeUndefined();
    const districts = (
      await board.get(`/api/statistics/households-per-district?${P}&siteIds=${ba},${mh}`)
    ).json();
    expect(districts.protection.method).toBe('cellKey');
    const zero = districts.items.find((i: { code: string }) => i.code === 'eving');
    expect(zero).toEqual({ code: 'eving', label: 'Eving', count: 0 });
  });

  it('protects for everyone with publication=true, and not otherwise', async () => {
    const published = (await sitesOf(central, `${P}&siteIds=${ba},${mh}&publication=true`)).json();
    expect(published.filters.protected).toBe(true);
    expect(zeroOrThree(row(published, mh)!.households)).toBe(true);
    const internal = (await sitesOf(central, `${P}&siteIds=${ba},${mh}&publication=false`)).json();
    expect(row(internal, mh)!.households).toBe(1);
    const boardAnyway = (await sitesOf(board, `${P}&siteIds=${ba},${mh}&publication=false`)).json();
    expect(boardAnyway.protection.method).toBe('cellKey');
    expect(row(boardAnyway, mh)!.households).toBe(row(published, mh)!.households);
  });

  it('publishes the same figures in every part of the report', async () => {
    const report = (await board.get(`/api/statistics/report?${P}`)).json();
    const lifeAreas = (await board.get(`/api/statistics/reasons-by-life-area?${P}`)).json();
    const matrix = (await board.get(`/api/statistics/reasons-matrix?${P}`)).json();
    expect(lifeAreas.items).toEqual(report.reasonsByLifeArea.items);
    expect(matrix.lifeAreas).toEqual(report.reasonsByLifeArea.items);
    expect(matrix.cells).toEqual(report.reasonsMatrix.cells);
  });
});

describe('exports', () => {
  async function workbook(client: Client, query: string) {
    const res = await client.get(`/api/statistics/export.xlsx?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return book;
  }
  const values = (sheet: ExcelJS.Worksheet) =>
    sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));

  it('labels a period that is not whole months with its days', async () => {
    const book = await workbook(central, `from=2024-03-15&to=2024-04-20&siteIds=${ba}`);
    const sites = values(book.getWorksheet('Standorte')!);
    expect(sites[1].slice(0, 4)).toEqual([
      'Brackel/Aplerbeck',
      '15.03.2024 bis 20.04.2024',
      new Date('2024-03-15T00:00:00Z'),
      new Date('2024-04-20T00:00:00Z'),
    ]);
  });

  it('writes an XLSX whose sheets hold the same numbers as the API', async () => {
    const query = `${P}&siteIds=${ba},${mh}`;
    const book = await workbook(central, query);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Filter und Definitionen',
      'Standorte',
      'Haushalte je Monat',
      'Haushalte je Bezirk',
      'Kontaktarten',
      'Lebensbereiche',
      'Unterstützungsbedarf',
      'Lebensbereich x Bedarf',
      'Anlässe je Monat',
      'Veranstaltungen nach Art',
      'Veranstaltungen nach Bezirk',
      'Ehrenamtliche',
      'Sprachmittlung',
      'Vermittlungen in Angebote',
      'Angebotslücken',
    ]);
    const report = (await central.get(`/api/statistics/report?${query}`)).json();
    const sites = values(book.getWorksheet('Standorte')!);
    expect(sites[0]).toEqual(['Standort', 'Zeitraum', 'von', 'bis', 'Haushalte', 'Personen', 'Kontakte']);
    expect(sites[1]).toEqual([
      'Brackel/Aplerbeck',
      'März 2024 bis Mai 2024',
      new Date('2024-03-01T00:00:00Z'),
      new Date('2024-05-31T00:00:00Z'),
      3,
      9,
      7,
    ]);
    expect(sites[3]).toEqual(['Gesamt', '', '', '', 4, 10, 8]);
    const matrix = values(book.getWorksheet('Lebensbereich x Bedarf')!);
    const header = matrix[0] as string[];
    const wohnen = matrix.find((x) => x[0] === 'Wohnen')!;
    expect(wohnen[header.indexOf('Beratung')]).toBe(3);
    expect(wohnen[header.indexOf('Gesamt')]).toBe(
      report.reasonsByLifeArea.items.find((i: { code: string }) => i.code === 'wohnen').count,
    );
    const perMonth = values(book.getWorksheet('Haushalte je Monat')!);
    expect(perMonth.filter((x) => x[0] === 'Brackel/Aplerbeck').map((x) => x.slice(1))).toEqual([
      ['2024-03', 1, 1],
      ['2024-04', 0, 1],
      ['2024-05', 1, 2],
    ]);
    const about = values(book.getWorksheet('Filter und Definitionen')!);
    expect(about).toEqual(
      expect.arrayContaining([
        ['von', new Date('2024-03-01T00:00:00Z')],
        ['Kategorie der Grafiken', 'Geflüchtete'],
      ]),
    );
  });

  it('writes the published figures in a publication export', async () => {
    const book = await workbook(central, `${P}&siteIds=${ba},${mh}&publication=true`);
    const published = (await sitesOf(central, `${P}&siteIds=${ba},${mh}&publication=true`)).json();
    const sites = values(book.getWorksheet('Standorte')!);
    const mhRow = row(published, mh)!;
    expect(sites[2].slice(4)).toEqual([mhRow.households, mhRow.persons, mhRow.contacts]);
    for (const v of sites[2].slice(4)) expect([0, 3]).toContain(v);
    const about = values(book.getWorksheet('Filter und Definitionen')!);
    expect(about).toEqual(expect.arrayContaining([['Schutz kleiner Fallzahlen', 'ja']]));
  });

  it('writes CSV: one table, or all tables in long form', async () => {
    const one = await central.get(
      `/api/statistics/export.csv?${P}&siteIds=${ba},${mh}&table=sites&dialect=plain`,
    );
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-type']).toContain('text/csv');
    const lines = one.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Standort,Zeitraum,von,bis,Haushalte,Personen,Kontakte');
    expect(lines[3]).toBe('Gesamt,,,,4,10,8');
    const all = await central.get(`/api/statistics/export.csv?${P}&siteIds=${ba},${mh}&dialect=plain`);
    const long = all.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(long[0]).toBe('table,row,label,column,value');
    expect(long).toContain('contact-types,telefon,Telefon,Kontakte,1');
    expect(long).toContain('sites,total,Gesamt,Personen,10');
    expect((await central.get(`/api/statistics/export.csv?${P}&table=nope`)).statusCode).toBe(400);
  });
});
