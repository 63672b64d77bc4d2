import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { timeStep, totpCode } from '../../src/server/platform/auth/totp.js';
import { ConfigError, loadConfig } from '../../src/server/platform/config.js';
import { freePort } from '../helpers/server-process.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('loadConfig', () => {
  it('fills in the defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      QUARTIER_DEMO: true,
      QUARTIER_SESSION_IDLE_MINUTES: 30,
      QUARTIER_SESSION_MAX_HOURS: 12,
      QUARTIER_LOGIN_MAX_FAILURES: 5,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(path.isAbsolute(config.DATA_DIR)).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['QUARTIER_DEMO', 'maybe'],
    ['QUARTIER_SESSION_IDLE_MINUTES', '0'],
    ['QUARTIER_ADMIN_PASSWORD', 'kurz'],
    ['DATABASE_URL', 'mysql://localhost/quartier'],
    ['LOG_LEVEL', 'loud'],
  ])('throws a ConfigError naming %s for %j', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
  });

  it('names every wrong variable at once and no right one', () => {
    expect(() => loadConfig({ PORT: 'abc', QUARTIER_DEMO: 'maybe', HOST: '127.0.0.1' })).toThrow(
      /Invalid configuration:[\s\S]*PORT[\s\S]*QUARTIER_DEMO/,
    );
    try {
      loadConfig({ PORT: 'abc', QUARTIER_DEMO: 'maybe', HOST: '127.0.0.1' });
    } catch (e) {
      expect((e as Error).message).not.toContain('HOST');
    }
  });

  it('accepts 0/1/true/false for flags', () => {
    expect(loadConfig({ QUARTIER_DEMO: '0' }).QUARTIER_DEMO).toBe(false);
    expect(loadConfig({ QUARTIER_DEMO: 'false' }).QUARTIER_DEMO).toBe(false);
    expect(loadConfig({ QUARTIER_DEMO: '1' }).QUARTIER_DEMO).toBe(true);
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
  });
});

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** `npx tsx src/server/main.ts` in its own process group, so stopping it stops tsx's node child too. */
function start(env: Record<string, string>): Started {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitFor(started: Started, text: string, ms = 45_000) {
  const until = Date.now() + ms;
  let done = false;
  started.exited.then(() => {
    done = true;
  });
  while (!started.stdout().includes(text)) {
    if (done) throw new Error(`process exited before "${text}":\n${started.stdout()}\n${started.stderr()}`);
    if (Date.now() > until) throw new Error(`timed out waiting for "${text}":\n${started.stdout()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(child: ChildProcess) {
  if (child.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

afterAll(() => {
  for (const child of children) stop(child);
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('two processes on one embedded data dir', () => {
  it('the first serves; a second refuses with a clear message; QUARTIER_DEMO=0 creates only admin', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-startup-'));
    const adminPassword = 'Erster-Start-2026!';
    try {
      const port = await freePort();
      const first = start({
        PORT: String(port),
        DATA_DIR: dataDir,
        QUARTIER_DEMO: '0',
        QUARTIER_ADMIN_PASSWORD: adminPassword,
      });
      await waitFor(first, 'Quartier is running');
      expect(first.stdout()).toContain('password from QUARTIER_ADMIN_PASSWORD');
      expect(first.stdout()).not.toContain(adminPassword);
      expect(fs.existsSync(path.join(dataDir, 'quartier.lock'))).toBe(true);

      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', engine: 'pglite' });

      const second = start({
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        QUARTIER_DEMO: '0',
        QUARTIER_ADMIN_PASSWORD: adminPassword,
      });
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toContain('in use by another Quartier process');
      expect(second.stdout()).not.toContain('Quartier is running');
      // the refused process did not take the first one's lock away
      expect((await fetch(`${base}/api/health`)).status).toBe(200);

      const meta = await (await fetch(`${base}/api/meta`)).json();
      expect(meta.demo).toBe(false);
      const demoLogin = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'fachkraft.ba', password: 'Quartier-Demo-2026' }),
      });
      expect(demoLogin.status).toBe(401);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: adminPassword }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      // outside demo mode the administration must set up the second factor before anything else
      const refused = await fetch(`${base}/api/users`, { headers: { cookie } });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('MFA_SETUP_REQUIRED');
      const headers = { cookie, 'x-csrf-token': (await login.json()).csrfToken };
      const setup = await (await fetch(`${base}/api/auth/mfa/setup`, { method: 'POST', headers })).json();
      const enabled = await fetch(`${base}/api/auth/mfa/enable`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ code: totpCode(setup.secret, timeStep()) }),
      });
      expect(enabled.status).toBe(200);
      const users = await (await fetch(`${base}/api/users`, { headers: { cookie } })).json();
      expect(users.total).toBe(1);
      expect(users.items[0]).toMatchObject({ username: 'admin', role: 'admin' });
      const sites = await (await fetch(`${base}/api/sites`, { headers: { cookie } })).json();
      expect(sites).toHaveLength(7);

      // SIGTERM to the server itself (its pid is in the lock): a clean shutdown releases the lock
      const serverPid = Number(fs.readFileSync(path.join(dataDir, 'quartier.lock'), 'utf8'));
      expect(serverPid).toBeGreaterThan(0);
      process.kill(serverPid, 'SIGTERM');
      expect(await first.exited).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'quartier.lock'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
