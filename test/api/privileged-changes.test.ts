import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Privileged account changes (case scope given, role or sites widened, password reset) are audited as
 * `user.privilegedChange` and listed for the site lead of each affected site and for the DPO.
 */
let t: TestApp;
let admin: Client;
let leadBa: Client;
let leadMh: Client;
let dpo: Client;
let fk: Client;
let ba: string;
let mh: string;

type Change = { userId: string | null; siteId: string | null; fields: string[]; actorUsername: string };
const changesOf = async (c: Client, userId: string): Promise<Change[]> => {
  const res = await c.get('/api/privileged-changes?pageSize=200');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.filter((i: Change) => i.userId === userId);
};

beforeAll(async () => {
  t = await createTestApp();
  [admin, leadBa, dpo, fk] = await Promise.all(
    ['admin', 'leitung.ba', 'dsb', 'fachkraft.ba'].map((u) => t.login(u)),
  );
  const sites: { id: string; code: string }[] = (await admin.get('/api/sites')).json();
  ba = sites.find((s) => s.code === 'BA')!.id;
  mh = sites.find((s) => s.code === 'MH')!.id;
  leadMh = await t.createUser(admin, {
    username: 'leitung.mh',
    displayName: 'Leitung MH',
    role: 'siteLead',
    siteIds: [mh],
  });
});
afterAll(() => t.close());

describe('privileged account changes', () => {
  it('an account without case scope is no privileged change; widening it to a site lead of BA is', async () => {
    const created = await admin.post('/api/users', {
      username: 'netz.neu',
      displayName: 'Netz Neu',
      password: demoPassword,
      role: 'networkWorker',
      siteIds: [mh],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(await changesOf(dpo, id)).toEqual([]);
    const widened = await admin.patch(`/api/users/${id}`, { role: 'caseworker', siteIds: [mh, ba] });
    expect(widened.statusCode, widened.body).toBe(200);
    const forBa = await changesOf(leadBa, id);
    expect(forBa).toHaveLength(1);
    expect(forBa[0]).toMatchObject({ siteId: ba, fields: ['role', 'siteIds'], actorUsername: 'admin' });
    // the role widened on MH too, so MH's lead sees it for MH only
    expect((await changesOf(leadMh, id)).map((c) => c.siteId)).toEqual([mh]);
    expect((await changesOf(dpo, id)).map((c) => c.siteId).sort()).toEqual([ba, mh].sort());
    const audit = (await admin.get(`/api/audit?action=user.privilegedChange&entityId=${id}`)).json();
    expect(audit.total).toBe(2);
  });

  it('a caseworker account created for MH is seen by MH’s lead and the DPO, not by BA’s lead', async () => {
    const created = await admin.post('/api/users', {
      username: 'fk.mh2',
      displayName: 'FK MH',
      password: demoPassword,
      role: 'caseworker',
      siteIds: [mh],
    });
    const id = created.json().id;
    expect(await changesOf(leadBa, id)).toEqual([]);
    expect(await changesOf(leadMh, id)).toHaveLength(1);
    expect(await changesOf(dpo, id)).toHaveLength(1);
    // narrowing is not privileged
    await admin.patch(`/api/users/${id}`, { displayName: 'FK MH umbenannt' });
    expect(await changesOf(dpo, id)).toHaveLength(1);
  });

  it('is refused to caseworkers and the administration', async () => {
    expect((await fk.get('/api/privileged-changes')).statusCode).toBe(403);
    expect((await admin.get('/api/privileged-changes')).statusCode).toBe(403);
  });

  it('a reset password is reported and must be changed by its owner before anything else', async () => {
    const created = await admin.post('/api/users', {
      username: 'fk.reset',
      displayName: 'FK Reset',
      password: demoPassword,
      role: 'caseworker',
      siteIds: [ba],
    });
    const id = created.json().id;
    const reset = await admin.patch(`/api/users/${id}`, { password: 'Vorlaeufig-Neu-2026' });
    expect(reset.statusCode, reset.body).toBe(200);
    const forBa = await changesOf(leadBa, id);
    expect(forBa[0]).toMatchObject({ siteId: ba, fields: ['password'] });
    expect(await changesOf(leadMh, id)).toEqual([]);
    const owner = await t.login('fk.reset', 'Vorlaeufig-Neu-2026');
    const refused = await owner.get('/api/households');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await owner.get('/api/auth/me')).statusCode).toBe(200);
    const changed = await owner.post('/api/auth/password', {
      currentPassword: 'Vorlaeufig-Neu-2026',
      newPassword: 'Mein-Eigenes-Kennwort-7',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await owner.get('/api/households')).statusCode).toBe(200);
    // the owner's own change is no privileged change
    expect(await changesOf(dpo, id)).toHaveLength(2);
  });

  it('is paged, newest first', async () => {
    const page = (await dpo.get('/api/privileged-changes?pageSize=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
  });
});
