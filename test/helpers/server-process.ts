import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** A Quartier server in its own process (`src/server/main.ts`), as an operator starts it. */
export interface ServerProcess {
  base: string;
  child: ChildProcess;
  output: string[];
  /** SIGTERM, then SIGKILL after a second if it is still running */
  stop(): Promise<void>;
}

/** A port the operating system has just handed out as free (a fixed range collided with client sockets). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

class PortTaken extends Error {}

/** One start on `port`: the running server, or PortTaken when another socket took the port meanwhile. */
async function startOn(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      QUARTIER_DEMO: '1',
      QUARTIER_DEMO_DATA: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const text = output.join('');
      if (text.includes('EADDRINUSE')) throw new PortTaken(text);
      throw new Error(`server exited: ${text}`);
    }
    // a child that has exited (its port taken) does not count, even when another server on the port answered
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && child.exitCode === null) return { base, child, output, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output.join('')}`);
}

/**
 * Starts the server with `env` (demo accounts, no demo data unless asked) on a free port and waits until
 * /api/health answers; a server that exits or does not answer within 5 minutes fails the test. A port
 * taken between the look-up and the server's listen (a client socket of the same machine) is tried again
 * with another port, up to three times.
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(await freePort(), env);
    } catch (e) {
      if (!(e instanceof PortTaken) || attempt >= 3) throw e;
    }
  }
}

/** Logs in over HTTP; the session cookie and the CSRF token for the next requests. */
export async function loginOver(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string; error?: { code: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { status: res.status, body, cookie, csrfToken: body.csrfToken ?? '' };
}
