import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { loginOver, type ServerProcess, startServer } from '../helpers/server-process.js';

/**
 * Two API processes on one PostgreSQL database, as behind a load balancer: a lockout, a logout and the
 * login rate limit counted on one process hold on the other (sessions, lockouts and rate-limit windows
 * live in the database, not in a process's memory). PostgreSQL only: the embedded engine is one process.
 */
const url = process.env.DATABASE_URL;
const rate = 12;
const maxFailures = 3;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const start = (databaseUrl: string) =>
  startServer({
    DATABASE_URL: databaseUrl,
    QUARTIER_LOGIN_RATE_PER_MINUTE: String(rate),
    QUARTIER_LOGIN_MAX_FAILURES: String(maxFailures),
  });

let attempts = 0;
function login(server: ServerProcess, username: string, password: string) {
  attempts++;
  return loginOver(server.base, username, password);
}

describe.skipIf(!url)('two API processes on one database', () => {
  const name = `quartier_scaleout_${randomBytes(5).toString('hex')}`;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const target = new URL(url as string);
    target.pathname = `/${name}`;
    // one after the other: the first start sets the database up (migrations, demo accounts)
    a = await start(target.toString());
    b = await start(target.toString());
  }, 600_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('a lockout after failed logins on one process holds on the other', async () => {
    for (let i = 0; i < maxFailures; i++) {
      expect((await login(a, 'fachkraft.ba', 'Falsches-Passwort-1')).status).toBe(401);
    }
    const onB = await login(b, 'fachkraft.ba', demoPassword);
    expect(onB.status).toBe(429);
    expect(onB.body.error?.code).toBeTruthy();
  });

  it('a logout on one process ends the session on the other at once', async () => {
    const session = await login(a, 'leitung.ba', demoPassword);
    expect(session.status).toBe(200);
    const me = (s: ServerProcess) => fetch(`${s.base}/api/auth/me`, { headers: { cookie: session.cookie } });
    // both processes have seen (and cache) the session
    for (let i = 0; i < 3; i++) expect([(await me(a)).status, (await me(b)).status]).toEqual([200, 200]);
    const out = await fetch(`${b.base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.status).toBeLessThan(300);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
  });

  it('the login rate limit counts the attempts of both processes together', async () => {
    const statuses: number[] = [];
    // alternate between the processes until the shared window is full (each alone would allow `rate`)
    while (attempts < rate) {
      const server = attempts % 2 === 0 ? a : b;
      statuses.push((await login(server, `niemand${attempts}`, 'Irgendein-Passwort-1')).status);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const overA = await login(a, 'niemand.a', 'Irgendein-Passwort-1');
    const overB = await login(b, 'niemand.b', 'Irgendein-Passwort-1');
    expect([overA.status, overB.status]).toEqual([429, 429]);
    expect(overA.body.error?.code).toBe('TOO_MANY_ATTEMPTS');
  });
});
