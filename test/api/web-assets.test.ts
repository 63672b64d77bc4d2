import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { type Database, openPglite } from '../../src/server/platform/db/client.js';

const webDist = new URL('../../dist/web/', import.meta.url);
const built = fs.existsSync(new URL('index.html', webDist));

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let entry: string;

// needs the built web app (npm run build:web): that is what is served
describe.skipIf(!built)('web assets', () => {
  beforeAll(async () => {
    database = await openPglite();
    app = await buildApp(database, loadConfig({}), { serveWeb: true });
    entry = fs.readFileSync(new URL('index.html', webDist), 'utf8').match(/src="(\/assets\/[^"]+\.js)"/)![1];
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('sends the brotli or gzip file written at build time, plain text otherwise, cached for a year', async () => {
    const plain = await app.inject({ url: entry });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.vary).toBe('accept-encoding');
    for (const encoding of ['br', 'gzip']) {
      const res = await app.inject({ url: entry, headers: { 'accept-encoding': `${encoding}, deflate` } });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    }
    const br = await app.inject({ url: entry, headers: { 'accept-encoding': 'br' } });
    expect(fs.readFileSync(new URL(`.${entry}.br`, webDist)).equals(br.rawPayload)).toBe(true);
  });

  it('has the app shell revalidated on every load', async () => {
    for (const url of ['/', '/households']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });
});
