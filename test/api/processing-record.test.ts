import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/** The record of processing activities (Art. 30) is generated from the configuration. */
let t: TestApp;
let dpo: Client;
let admin: Client;
let fk: Client;

beforeAll(async () => {
  t = await createTestApp();
  [dpo, admin, fk] = await Promise.all(['dsb', 'admin', 'fachkraft.ba'].map((u) => t.login(u)));
});
afterAll(() => t?.close());

type Rule = { code: string; months: number; notesMonths: number; isDefault: boolean };

describe('the record of processing activities', () => {
  it('lists sites, roles with their permissions, categories, retention rules and recipients', async () => {
    const res = await dpo.get('/api/processing-record');
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json();
    const sites: { code: string }[] = (await admin.get('/api/sites')).json();
    expect(record.sites.map((s: { code: string }) => s.code).sort()).toEqual(sites.map((s) => s.code).sort());
    const siteLead = record.roles.find((r: { role: string }) => r.role === 'siteLead');
    expect(siteLead).toMatchObject({ label: 'Standortleitung', caseScope: true });
    expect(siteLead.permissions).toContain('household.read');
    expect(record.roles.find((r: { role: string }) => r.role === 'dpo').caseScope).toBe(false);
    expect(record.householdCategories.map((c: { code: string }) => c.code)).toContain('refugee');
    expect(record.recipients.length).toBeGreaterThan(1);
    const titles = record.technicalMeasures.map((m: { title: string }) => m.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Anmeldung', 'Protokoll (manipulationssicher)', 'Datensicherung']),
    );
  });

  it('counts the consents in force naming each recipient', async () => {
    type Recipient = { code: string; consentsInForce: number };
    const before: Recipient[] = (await dpo.get('/api/processing-record')).json().recipients;
    const org = before.find((r) => r.code !== 'volunteer_contact')!;
    const h = await fk.post('/api/households', {
      siteId: fk.user.siteIds[0],
      category: 'refugee',
      registeredOn: '2024-01-15',
      members: [{ firstName: 'Nour', lastName: 'Haddad', birthYear: 1988, roleInHousehold: 'head' }],
    });
    expect(h.statusCode, h.body).toBe(201);
    const consent = await fk.post(`/api/households/${h.json().id}/consents`, {
      givenOn: '2024-01-15',
      volunteerContact: true,
      sharingOrganisationCodes: [org.code],
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const after: Recipient[] = (await dpo.get('/api/processing-record')).json().recipients;
    const n = (list: Recipient[], code: string) => list.find((r) => r.code === code)!.consentsInForce;
    expect(n(after, org.code)).toBe(n(before, org.code) + 1);
    expect(n(after, 'volunteer_contact')).toBe(n(before, 'volunteer_contact') + 1);
  });

  it('follows the configuration: a changed retention rule shows at once', async () => {
    const put = await admin.put('/api/retention/rules', [
      { category: 'refugee', months: 30, notesMonths: 9 },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    const record = (await admin.get('/api/processing-record')).json();
    const refugee = record.retention.find((r: Rule) => r.code === 'refugee');
    expect(refugee).toMatchObject({ months: 30, notesMonths: 9, isDefault: false });
    expect(record.retention.find((r: Rule) => r.code !== 'refugee').isDefault).toBe(true);
  });

  it('prints as a German HTML document; others get 403', async () => {
    const page = await dpo.get('/api/processing-record?format=html');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="de" dir="ltr">');
    expect(page.body).toContain('Verzeichnis von Verarbeitungstätigkeiten');
    expect(page.body).toContain('Standortleitung');
    expect((await dpo.get('/api/processing-record?format=doc')).statusCode).toBe(400);
    expect((await fk.get('/api/processing-record')).statusCode).toBe(403);
  });
});
