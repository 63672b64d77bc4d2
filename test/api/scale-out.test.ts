import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/setup/initialize.js';

/**
 * Two API processes on one PostgreSQL database, as behind a load balancer: a lockout, a logout and the
 * login rate limit counted on one process hold on the other (sessions, lockouts and rate-limit windows
 * live in the database, not in a process's memory). PostgreSQL only: the embedded engine is one process.
 */
const url = process.env.DATABASE_URL;
const rate = 12;
const maxFailures = 3;

interface Server {
  base: string;
  child: ChildProcess;
  output: string[];
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function start(databaseUrl: string): Promise<Server> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      QUARTIER_DEMO: '1',
      QUARTIER_DEMO_DATA: '0',
      QUARTIER_LOGIN_RATE_PER_MINUTE: String(rate),
      QUARTIER_LOGIN_MAX_FAILURES: String(maxFailures),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output.join('')}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child, output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output.join('')}`);
}

let attempts = 0;
async function login(server: Server, username: string, password: string) {
  attempts++;
  const res = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string; error?: { code: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { status: res.status, body, cookie };
}

describe.skipIf(!url)('two API processes on one database', () => {
  const name = `quartier_scaleout_${randomBytes(5).toString('hex')}`;
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const target = new URL(url as string);
    target.pathname = `/${name}`;
    // one after the other: the first start sets the database up (migrations, demo accounts)
    a = await start(target.toString());
    b = await start(target.toString());
  }, 600_000);

  afterAll(async () => {
    for (const s of [a, b]) s?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    for (const s of [a, b]) if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
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
    const me = (s: Server) => fetch(`${s.base}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect((await me(b)).status).toBe(200);
    const out = await fetch(`${b.base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.body.csrfToken ?? '' },
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
