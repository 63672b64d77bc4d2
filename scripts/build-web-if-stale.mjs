// Called by `npm start`: builds the web app (vite build → dist/web) only when it is missing or older
// than one of its sources, so a start without web changes costs a file walk (~20 ms), not a build.
// `--force` builds anyway. The stamp is written after a successful build only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = path.join(root, 'dist', 'web', '.built');
const sources = [
  'src/web',
  'src/shared',
  'vite.config.ts',
  'postcss.config.cjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** The newest modification time under `file` (a file or a directory), 0 when it does not exist. */
function newest(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs; // a deleted file changes its directory
  for (const entry of fs.readdirSync(file)) max = Math.max(max, newest(path.join(file, entry)));
  return max;
}

function staleReason() {
  if (process.argv.includes('--force')) return 'forced';
  if (!fs.existsSync(path.join(root, 'dist', 'web', 'index.html')) || !fs.existsSync(stamp)) return 'missing';
  const built = fs.statSync(stamp).mtimeMs;
  const changed = sources.find((s) => newest(path.join(root, s)) > built);
  return changed ? `${changed} changed` : null;
}

const reason = staleReason();
if (reason) {
  console.log(`Building the web app (${reason}) …`);
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  const build = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
