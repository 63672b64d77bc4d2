import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/** Registered spelling → variants a colleague might type for the same person. */
const variantSet: [string, string, string[]][] = [
  [
    'Mohammed',
    'Al-Hassan',
    ['Muhammad Alhasan', 'Mohamad El Hassan', 'Mohamed Al Hassan', 'Muhammed Hassan'],
  ],
  ['Yusuf', 'Aliyev', ['Youssef Aliev', 'Jusuf Aliyev', 'Yousef Aliev']],
  ['Abdulrahman', 'Haddad', ['Abd al-Rahman Haddad', 'Abdelrahman Hadad', 'Abdul Rahman Haddad']],
  ['Ayşe', 'Şahin', ['Ayse Schahin', 'Ayse Sahin', 'Aysche Şahin']],
  ['Jürgen', 'Müller', ['Juergen Mueller', 'Jurgen Muller']],
  ['Fatima', 'Rahimi', ['Fatma Rahimi', 'Fatimah Rahimi']],
  ['Ahmad', 'Hosseini', ['Ahmed Husseini', 'Ahmad Hoseini']],
  ['Mustafa', 'Abdullah', ['Mostafa Abdallah', 'Moustafa Abdullah']],
  ['Ibrahim', 'Osman', ['Ebrahim Osman', 'Ibrahim Othman']],
  ['Omar', 'Yilmaz', ['Umar Yılmaz', 'Omar Jilmaz']],
  ['Hussein', 'Karimi', ['Husain Karimi', 'Hussain Karimy']],
  ['Olena', 'Kovalenko', ['Olena Kowalenko', 'Elena Kovalenko']],
  ['Tesfay', 'Gebremedhin', ['Tesfai Gebremedin', 'Tesfay Gebre Medhin']],
  ['Khadija', 'Noori', ['Chadija Nuri', 'Khadidja Noori']],
  ['Zainab', 'Mahmoud', ['Zeinab Mahmud', 'Zaynab Mahmoud']],
];

let t: TestApp;
let ba: Client;
let mh: Client;
const birthYear = (i: number) => 1970 + i;

beforeAll(async () => {
  t = await createTestApp();
  ba = await t.login('fachkraft.ba');
  const admin = await t.login('admin');
  const sites: { id: string; code: string }[] = (await admin.get('/api/sites')).json();
  const siteId = (code: string) => sites.find((s) => s.code === code)!.id;
  await admin.post('/api/users', {
    username: 'fachkraft.mh',
    displayName: 'Fachkraft MH',
    password: 'Mengede-Huckarde-2026',
    role: 'caseworker',
    siteIds: [siteId('MH')],
  });
  mh = await t.login('fachkraft.mh', 'Mengede-Huckarde-2026');
  for (const [i, [firstName, lastName]] of variantSet.entries()) {
    const res = await ba.post('/api/households', {
      siteId: siteId('BA'),
      category: 'refugee',
      registeredOn: '2023-05-01',
      members: [{ firstName, lastName, birthDate: `${birthYear(i)}-06-15` }],
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // namesakes with other birth years must not crowd out the right person
  await ba.post('/api/households', {
    siteId: siteId('BA'),
    category: 'refugee',
    registeredOn: '2023-05-01',
    members: [
      { firstName: 'Mohammed', lastName: 'Al-Hassan', birthYear: 2001 },
      { firstName: 'Mohammed', lastName: 'Haddad', birthYear: 1999 },
    ],
  });
});
afterAll(() => t.close());

describe('duplicate warning across spellings', () => {
  it('finds the registered person for at least 95% of the variants, as the best match', async () => {
    let found = 0;
    let total = 0;
    const misses: string[] = [];
    for (const [i, [firstName, lastName, variants]] of variantSet.entries()) {
      for (const v of variants) {
        total++;
        const res = await ba.get(
          `/api/persons/search?name=${encodeURIComponent(v)}&birthYear=${birthYear(i)}`,
        );
        expect(res.statusCode).toBe(200);
        const top = res.json()[0];
        if (top?.fullName === `${firstName} ${lastName}`) found++;
        else misses.push(`${v} → ${top?.fullName ?? 'nothing'}`);
      }
    }
    const recall = found / total;
    console.log(`duplicate search recall: ${found}/${total} = ${(recall * 100).toFixed(1)}%`, misses);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('ranks the exact birth date above namesakes', async () => {
    const res = (await ba.get('/api/persons/search?name=Mohammed%20Al-Hassan&birthDate=1970-06-15')).json();
    expect(res[0]).toMatchObject({ fullName: 'Mohammed Al-Hassan', birthDate: '1970-06-15' });
    expect(res.every((r: { birthYear: number }) => r.birthYear !== 2001)).toBe(true);
  });

  it('tells another site only where to ask, never the name', async () => {
    const res = await mh.get('/api/persons/duplicates?name=Muhammad%20Alhasan&birthDate=1970-06-15');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.matches).toEqual([]);
    expect(body.otherSites).toEqual([expect.objectContaining({ siteName: 'Brackel/Aplerbeck' })]);
    expect(body.otherSitesChecked).toBe('checked');
    expect(res.body).not.toMatch(/Hassan|Mohammed|1970-06-15/);
    const search = await mh.get('/api/persons/search?name=Mohammed%20Al-Hassan');
    expect(search.json()).toEqual([]);
  });

  it('audits every search', async () => {
    const admin = await t.login('admin');
    const log = (await admin.get('/api/audit?action=record.searched&pageSize=200')).json();
    const variants = variantSet.reduce((n, [, , v]) => n + v.length, 0);
    // every variant search, the birth-date search, the other site's duplicate check and its search
    expect(log.total).toBe(variants + 3);
    expect(JSON.stringify(log)).not.toMatch(/Alhasan|Hassan/);
  });

  it('hints at another site only for both names and the full birth date, a limited number of times', async () => {
    // a bare surname, a name with only the birth year: no look at other sites
    for (const q of [
      'name=Alhasan',
      'name=Alhasan&birthDate=1970-06-15',
      'name=Muhammad%20Alhasan&birthYear=1970',
    ]) {
      const res = (await mh.get(`/api/persons/duplicates?${q}`)).json();
      expect(res, q).toMatchObject({ otherSites: [], otherSitesChecked: 'needsFullQuery' });
    }
    // looping over birth dates to find one: stopped after the limit (one full query was made above)
    const answers: string[] = [];
    for (let day = 1; day <= 31; day++) {
      const birthDate = `1970-01-${String(day).padStart(2, '0')}`;
      const res = (
        await mh.get(`/api/persons/duplicates?name=Muhammad%20Alhasan&birthDate=${birthDate}`)
      ).json();
      answers.push(res.otherSitesChecked);
      if (res.otherSitesChecked === 'limitReached') expect(res.otherSites).toEqual([]);
    }
    expect(answers.filter((a) => a === 'checked')).toHaveLength(29);
    expect(answers.slice(29)).toEqual(['limitReached', 'limitReached']);
    // the lookups are audited with a hash of the query, never the name or the date
    const admin = await t.login('admin');
    const log = (await admin.get('/api/audit?action=record.crossSiteChecked&pageSize=200')).json();
    expect(log.total).toBe(32);
    expect(JSON.stringify(log)).not.toMatch(/Alhasan|Muhammad|1970-0/);
    const hashes = new Set(log.items.map((e: { entityId: string }) => e.entityId));
    expect(hashes.size).toBe(32);
    expect([...hashes].every((h) => /^sha256:[0-9a-f]{32}$/.test(String(h)))).toBe(true);
    // the limit is per user: a colleague of the same site still gets the check
    const other = await t.login('fachkraft.ba');
    const ok = (
      await other.get('/api/persons/duplicates?name=Muhammad%20Alhasan&birthDate=1970-06-15')
    ).json();
    expect(ok.otherSitesChecked).toBe('checked');
  });
});
