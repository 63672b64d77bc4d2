import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

/** Every /api route as `METHOD path → permission`, sorted: a permission change shows up in review. */
function permissionTable(): string {
  const lines = t.app.registeredRoutes
    .filter((r) => r.url.startsWith('/api/'))
    .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ ...r, method })))
    .filter((r) => r.method !== 'HEAD')
    .map((r) => `${r.method.padEnd(6)} ${r.url} → ${r.config?.permission ?? '(none)'}`);
  return `${[...new Set(lines)].sort().join('\n')}\n`;
}

describe('the permission table', () => {
  it('matches the committed snapshot', async () => {
    await expect(permissionTable()).toMatchFileSnapshot('./__snapshots__/permission-table.txt');
  });
});
