import { type ChildProcess, spawn } from 'node:child_process';

/** A Quartier server in its own process (`src/server/main.ts`), as an operator starts it. */
export interface ServerProcess {
  base: string;
  child: ChildProcess;
  output: string[];
  /** SIGTERM, then SIGKILL after a second if it is still running */
  stop(): Promise<void>;
}

/**
 * Starts the server with `env` (demo accounts, no demo data unless asked) on a random port and waits
 * until /api/health answers; a server that exits or does not answer within 5 minutes fails the test.
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = 20000 + Math.floor(Math.random() * 20000);
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
    if (child.exitCode !== null) throw new Error(`server exited: ${output.join('')}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child, output, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${output.join('')}`);
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
