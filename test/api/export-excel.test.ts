import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/*
 * Exports that German offices open: the CSV for German Excel (semicolons, BOM, CRLF), the whole report
 * as a ZIP of CSVs, the plain dialect for machines, and the XLSX with real date cells — each named in
 * the file's language. Data: BA registers two households in March 2024 with one contact each.
 */
const Y = 'from=2024-01-01&to=2024-12-31';
const bom = '\uFEFF';

let t: TestApp;
let central: Client;
let ba: string;

beforeAll(async () => {
  t = await createTestApp();
  const fk = await t.login('fachkraft.ba');
  central = await t.login('zentrale');
  const sites = (await central.get('/api/sites')).json() as { id: string; code: string }[];
  ba = sites.find((s) => s.code === 'BA')!.id;
  for (const [day, members] of [
    ['2024-03-04', 2],
    ['2024-03-18', 3],
  ] as const) {
    const res = await fk.post('/api/households', {
      siteId: ba,
      category: 'refugee',
      registeredOn: day,
      members: Array.from({ length: members }, (_, i) => ({ firstName: `P${i}`, lastName: `Export${day}` })),
    });
    expect(res.statusCode, res.body).toBe(201);
    const contact = await fk.post(`/api/households/${res.json().id}/contacts`, {
      date: day,
      contactType: 'sprechstunde',
      reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
    });
    expect(contact.statusCode, contact.body).toBe(201);
  }
}, 120_000);
afterAll(() => t?.close());

const filename = (res: { headers: Record<string, unknown> }) =>
  /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1];

describe('CSV for German Excel (the default)', () => {
  it('is UTF-8 with BOM, semicolon-separated with CRLF, one block per table with its header row', async () => {
    const res = await central.get(`/api/statistics/export.csv?${Y}&siteIds=${ba}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(filename(res)).toBe('statistik-2024.csv');
    expect(res.body.startsWith(bom)).toBe(true);
    expect(res.body).toContain('\r\n');
    const blocks = res.body.slice(1).trimEnd().split('\r\n\r\n');
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    const [title, header, first, total] = blocks[0].split('\r\n');
    expect(title).toBe('Haushalte, Personen und Kontakte je Standort');
    expect(header.split(';')).toEqual([
      'Standort',
      'Zeitraum',
      'von',
      'bis',
      'Haushalte',
      'Personen',
      'Kontakte',
    ]);
    expect(first.split(';')).toEqual([
      'Brackel/Aplerbeck',
      'Januar 2024 bis Dez. 2024',
      '01.01.2024',
      '31.12.2024',
      '2',
      '5',
      '2',
    ]);
    expect(total.split(';').slice(4)).toEqual(['2', '5', '2']);
    // every block: a title line, then a header row with as many columns as its rows
    for (const block of blocks) {
      const [, head, ...rows] = block.split('\r\n');
      for (const row of rows.filter((r) => !r.includes('"'))) {
        expect(row.split(';').length, block.slice(0, 40)).toBe(head.split(';').length);
      }
    }
  });

  it('gives one table in its sheet layout, named in the UI language', async () => {
    const de = await central.get(`/api/statistics/export.csv?${Y}&siteIds=${ba}&table=sites`);
    expect(filename(de)).toBe('statistik-2024-standorte.csv');
    const lines = de.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Standort;Zeitraum;von;bis;Haushalte;Personen;Kontakte');
    const en = await central.get(`/api/statistics/export.csv?${Y}&siteIds=${ba}&table=sites&lang=en`);
    expect(filename(en)).toBe('statistics-2024-sites.csv');
    expect(en.body.slice(1).split('\r\n')[0]).toBe('Site;Period;from;to;Households;Persons;Contacts');
    const byHeader = await central.get(`/api/statistics/export.csv?${Y}&siteIds=${ba}&table=sites`, {
      'accept-language': 'en',
    });
    expect(filename(byHeader)).toBe('statistics-2024-sites.csv');
  });

  it('refuses an unknown dialect or language naming the field', async () => {
    const res = await central.get(`/api/statistics/export.csv?${Y}&dialect=tsv`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('dialect');
    expect((await central.get(`/api/statistics/export.zip?${Y}&lang=fr`)).statusCode).toBe(400);
  });
});

describe('the plain dialect for machines', () => {
  it('has no BOM, commas and the long layout; one table keeps ISO dates', async () => {
    const all = await central.get(`/api/statistics/export.csv?${Y}&siteIds=${ba}&dialect=plain`);
    expect(all.statusCode).toBe(200);
    expect(all.body.startsWith(bom)).toBe(false);
    const lines = all.body.trimEnd().split('\n');
    expect(lines[0]).toBe('table,row,label,column,value');
    expect(lines).toContain('sites,total,Gesamt,Personen,5');
    const one = await central.get(`/api/statistics/export.csv?${Y}&siteIds=${ba}&dialect=plain&table=sites`);
    expect(one.body.split('\n')[1]).toBe(
      'Brackel/Aplerbeck,Januar 2024 bis Dez. 2024,2024-01-01,2024-12-31,2,5,2',
    );
  });
});

describe('the report as a ZIP of CSVs', () => {
  it('holds one Excel CSV per table, named in the UI language', async () => {
    const res = await central.get(`/api/statistics/export.zip?${Y}&siteIds=${ba}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/zip');
    expect(filename(res)).toBe('statistik-2024.zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files);
    expect(names.slice(0, 4)).toEqual([
      'statistik-2024-filter-und-definitionen.csv',
      'statistik-2024-standorte.csv',
      'statistik-2024-haushalte-je-monat.csv',
      'statistik-2024-haushalte-je-bezirk.csv',
    ]);
    expect(names.length).toBeGreaterThanOrEqual(9);
    expect([...files['statistik-2024-standorte.csv'].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sites = strFromU8(files['statistik-2024-standorte.csv']).replace(bom, '');
    expect(sites.split('\r\n')[0].split(';')).toEqual([
      'Standort',
      'Zeitraum',
      'von',
      'bis',
      'Haushalte',
      'Personen',
      'Kontakte',
    ]);
    const en = await central.get(`/api/statistics/export.zip?${Y}&siteIds=${ba}&lang=en`);
    expect(filename(en)).toBe('statistics-2024.zip');
    expect(Object.keys(unzipSync(new Uint8Array(en.rawPayload)))).toContain('statistics-2024-sites.csv');
  });
});

describe('XLSX', () => {
  async function workbook(query: string) {
    const res = await central.get(`/api/statistics/export.xlsx?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return { book, name: filename(res) };
  }

  it('writes dates as date cells with dd.mm.yyyy and "erstellt am" in Berlin time', async () => {
    const { book, name } = await workbook(`${Y}&siteIds=${ba}`);
    expect(name).toBe('statistik-2024.xlsx');
    const from = book.getWorksheet('Standorte')!.getRow(2).getCell(3);
    expect(from.value).toBeInstanceOf(Date);
    expect((from.value as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(from.numFmt).toBe('dd.mm.yyyy');
    const about = book.getWorksheet('Filter und Definitionen')!;
    const created = about.getRow(2).getCell(2);
    expect(about.getRow(2).getCell(1).value).toBe('erstellt am');
    expect(created.value).toBeInstanceOf(Date);
    expect(created.numFmt).toBe('dd.mm.yyyy hh:mm');
    // the cell shows the wall clock in Berlin (Excel cells have no zone)
    const berlin = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Berlin',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date());
    const shown = (created.value as Date).toISOString().slice(0, 16).replace('T', ' ');
    expect(Math.abs(Date.parse(`${shown}Z`) - Date.parse(`${berlin}Z`))).toBeLessThan(5 * 60_000);
  });

  it('names the file and its sheets in English with lang=en', async () => {
    const { book, name } = await workbook(`from=2024-07-01&to=2024-09-30&siteIds=${ba}&lang=en`);
    expect(name).toBe('statistics-2024-q3.xlsx');
    expect(book.worksheets[1].name).toBe('Sites');
  });
});

describe('CSV injection', () => {
  it('a label that Excel would run as a formula is written as text in the Excel dialect, unchanged in plain', async () => {
    const admin = await t.login('admin');
    const label = '=HYPERLINK("http://example.invalid","Wohnen")';
    const patched = await admin.patch('/api/reference/life-areas/wohnen', { labelDe: label });
    expect(patched.statusCode, patched.body).toBe(200);
    const excel = await central.get(`/api/statistics/export.csv?${Y}&siteIds=${ba}`);
    expect(excel.statusCode, excel.body).toBe(200);
    const cells = excel.body.split(/\r\n/).flatMap((line) => line.split(';'));
    const shown = cells.filter((c) => c.includes('HYPERLINK'));
    expect(shown.length).toBeGreaterThan(0);
    // csv-stringify quotes the cell (it holds quotes); inside, the apostrophe comes first
    for (const c of shown) expect(c.replace(/^"/, '')).toMatch(/^'=/);
    expect(cells.some((c) => /^"?=/.test(c))).toBe(false);
    const plain = await central.get(`/api/statistics/export.csv?${Y}&siteIds=${ba}&dialect=plain`);
    expect(plain.body).toContain('"=HYPERLINK(""http://example.invalid"",""Wohnen"")"');
    await admin.patch('/api/reference/life-areas/wohnen', { labelDe: 'Wohnen' });
  });
});
