import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client;
let siteId: string;

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  siteId = fk.user.siteIds[0];
});
afterAll(() => t.close());

const member = (lastName: string) => ({
  firstName: 'Rania',
  lastName,
  birthYear: 1990,
  roleInHousehold: 'head',
});

describe('hostile input is a 400 naming the field, never a 500', () => {
  it('refuses a NUL byte in a name, naming the member field, and writes nothing', async () => {
    const before = (await fk.get('/api/households?pageSize=1')).json().total;
    const res = await fk.post('/api/households', {
      siteId,
      category: 'refugee',
      registeredOn: '2024-02-01',
      members: [member('Had\u0000dad')],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'members.0.lastName', message: 'enthält unzulässige Steuerzeichen' },
    ]);
    expect((await fk.get('/api/households?pageSize=1')).json().total).toBe(before);
  });

  it('refuses control characters in a search filter and in English', async () => {
    const res = await fk.get('/api/households?q=M%00ller', { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'q', message: 'contains control characters' }]);
    const bell = await fk.get('/api/users?q=%07');
    expect(bell.statusCode).toBeLessThan(500);
  });

  it('keeps line breaks and tabs in free text', async () => {
    const h = await fk.post('/api/households', {
      siteId,
      category: 'refugee',
      registeredOn: '2024-02-01',
      members: [member('Haddad')],
    });
    expect(h.statusCode, h.body).toBe(201);
    const goals = 'Sprachkurs B1\n\tAnmeldung bis März';
    const res = await fk.post(`/api/households/${h.json().id}/needs`, {
      assessedOn: '2024-02-01',
      lifeArea: 'wohnen',
      level: 2,
      goals,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().goals).toBe(goals);
  });

  it('refuses implausible dates (year 9999) by name', async () => {
    const lead = await t.login('leitung.ba');
    const res = await lead.get('/api/statistics/report?from=2020-01-01&to=9999-12-31');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'to', message: 'Datum außerhalb 1900–2100' }]);
  });
});

describe('log lines', () => {
  it('carry no query string and no request values', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ db: t.db, engine: t.engine, close: async () => {} }, loadConfig({}), {
      serveWeb: false,
      logger: { level: 'info', stream },
    });
    await app.ready();
    await app.inject({ method: 'GET', url: '/api/households?q=Zieli%C5%84ska' });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'Zielinska', password: 'geheim' },
    });
    await app.close();
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    expect(text).toContain('/api/households');
    expect(text).not.toMatch(/Zieli|geheim/);
  });
});
