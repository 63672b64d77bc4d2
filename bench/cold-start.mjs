// node bench/cold-start.mjs [runs=5] [-- command…]
// Cold embedded start without demo data: a fresh DATA_DIR in /tmp, QUARTIER_DEMO=0, and the time from
// spawning the command (default: `node --import tsx src/server/main.ts`, what `npm start` runs after
// its web-build check) to the first 200 of GET /api/meta. Prints each run, the minimum and the median.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const runs = Number(args[0] && dash !== 0 ? args[0] : 5);
const command = dash >= 0 ? args.slice(dash + 1) : ['node', '--import', 'tsx', 'src/server/main.ts'];

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function once() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-cold-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      QUARTIER_DEMO: '0',
      QUARTIER_ADMIN_PASSWORD: 'Cold-Start-Bench-2026',
      LOG_LEVEL: 'warn',
    },
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  try {
    for (;;) {
      if (exited) throw new Error('the server exited before it answered');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/meta`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => (exited ? r() : child.on('exit', r)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const times = [];
for (let i = 0; i < runs; i++) {
  const ms = await once();
  times.push(ms);
  console.log(`run ${i + 1}: ${(ms / 1000).toFixed(2)} s`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor((sorted.length - 1) / 2)];
console.log(
  `cold start (${command.join(' ')}): min ${(sorted[0] / 1000).toFixed(2)} s, median ${(median / 1000).toFixed(2)} s, n=${runs}`,
);
