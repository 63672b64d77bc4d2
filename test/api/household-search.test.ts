import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameFold, nameFoldSql, nameWords, nameWordsSql } from '../../src/server/db/name-fold.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client;
let fkMh: Client;
let ba: string;
let mh: string;
const ids = new Map<string, string>();
const caseNumbers = new Map<string, string>();

interface Item {
  id: string;
  caseNumber: string;
  siteId: string;
  headName: string;
}

async function register(client: Client, siteId: string, lastName: string, firstName = 'Alex') {
  const res = await client.post('/api/households', {
    siteId,
    category: 'refugee',
    registeredOn: '2024-03-05',
    members: [{ firstName, lastName, birthYear: 1980, roleInHousehold: 'head' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; caseNumber: string };
}

async function search(q: string, extra = ''): Promise<{ items: Item[]; total: number }> {
  const res = await fk.get(`/api/households?q=${encodeURIComponent(q)}&pageSize=200${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const names = (r: { items: Item[] }) => r.items.map((i) => i.headName);

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  const admin = await t.login('admin');
  const sites: { id: string; code: string }[] = (await admin.get('/api/sites')).json();
  ba = sites.find((s) => s.code === 'BA')!.id;
  mh = sites.find((s) => s.code === 'MH')!.id;
  fkMh = await t.createUser(admin, { username: 'fachkraft.mh', role: 'caseworker', siteIds: [mh] });
  const people: [string, string][] = [
    ['Müller', 'Anna'],
    ['Zielińska', 'Katarzyna'],
    ['Al-Saadi', 'Omar'],
    ['Karimi', 'Mohammed'],
    ['Koehler', 'Jana'],
    ['Köhler', 'Jonas'],
    ['Koehler-Schmidt', 'Petra'],
    ['Keller', 'Tom'],
    ['Ober', 'Lea'],
    ['Öztürk', 'Ayşe'],
    ['Pape', 'Ole'],
    ['Schulz', 'Eva'],
    ['Şimşek', 'Emre'],
    ['Sommer', 'Ida'],
    ['Zander', 'Max'],
  ];
  for (const [last, first] of people) {
    const h = await register(fk, ba, last, first);
    ids.set(last, h.id);
    caseNumbers.set(last, h.caseNumber);
  }
  ids.set('Müller@MH', (await register(fkMh, mh, 'Müller', 'Anna')).id);
}, 240_000);
afterAll(() => t.close());

describe('household list search', () => {
  it('finds names across umlauts, accents, hyphens and transliterations', async () => {
    expect(names(await search('Muller'))).toContain('Müller, Anna');
    expect(names(await search('Mueller'))).toContain('Müller, Anna');
    expect(names(await search('Zielinska'))).toEqual(['Zielińska, Katarzyna']);
    expect(names(await search('Al Saadi'))).toEqual(['Al-Saadi, Omar']);
    expect(names(await search('alsaadi'))).toEqual(['Al-Saadi, Omar']);
    expect(names(await search('Mohamad'))).toEqual(['Karimi, Mohammed']);
    expect(names(await search('Simsek'))).toEqual(['Şimşek, Emre']);
    // first and last name in either order, with a comma or without
    expect(names(await search('Anna Muller'))).toEqual(['Müller, Anna']);
    expect(names(await search('Müller, Anna'))).toEqual(['Müller, Anna']);
    expect(names(await search('Mohamad Karimi'))).toEqual(['Karimi, Mohammed']);
    // one word of a double name
    expect(names(await search('Schmidt'))).toEqual(['Koehler-Schmidt, Petra']);
    expect(names(await search('Saadi'))).toEqual(['Al-Saadi, Omar']);
  });

  it('ranks exact, then folded-equal, then beginning, then phonetic matches', async () => {
    const r = await search('Koehler');
    expect(names(r)).toEqual(['Koehler, Jana', 'Köhler, Jonas', 'Koehler-Schmidt, Petra', 'Keller, Tom']);
    expect(r.total).toBe(4);
    // the rank comes before the chosen order
    const byCase = await search('Koehler', '&sort=caseNumber&order=desc');
    expect(names(byCase)).toEqual(names(r));
    // a beginning of a name is a match, too
    expect(names(await search('Köhl')).sort()).toEqual([
      'Koehler, Jana',
      'Koehler-Schmidt, Petra',
      'Köhler, Jonas',
    ]);
  });

  it('finds case numbers exactly and by their beginning', async () => {
    const number = caseNumbers.get('Pape')!;
    const exact = await search(number.toLowerCase());
    expect(exact.items[0].id).toBe(ids.get('Pape'));
    expect(exact.total).toBe(1);
    const prefix = await search(number.slice(0, -1));
    expect(prefix.items[0].caseNumber.startsWith(number.slice(0, -1))).toBe(true);
    expect(prefix.total).toBeGreaterThanOrEqual(1);
    expect((await search('BA-2024')).total).toBe(ids.size - 1);
  });

  it("never shows another site's household", async () => {
    const r = await search('Muller');
    expect(r.items.map((i) => i.id)).not.toContain(ids.get('Müller@MH'));
    expect(r.items.every((i) => i.siteId === ba)).toBe(true);
    const theirs = (await fkMh.get('/api/households?q=Muller')).json();
    expect(theirs.items.map((i: Item) => i.id)).toEqual([ids.get('Müller@MH')]);
  });

  it('keeps the list contract: items, total, paging', async () => {
    const res = await fk.get('/api/households?q=Koehler&pageSize=2&page=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(body.items.map((i: Item) => i.headName)).toEqual(['Koehler-Schmidt, Petra', 'Keller, Tom']);
    expect((await fk.get('/api/households?q=')).statusCode).toBe(200);
    expect((await fk.get(`/api/households?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
    expect((await search('%_')).total).toBe(0);
  });

  it('sorts names in German order (Öztürk with O, Şimşek with S)', async () => {
    const r = names(await search('', '&sort=headName&order=asc'));
    const at = (n: string) => r.findIndex((x) => x.startsWith(`${n},`));
    expect(at('Ober')).toBeLessThan(at('Öztürk'));
    expect(at('Öztürk')).toBeLessThan(at('Pape'));
    expect(at('Schulz')).toBeLessThan(at('Şimşek'));
    expect(at('Şimşek')).toBeLessThan(at('Sommer'));
    expect(at('Sommer')).toBeLessThan(at('Zander'));
    expect(at('Köhler')).toBeLessThan(at('Müller'));
    const desc = names(await search('', '&sort=headName&order=desc'));
    expect(desc).toEqual([...r].reverse());
  });

  it('keeps the listed name and the searched site with the members: rename, move, transfer', async () => {
    // rename the contact person: the list shows, sorts and finds the new name at once
    const h = await register(fk, ba, 'Quandt', 'Vera');
    const body = (await fk.get(`/api/households/${h.id}`)).json() as { members: { id: string }[] };
    const head = body.members[0].id;
    const renamed = await fk.patch(`/api/households/${h.id}/members/${head}`, { lastName: 'Quaas' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(names(await search('Quaas'))).toEqual(['Quaas, Vera']);
    expect((await search('Quandt')).total).toBe(0);
    const sorted = names(await search('', '&sort=headName&order=asc'));
    expect(sorted.indexOf('Quaas, Vera')).toBeGreaterThan(sorted.indexOf('Pape, Ole'));
    expect(sorted.indexOf('Quaas, Vera')).toBeLessThan(sorted.indexOf('Schulz, Eva'));
    // a member moved into another household is found there, and the first household keeps its head
    const other = await register(fk, ba, 'Ulbrich', 'Udo');
    const added = await fk.post(`/api/households/${other.id}/members`, {
      firstName: 'Wanda',
      lastName: 'Wrobel',
      birthYear: 1990,
      roleInHousehold: 'other',
    });
    expect(added.statusCode, added.body).toBe(201);
    const moved = await fk.post(`/api/households/${other.id}/members/${added.json().id}/move`, {
      toHouseholdId: h.id,
      movedOn: '2024-04-01',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await search('Wrobel')).items.map((i) => i.id)).toEqual([h.id]);
    expect((await search('Ulbrich')).items.map((i) => i.headName)).toEqual(['Ulbrich, Udo']);
    // a transfer takes the members' names to the new site's search, and out of the old one's
    const lead = await t.login('leitung.ba');
    const transfer = await lead.post(`/api/households/${h.id}/transfers`, {
      toSiteId: mh,
      transferredOn: new Date().toISOString().slice(0, 10),
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    expect((await search('Wrobel')).total).toBe(0);
    const theirs = (await fkMh.get('/api/households?q=Wrobel')).json();
    expect(theirs.items.map((i: Item) => [i.id, i.headName])).toEqual([[h.id, 'Quaas, Vera']]);
  });

  it('folds names in the database exactly as in TypeScript', async () => {
    const samples = [
      'Müller',
      'MÜLLER',
      'Zielińska',
      'Al Saadi',
      'Şimşek',
      'Straße',
      'Łukasz',
      'Nguyễn',
      'Søren',
      'Æsa',
      'İlker',
      'Abu Eisa',
      "O'Brien",
    ];
    const list = sql.join(
      samples.map((s) => sql`(${s})`),
      sql`, `,
    );
    const res = await t.db.execute(
      sql`SELECT ${sql.raw(nameFoldSql('x'))} AS fold FROM (VALUES ${list}) AS v(x)`,
    );
    const rows = (res as unknown as { rows: { fold: string }[] }).rows;
    expect(rows.map((r) => r.fold)).toEqual(samples.map(nameFold));
    const words = await t.db.execute(
      sql`SELECT ${sql.raw(nameWordsSql('x'))} AS words FROM (VALUES ${list}) AS v(x)`,
    );
    const wordRows = (words as unknown as { rows: { words: string[] }[] }).rows;
    expect(wordRows.map((r) => r.words)).toEqual(samples.map(nameWords));
  });
});
