import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../src/server/setup/initialize.js';
import { can, type Permission, type Role } from '../../src/shared/permissions.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Property test (fast-check): random and hostile input to every mutating API route, sent by a role that
 * may use the route, never answers 5xx, and a refused request (4xx) writes nothing — the row counts of
 * every table that holds records stay as they were. Logs of the request itself (audit, sessions, rate
 * windows) may grow.
 */
let t: TestApp;
const clients = new Map<Role, Client>();
const ids: Record<string, string> = {};

/** Tables a refused request may still write: its own audit entry, sessions, login and rate windows. */
const logTables = new Set([
  'audit_log',
  'audit_seals',
  'sessions',
  'login_throttle',
  'rate_limit_hits',
  'app_settings',
  'recent_households',
  '__drizzle_migrations',
]);
let countQuery: ReturnType<typeof sql.raw>;

async function rowCounts(): Promise<Record<string, number>> {
  const result = (await t.db.execute(countQuery)) as unknown as { rows: { t: string; n: number }[] };
  const rows = result.rows ?? (result as unknown as { t: string; n: number }[]);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

beforeAll(async () => {
  t = await createTestApp();
  for (const a of demoAccounts) clients.set(a.role, await t.login(a.username));
  const fk = clients.get('caseworker') as Client;
  const siteId = fk.user.siteIds[0];
  const h = await fk.post('/api/households', {
    siteId,
    category: 'refugee',
    registeredOn: '2024-02-01',
    members: [{ firstName: 'Rania', lastName: 'Haddad', birthYear: 1990, roleInHousehold: 'head' }],
  });
  expect(h.statusCode, h.body).toBe(201);
  ids.household = h.json().id;
  ids.person = h.json().members[0].id;
  const c = await fk.post(`/api/households/${ids.household}/contacts`, {
    date: '2024-02-02',
    contactType: 'sprechstunde',
    reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
  });
  expect(c.statusCode, c.body).toBe(201);
  ids.contact = c.json().id;
  const tables = (await t.db.execute(
    sql`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  )) as unknown as { rows: { name: string }[] };
  const names = (tables.rows ?? (tables as unknown as { name: string }[]))
    .map((r) => r.name)
    .filter((n) => !logTables.has(n) && !n.startsWith('stat_'));
  countQuery = sql.raw(
    names.map((n) => `SELECT '${n}' AS t, count(*)::int AS n FROM "${n}"`).join(' UNION ALL '),
  );
}, 400_000);
afterAll(() => t.close());

/** Routes that end the test's own sessions or accounts when they succeed: not sent random input. */
const skipped = [/^\/api\/auth\/(logout|sessions|password|mfa)/];

function mutatingRoutes() {
  return t.app.registeredRoutes
    .filter((r) => r.url.startsWith('/api/') && !skipped.some((s) => s.test(r.url)))
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ ...r, method })))
    .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .filter((r) => r.config?.permission && r.config.permission !== 'public');
}

/** The first role that may use the permission, case roles first (they have a site). */
const preferred: Role[] = [
  'caseworker',
  'siteLead',
  'central',
  'admin',
  'dpo',
  'networkWorker',
  'volunteerCoordinator',
  'board',
];
const roleFor = (permission: Permission) => preferred.find((r) => can(r, permission));

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'Müller\u0000',
    'a\u0007b',
    '\u202eevil',
    '',
    ' ',
    'x'.repeat(20_000),
    '9999-12-31',
    '0000-00-00',
    '2024-02-30',
    '1899-01-01',
    '-1',
    '1e309',
    "'; DROP TABLE households; --",
    '../../etc/passwd',
    '%00',
    '00000000-0000-0000-0000-000000000000',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 4 }),
  fc.array(fc.object({ maxDepth: 1 }), { maxLength: 2 }),
  fc.object({ maxDepth: 2 }),
);

/** The field names of a zod object body, so that random values reach the field checks. */
function bodyKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> })?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

const bodyFor = (keys: string[]) =>
  fc.oneof(
    fc.constant({}),
    fc.anything({ maxDepth: 2 }),
    keys.length
      ? fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length })
      : fc.object(),
  );

/** Real ids where the route names a known record, a random (or hostile) one elsewhere. */
function urlFor(url: string, idPart: string) {
  return url
    .replace(':id', url.includes('/households/') ? ids.household : idPart)
    .replace(':personId', ids.person)
    .replace(':contactId', ids.contact)
    .replace(/:[a-zA-Z]+/g, idPart);
}
const idPart = fc.oneof(fc.uuid(), fc.constantFrom('x', '%00', 'a'.repeat(300), '-1', '0'));

describe('hostile input to every mutating route', () => {
  it('never answers 5xx, and a refused request writes nothing', async () => {
    const routes = mutatingRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (const route of routes) {
      const role = roleFor(route.config?.permission as Permission);
      if (!role) continue;
      const client = clients.get(role) as Client;
      const keys = bodyKeys(route.schema?.body);
      await fc.assert(
        fc.asyncProperty(bodyFor(keys), idPart, async (body, id) => {
          const before = await rowCounts();
          const url = encodeURI(urlFor(route.url, id)).replaceAll('%25', '%');
          const res = await client.request(route.method as 'POST', url, body);
          const where = `${role} ${route.method} ${route.url}`;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) problems.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400 && res.statusCode < 500) {
            const after = await rowCounts();
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            if (changed.length) problems.push(`${where}: ${res.statusCode} but wrote ${changed.join(', ')}`);
          }
          return true;
        }),
        { numRuns: 6, seed: 20261201 },
      );
    }
    expect(problems).toEqual([]);
    // the walk reached the checks: most random bodies are refused as bad input, some ids as unknown
    expect(statuses.get(400) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(routes.length);
    console.log(
      `hostile input: ${routes.length} routes, answers ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
  });
});
