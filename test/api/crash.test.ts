import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/setup/initialize.js';
import { loginOver, type ServerProcess, startServer } from '../helpers/server-process.js';

/**
 * A crash in the middle of writing: the server is killed (SIGKILL, no shutdown) while four clients
 * register households; after a restart on the same data every household whose registration was
 * acknowledged (201) is there, with its members, and the audit chain verifies. Runs on the engine of the
 * test run: the embedded one in a data directory (npm test), PostgreSQL with DATABASE_URL (npm run test:pg).
 */
const url = process.env.DATABASE_URL;
const engine = url ? 'PostgreSQL' : 'the embedded engine';

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe(`a crash during writes (${engine})`, () => {
  const name = `quartier_crash_${randomBytes(5).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-crash-'));
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    if (url) {
      await admin(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      env = { DATABASE_URL: target.toString() };
    } else {
      env = { DATA_DIR: dataDir };
    }
  });

  afterAll(async () => {
    await server?.stop();
    if (url) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and a verifying audit chain', async () => {
    server = await startServer(env);
    const session = await loginOver(server.base, 'fachkraft.ba', demoPassword);
    expect(session.status).toBe(200);
    const siteId = (session.body as { user?: { siteIds: string[] } }).user?.siteIds[0];
    const headers = {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    };
    const acknowledged: string[] = [];
    let sent = 0;
    let stop = false;
    const writer = async (w: number) => {
      while (!stop) {
        const i = sent++;
        const res = await fetch(`${server?.base}/api/households`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            siteId,
            category: 'refugee',
            registeredOn: '2024-02-01',
            members: [
              { firstName: 'Rania', lastName: `Absturz${w}x${i}`, birthYear: 1990, roleInHousehold: 'head' },
              { firstName: 'Omar', lastName: `Absturz${w}x${i}`, birthYear: 2015, roleInHousehold: 'child' },
            ],
          }),
        }).catch(() => null);
        if (!res) return; // the server is gone
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    const killed = server.child;
    const exited = new Promise((r) => killed.once('exit', r));
    killed.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    if (killed.exitCode === null && killed.signalCode === null) await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    // restart on the same data: every acknowledged household is there
    server = await startServer(env);
    const again = await loginOver(server.base, 'fachkraft.ba', demoPassword);
    const auth = { cookie: again.cookie };
    const missing: string[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`${server.base}/api/households/${id}`, { headers: auth });
      if (res.status !== 200) missing.push(`${id}: ${res.status}`);
      else expect(((await res.json()) as { members: unknown[] }).members).toHaveLength(2);
    }
    expect(missing).toEqual([]);
    await server.stop();
    server = undefined;

    // the audit chain of the crashed and restarted installation verifies
    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli/audit-verify.ts'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain('audit chain verified');
  });
});
