import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../src/server/setup/initialize.js';
import { can, permissions, type Role, roles } from '../../src/shared/permissions.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const clients = new Map<Role, Client>();

beforeAll(async () => {
  t = await createTestApp();
  for (const a of demoAccounts) clients.set(a.role, await t.login(a.username));
});
afterAll(() => t.close());

function apiRoutes() {
  return t.app.registeredRoutes
    .filter((r) => r.url.startsWith('/api/'))
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ ...r, method })))
    .filter((r) => r.method !== 'HEAD');
}

/** A URL for the route with syntactically valid but unknown ids. */
const concrete = (url: string) =>
  url
    .replace(':id', '00000000-0000-4000-8000-000000000000')
    .replace(':list', 'life-areas')
    .replace(':code', 'sonstiges');

describe('every API route', () => {
  it('is registered at all (sanity: the walk sees the routes)', () => {
    expect(apiRoutes().length).toBeGreaterThanOrEqual(15);
  });

  it('declares a known permission and a success response schema', () => {
    const missing = apiRoutes()
      .filter((r) => {
        const permission = r.config?.permission;
        const response = (r.schema?.response ?? {}) as Record<string, unknown>;
        const hasSuccess = Object.keys(response).some((status) => status.startsWith('2'));
        return !permission || !permissions.includes(permission) || !hasSuccess;
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('answers 401 without a session unless public', async () => {
    for (const r of apiRoutes().filter((r) => r.config?.permission !== 'public')) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url), payload: {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 to every role that lacks the permission', async () => {
    let checked = 0;
    for (const r of apiRoutes()) {
      const permission = r.config?.permission;
      if (!permission || permission === 'public') continue;
      for (const role of roles) {
        if (can(role, permission)) continue;
        const client = clients.get(role)!;
        const res = await client.request(r.method as 'GET', concrete(r.url), {});
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().error.requestId).toBeTruthy();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('requires the CSRF token on mutating requests with a session', async () => {
    const admin = clients.get('admin')!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      cookies: { quartier_session: admin.cookie },
      payload: { code: 'NEW', name: 'Neu', openedOn: '2024-01-01' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      cookies: { quartier_session: admin.cookie },
      headers: { 'x-csrf-token': `${admin.csrfToken}x` },
      payload: { code: 'NEW', name: 'Neu', openedOn: '2024-01-01' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('publishes an OpenAPI document listing the routes', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/sites']),
    );
  });

  it('answers unknown API paths with a JSON 404 carrying a request id', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });
});

/**
 * The other half of the authorisation matrix: every role that holds a route's permission is let in.
 * Every GET route without ids (lists, start pages, reports) and every household route of an own-site
 * household answers 2xx to each such role; the 403 half is above, the other-site half (404) in
 * cross-site.test.ts.
 */
describe('every role with the permission', () => {
  it('gets an answer from every GET route it may use', async () => {
    const fk = clients.get('caseworker')!;
    const created = await fk.post('/api/households', {
      siteId: fk.user.siteIds[0],
      category: 'refugee',
      registeredOn: '2024-02-01',
      members: [{ firstName: 'Matrix', lastName: 'Probe', birthYear: 1990, roleInHousehold: 'head' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const householdId = created.json().id as string;
    const refused: string[] = [];
    let checked = 0;
    for (const r of apiRoutes().filter((x) => x.method === 'GET')) {
      const permission = r.config?.permission;
      if (!permission || permission === 'public') continue;
      const params = r.url.match(/:[a-zA-Z]+/g) ?? [];
      const householdRoute = r.url.startsWith('/api/households/:id') && params.length === 1;
      if (params.length > 0 && !householdRoute) continue;
      const url = r.url.replace(':id', householdId);
      for (const role of roles) {
        if (!can(role, permission)) continue;
        // a household route is for the roles that see the household's site
        if (householdRoute && !can(role, 'household.read')) continue;
        const res = await clients.get(role)!.get(url);
        checked++;
        // 2xx, or a 400 that names a missing filter (a required query parameter): never 401/403/404
        if (![200, 204, 400].includes(res.statusCode))
          refused.push(`${role} GET ${r.url}: ${res.statusCode}`);
      }
    }
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });
});
