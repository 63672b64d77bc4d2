import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedSummary, operationId, pathShape } from '../../src/server/platform/openapi/operations.js';
import { summaries } from '../../src/server/platform/openapi/summaries.js';
import { createTestApp } from '../helpers/test-app.js';

type Operation = { summary?: string; operationId?: string; security?: unknown[] };
type Document = {
  servers?: { url: string }[];
  security?: unknown[];
  components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
  paths: Record<string, Record<string, Operation>>;
};

let t: Awaited<ReturnType<typeof createTestApp>>;
let doc: Document;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json() as Document;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

describe('the served OpenAPI document', () => {
  it('gives every operation a summary and a unique operationId', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    const missing = ops.filter(({ op }) => !op.summary?.trim() || !op.operationId).map(({ key }) => key);
    expect(missing).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('declares the session cookie globally and opens exactly the public routes', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'quartier_session',
    });
    const publicRoutes = t.app.registeredRoutes
      .filter((r) => r.config?.permission === 'public' && !(r.schema as { hide?: boolean } | undefined)?.hide)
      .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD')).length;
    const open = operations().filter(({ op }) => Array.isArray(op.security) && op.security.length === 0);
    expect(open.map(({ key }) => key)).toEqual(
      expect.arrayContaining(['GET /api/meta', 'POST /api/auth/login']),
    );
    expect(open).toHaveLength(publicRoutes);
  });

  it('has no summaries-table entry for a route that does not exist', () => {
    const routes = t.app.registeredRoutes.flatMap((r) =>
      (Array.isArray(r.method) ? r.method : [r.method]).map((m) => ({ method: m, url: r.url })),
    );
    const stale = Object.keys(summaries).filter((key) => {
      const [method, path] = key.split(' ');
      return !routes.some((r) => r.method === method && pathShape(r.url) === pathShape(path));
    });
    expect(stale).toEqual([]);
  });
});

describe('summaries and ids for routes the table does not name', () => {
  it.each([
    ['GET', '/api/partners', 'List partners'],
    ['POST', '/api/offers', 'Create an offer'],
    ['GET', '/api/events/:id', 'Get an event'],
    ['PATCH', '/api/volunteers/:id', 'Update a volunteer'],
    ['GET', '/api/mediators', 'List mediators'],
    ['POST', '/api/mediator-bookings', 'Create a mediator booking'],
    ['GET', '/api/network/gaps', 'List network gaps'],
    ['POST', '/api/events/:id/cancel', 'Cancel an event'],
    ['GET', '/api/households/:id/needs', 'List needs of a household'],
  ])('%s %s → %s', (method, path, summary) => {
    expect(derivedSummary(method, path)).toBe(summary);
  });

  it('derives operationIds from method and path', () => {
    expect(operationId('GET', '/api/households/:id/needs')).toBe('getHouseholdsByIdNeeds');
    expect(operationId('GET', '/api/statistics/export.csv')).toBe('getStatisticsExportCsv');
    expect(operationId('GET', '/api/statistics/network')).toBe('getStatisticsNetwork');
  });
});
