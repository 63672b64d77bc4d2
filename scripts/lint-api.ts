// `npm run lint:api`: builds the app on an in-memory PGlite, takes the document it serves at
// /api/openapi.json, writes it to a temp file and lints it with Redocly's recommended rules.
// Exits non-zero on any error (warnings pass). `--out <file>` keeps the document.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config.js';
import { openPglite } from '../src/server/platform/db/client.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const keep = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : null;
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quartier-openapi-'));
const file = keep ?? path.join(tmpDir, 'openapi.json');

const database = await openPglite();
try {
  const app = await buildApp(database, loadConfig({}), { serveWeb: false });
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}`);
  fs.writeFileSync(file, res.body);
  await app.close();
} finally {
  await database.close();
}

const redocly = path.join(repoRoot, 'node_modules', '.bin', 'redocly');
const lint = spawnSync(redocly, ['lint', '--extends', 'recommended', '--format', 'summary', file], {
  stdio: 'inherit',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
fs.rmSync(tmpDir, { recursive: true, force: true });
process.exit(lint.status ?? 1);
