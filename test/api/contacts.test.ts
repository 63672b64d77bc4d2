import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client; // caseworker BA
let siteBa: string;

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  const sites: { id: string; code: string }[] = (await fk.get('/api/sites')).json();
  siteBa = sites.find((s) => s.code === 'BA')!.id;
});
afterAll(() => t.close());

const contact = {
  date: '2024-03-06',
  contactType: 'sprechstunde',
  durationMinutes: 30,
  reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
};

describe('a newly created contact', () => {
  it('names its staff member, as the list does (household and anonymous contact)', async () => {
    const me = (await fk.get('/api/auth/me')).json().user as { id: string; displayName: string };
    const h = (
      await fk.post('/api/households', {
        siteId: siteBa,
        category: 'refugee',
        registeredOn: '2024-03-05',
        members: [{ firstName: 'Amina', lastName: 'Haddad', birthYear: 1988 }],
      })
    ).json();

    const created = await fk.post(`/api/households/${h.id}/contacts`, contact);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ staffUserId: me.id, staffName: me.displayName });
    const listed = (await fk.get(`/api/households/${h.id}/contacts`)).json().items[0];
    expect(listed.staffName).toBe(created.json().staffName);

    const anonymous = await fk.post('/api/contacts/anonymous', { ...contact, siteId: siteBa });
    expect(anonymous.statusCode, anonymous.body).toBe(201);
    expect(anonymous.json()).toMatchObject({ householdId: null, staffName: me.displayName });
  });
});
