import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayBerlin } from '../../src/shared/dates.js';
import { personExport } from '../../src/shared/schemas/export.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Subject access (Art. 15/20): the site lead and the DPO export everything about a person as JSON or
 * PDF; the household's access report; another site's lead gets 404, a caseworker 403; both are audited.
 */
let t: TestApp;
let fk: Client;
let lead: Client;
let dpo: Client;
let leadMh: Client;
let headId: string;
let childId: string;
let householdId: string;
let caseNumber: string;
const today = todayBerlin();

const rows = async <T>(q: ReturnType<typeof sql>) => {
  const r = (await t.db.execute(q)) as unknown as { rows?: T[] };
  return (r.rows ?? (r as unknown as T[])) as T[];
};

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  [fk, lead, dpo] = await Promise.all(['fachkraft.ba', 'leitung.ba', 'dsb'].map((u) => t.login(u)));
  const sites: { id: string; code: string }[] = (await admin.get('/api/sites')).json();
  const ba = sites.find((s) => s.code === 'BA')!.id;
  const mh = sites.find((s) => s.code === 'MH')!.id;
  leadMh = await t.createUser(admin, {
    username: 'leitung.mh',
    displayName: 'Leitung MH',
    role: 'siteLead',
    siteIds: [mh],
  });

  const h = await fk.post('/api/households', {
    siteId: ba,
    category: 'refugee',
    registeredOn: '2024-01-15',
    address: { street: 'Münsterstraße 12', postcode: '44145', city: 'Dortmund' },
    members: [
      {
        firstName: 'Şirin',
        lastName: 'Yılmaz',
        birthDate: '1985-04-02',
        originalScriptName: 'Ширин Йылмаз',
        roleInHousehold: 'head',
      },
      { firstName: 'Deniz', lastName: 'Yılmaz', birthYear: 2015, roleInHousehold: 'child' },
    ],
  });
  expect(h.statusCode, h.body).toBe(201);
  householdId = h.json().id;
  caseNumber = h.json().caseNumber;
  headId = h.json().members[0].id;
  childId = h.json().members[1].id;
  const base = `/api/households/${householdId}`;
  const post = async (url: string, payload: unknown) => {
    const res = await fk.post(`${base}${url}`, payload);
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json().id as string;
  };
  const consentId = await post('/consents', {
    givenOn: '2024-01-15',
    sharingOrganisationCodes: ['jobcenter'],
  });
  expect(
    (await fk.post(`${base}/consents/${consentId}/withdraw`, { withdrawnOn: '2024-03-01' })).statusCode,
  ).toBe(200);
  await post('/consents', { givenOn: '2024-03-02' });
  await post('/referrals', { date: today, organisation: 'jobcenter', lifeArea: 'wohnen', personId: headId });
  await post('/contacts', {
    date: today,
    contactType: 'sprechstunde',
    reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
    memberIds: [childId],
    note: 'Schulanmeldung besprochen',
  });
  await post('/contacts', {
    date: today,
    contactType: 'sprechstunde',
    reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
  });
  await post('/appointments', { date: today, startTime: '09:30' });
  expect((await fk.get(base)).statusCode).toBe(200); // an access to report
}, 120_000);
afterAll(() => t?.close());

const exportUrl = (id: string, format = 'json') => `/api/persons/${id}/export?format=${format}`;

describe('subject access export', () => {
  it("the contact person's JSON holds person, household, members, consent history, referrals, contacts with reasons, accesses", async () => {
    const res = await lead.get(exportUrl(headId));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="auskunft-${caseNumber}-.*\\.json"$`),
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const data = personExport.parse(res.json());
    expect(data.coverage).toBe('personAndHousehold');
    expect(data.generatedBy).toBe('Demo Standortleitung');
    expect(data.person).toMatchObject({
      firstName: 'Şirin',
      originalScriptName: 'Ширин Йылмаз',
      birthDate: '1985-04-02',
    });
    expect(data.household).toMatchObject({
      caseNumber,
      street: 'Münsterstraße 12',
      category: { code: 'refugee' },
    });
    expect(data.members.map((m) => m.firstName)).toEqual(['Deniz']);
    expect(data.consents.map((c) => [c.givenOn, c.withdrawnOn])).toEqual([
      ['2024-01-15', '2024-03-01'],
      ['2024-03-02', null],
    ]);
    expect(data.consents[0].sharingOrganisations).toEqual([
      { code: 'jobcenter', label: 'Jobcenter Dortmund' },
    ]);
    expect(data.referrals).toHaveLength(1);
    expect(data.referrals[0].organisation.label).toBe('Jobcenter Dortmund');
    expect(data.contacts).toHaveLength(2);
    expect(data.contacts[0].reasons).toEqual([
      { lifeArea: { code: 'wohnen', label: 'Wohnen' }, supportKind: { code: 'beratung', label: 'Beratung' } },
    ]);
    expect(data.appointments).toHaveLength(1);
    const reads = data.accesses.filter((a) => a.action === 'record.read' && a.entityType === 'household');
    expect(reads[0]).toMatchObject({ actor: 'Demo Fachkraft', role: 'caseworker' });
    expect(data.accesses.some((a) => a.action === 'contact.created')).toBe(true);
  });

  it("another member's export has only their own records (contacts they took part in)", async () => {
    const data = personExport.parse((await lead.get(exportUrl(childId))).json());
    expect(data.coverage).toBe('person');
    expect(data.members).toEqual([]);
    expect(data.contacts.map((c) => c.note)).toEqual(['Schulanmeldung besprochen']);
    expect(data.referrals).toEqual([]);
    expect(data.appointments).toEqual([]);
  });

  it('the PDF is a printable A4 document', async () => {
    const res = await lead.get(exportUrl(headId, 'pdf'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="auskunft-.*\.pdf"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pdf.match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(res.rawPayload.length).toBeGreaterThan(3000);
  });

  it('the DPO may export any site; a caseworker is refused; another site gets 404; unknown is 404', async () => {
    expect((await dpo.get(exportUrl(headId))).statusCode).toBe(200);
    expect((await dpo.get(exportUrl(headId, 'pdf'))).statusCode).toBe(200);
    const worker = await fk.get(exportUrl(headId));
    expect(worker.statusCode).toBe(403);
    expect(worker.json().error.code).toBe('FORBIDDEN');
    const other = await leadMh.get(exportUrl(headId));
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('Yılmaz');
    expect((await lead.get(exportUrl('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await lead.get(`/api/persons/${headId}/export?format=docx`)).statusCode).toBe(400);
  });

  it('every export is audited on the household site (who, which person, which format)', async () => {
    const audited = await rows<{ actor_username: string; fields: string[]; entity_id: string }>(
      sql`SELECT actor_username, fields, entity_id FROM audit_log WHERE action = 'person.exported' ORDER BY id`,
    );
    expect(audited.map((a) => [a.actor_username, a.entity_id, a.fields[0]])).toEqual([
      ['leitung.ba', headId, 'json'],
      ['leitung.ba', childId, 'json'],
      ['leitung.ba', headId, 'pdf'],
      ['dsb', headId, 'json'],
      ['dsb', headId, 'pdf'],
    ]);
  });
});

describe('access report and the DPO lookup', () => {
  it('lists who opened which record when, newest first, paged; the view is audited', async () => {
    const url = `/api/households/${householdId}/access-report`;
    const res = await lead.get(`${url}?pageSize=5`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.caseNumber).toBe(caseNumber);
    expect(report.items).toHaveLength(5);
    expect(report.total).toBeGreaterThan(10);
    const at = report.items.map((i: { at: string }) => i.at);
    expect([...at].sort().reverse()).toEqual(at);
    const page2 = (await lead.get(`${url}?pageSize=5&page=2`)).json();
    expect(page2.items[0].id).not.toBe(report.items[0].id);
    const all = (await dpo.get(`${url}?pageSize=200`)).json();
    expect(
      all.items.some(
        (i: { action: string; actor: string }) => i.action === 'record.read' && i.actor === 'Demo Fachkraft',
      ),
    ).toBe(true);
    expect(all.items.some((i: { action: string }) => i.action === 'household.accessReportViewed')).toBe(true);
    expect((await fk.get(url)).statusCode).toBe(403);
    expect((await leadMh.get(url)).statusCode).toBe(404);
  });

  it('the DPO finds the persons of a case number (names and role only) to start an export', async () => {
    const res = await dpo.get(`/api/subject-access/lookup?caseNumber=${caseNumber.toLowerCase()}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      householdId,
      caseNumber,
      persons: [
        { id: headId, firstName: 'Şirin', lastName: 'Yılmaz', roleInHousehold: 'head' },
        { id: childId, firstName: 'Deniz', lastName: 'Yılmaz', roleInHousehold: 'child' },
      ],
    });
    expect((await leadMh.get(`/api/subject-access/lookup?caseNumber=${caseNumber}`)).statusCode).toBe(404);
    expect((await dpo.get('/api/subject-access/lookup?caseNumber=XX-1999-0001')).statusCode).toBe(404);
    expect((await fk.get(`/api/subject-access/lookup?caseNumber=${caseNumber}`)).statusCode).toBe(403);
  });
});
