import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/platform/config.js';
import { type Database, openPglite, openPostgres } from '../../src/server/platform/db/client.js';
import { demoPassword, initializeIfEmpty } from '../../src/server/setup/initialize.js';
import { loadProfile } from '../../src/server/setup/profile.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A fresh database per test file: in-memory PGlite, or a new database on DATABASE_URL's server. */
async function freshDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite();
  const name = `quartier_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString());
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export interface TestAppOptions {
  demo?: boolean;
  env?: Record<string, string>;
}

export async function createTestApp(options: TestAppOptions = {}) {
  const config = loadConfig({ QUARTIER_LOGIN_RATE_PER_MINUTE: '100000', ...options.env });
  const database = await freshDatabase();
  await initializeIfEmpty(database.db, loadProfile('dortmund'), {
    demo: options.demo ?? true,
    adminPassword: 'Admin-Password-2026',
  });
  const app = await buildApp(database, config, { serveWeb: false });
  await app.ready();

  /** Logs in and returns a client that sends the session cookie and the CSRF token. */
  async function login(username: string, password = demoPassword) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'quartier_session');
    const body = res.json() as { csrfToken: string; user: { id: string; siteIds: string[] } };
    const request = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        payload: payload as never,
        cookies: { quartier_session: cookie?.value ?? '' },
        headers: { 'x-csrf-token': body.csrfToken, ...headers },
      });
    return {
      user: body.user,
      csrfToken: body.csrfToken,
      cookie: cookie?.value ?? '',
      request,
      get: (url: string, headers?: Record<string, string>) => request('GET', url, undefined, headers),
      post: (url: string, payload?: unknown) => request('POST', url, payload),
      patch: (url: string, payload?: unknown) => request('PATCH', url, payload),
      put: (url: string, payload?: unknown) => request('PUT', url, payload),
    };
  }

  /**
   * A new account as the administrator makes it through the API (POST /api/users, password demoPassword),
   * signed in: for a test that needs a user the demo accounts do not have (another site, another role).
   */
  async function createUser(
    admin: Awaited<ReturnType<typeof login>>,
    user: { username: string; role: string; siteIds: string[]; displayName?: string },
  ) {
    const res = await admin.post('/api/users', {
      ...user,
      displayName: user.displayName ?? user.username,
      password: demoPassword,
    });
    if (res.statusCode !== 201)
      throw new Error(`create ${user.username} failed: ${res.statusCode} ${res.body}`);
    return login(user.username);
  }

  return {
    app,
    db: database.db,
    engine: database.engine,
    login,
    createUser,
    /**
     * After a test changed sessions or users in the database directly (as another process would): every
     * process's session cache has heard of it, as an API write waits for before it answers.
     */
    settled: () => app.sessionCache.barrier(database.db),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type Client = Awaited<ReturnType<TestApp['login']>>;
