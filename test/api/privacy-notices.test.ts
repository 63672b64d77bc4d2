import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Privacy notices (Art. 13): versioned texts per language, published by the DPO, read and printed by staff;
 * a consent names the notice it was given with.
 */
let t: TestApp;
let fk: Client;
let dpo: Client;
let admin: Client;
let householdId: string;

type Notice = { id: string; version: number; language: string; dir: string; title: string; body: string };
const paths = (res: { json(): { error: { details?: { path: string }[] } } }) =>
  (res.json().error.details ?? []).map((d) => d.path);
const current = async (c: Client): Promise<Notice[]> => {
  const res = await c.get('/api/privacy-notices');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  [fk, dpo, admin] = await Promise.all(['fachkraft.ba', 'dsb', 'admin'].map((u) => t.login(u)));
  const created = await fk.post('/api/households', {
    siteId: fk.user.siteIds[0],
    category: 'refugee',
    registeredOn: '2024-01-15',
    members: [{ firstName: 'Nour', lastName: 'Haddad', birthYear: 1988, roleInHousehold: 'head' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  householdId = created.json().id;
});
afterAll(() => t?.close());

describe('privacy notices', () => {
  it('start with version 1 in German, English, Arabic, Farsi and Ukrainian; ar and fa right to left', async () => {
    const notices = await current(fk);
    const byLang = Object.fromEntries(notices.map((n) => [n.language, n]));
    for (const lang of ['de', 'en', 'ar', 'fa', 'uk']) expect(byLang[lang]?.version).toBe(1);
    expect(byLang.de.body).toContain('Art. 15');
    expect(byLang.ar.dir).toBe('rtl');
    expect(byLang.fa.dir).toBe('rtl');
    expect(byLang.de.dir).toBe('ltr');
    expect(byLang.uk.title).toContain('to be translated by the city');
  });

  it('the DPO publishes the next version of a language; the older one stays on record', async () => {
    const res = await dpo.post('/api/privacy-notices', {
      language: 'de',
      title: 'Datenschutzhinweise <Stadt>',
      body: 'Erster Absatz.\n\nZweiter Absatz.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ language: 'de', version: 2, dir: 'ltr' });
    const de = (await current(fk)).filter((n) => n.language === 'de');
    expect(de.map((n) => n.version)).toEqual([2]);
    const history = (await fk.get('/api/privacy-notices?language=de')).json();
    expect(history.map((n: Notice) => n.version)).toEqual([2, 1]);
    const audit = (
      await admin.get(`/api/audit?action=privacyNotice.published&entityId=${res.json().id}`)
    ).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0].fields).toEqual(['language', 'title', 'body']);
  });

  it('only the DPO publishes; bad input is a 400 naming the field', async () => {
    const body = { language: 'en', title: 'x', body: 'y' };
    expect((await fk.post('/api/privacy-notices', body)).statusCode).toBe(403);
    expect((await admin.post('/api/privacy-notices', body)).statusCode).toBe(403);
    const badLang = await dpo.post('/api/privacy-notices', { ...body, language: 'xx' });
    expect(badLang.statusCode).toBe(400);
    expect(paths(badLang)).toContain('language');
    const empty = await dpo.post('/api/privacy-notices', { ...body, body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(paths(empty)).toContain('body');
  });

  it('prints as an A4 page, escaped, right to left for Arabic', async () => {
    const notices = await current(fk);
    const de = notices.find((n) => n.language === 'de')!;
    const page = await fk.get(`/api/privacy-notices/${de.id}/print`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="de" dir="ltr">');
    expect(page.body).toContain('@page { size: A4');
    expect(page.body).toContain('Datenschutzhinweise &lt;Stadt&gt;');
    expect(page.body).toContain('<p>Zweiter Absatz.</p>');
    expect(page.body).toContain('Version 2, veröffentlicht am');
    const ar = notices.find((n) => n.language === 'ar')!;
    expect((await fk.get(`/api/privacy-notices/${ar.id}/print`)).body).toContain(
      '<html lang="ar" dir="rtl">',
    );
    const missing = await fk.get('/api/privacy-notices/00000000-0000-4000-8000-000000000000/print');
    expect(missing.statusCode).toBe(404);
  });

  it('a consent names the notice given: its language and version are recorded', async () => {
    const fa = (await current(fk)).find((n) => n.language === 'fa')!;
    const res = await fk.post(`/api/households/${householdId}/consents`, {
      givenOn: '2024-01-15',
      privacyNoticeId: fa.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ privacyNoticeId: fa.id, noticeLanguage: 'fa', noticeVersion: '1' });
    const listed = (await fk.get(`/api/households/${householdId}/consents`)).json();
    expect(listed[0].privacyNoticeId).toBe(fa.id);
    const unknown = await fk.post(`/api/households/${householdId}/consents`, {
      givenOn: '2024-01-15',
      privacyNoticeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown)).toEqual(['privacyNoticeId']);
  });
});
