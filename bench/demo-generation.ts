/**
 * Demo data generation times: scale 1 on PGlite (on disk, as the embedded server keeps it) and on
 * PostgreSQL, each into a fresh database.
 *
 *   npx tsx bench/demo-generation.ts [--scale 1] [--url postgres://…]
 */
import { pathToFileURL } from 'node:url';
import { generateDemoData } from '../src/server/demo/index.js';
import { benchPglite, benchPostgres, defaultUrl, dropPostgres, progressLine } from './databases.js';

export interface GenerationResult {
  engine: 'pglite' | 'postgres';
  scale: number;
  ms: number;
  households: number;
  persons: number;
  contacts: number;
  reasons: number;
}

export async function benchGeneration(engine: 'pglite' | 'postgres', scale: number, url = defaultUrl) {
  const name = 'quartier_bench_generation';
  const database = engine === 'pglite' ? await benchPglite() : await benchPostgres(url, name);
  try {
    const r = await generateDemoData(database.db, {
      scale,
      onProgress: progressLine(`${engine} scale ${scale}`),
    });
    return {
      engine,
      scale,
      ms: r.ms,
      households: r.rows.households,
      persons: r.rows.persons,
      contacts: r.rows.contacts,
      reasons: r.rows.contact_reasons,
    } satisfies GenerationResult;
  } finally {
    await database.close();
    if (engine === 'postgres') await dropPostgres(url, name);
  }
}

export function formatGeneration(results: GenerationResult[]): string {
  const lines = ['', 'demo data generation (npm run demo)'];
  for (const r of results) {
    lines.push(
      `  scale ${String(r.scale).padEnd(3)} ${r.engine.padEnd(9)} ${(r.ms / 1000).toFixed(1).padStart(6)} s   ` +
        `${r.households.toLocaleString('en')} households, ${r.persons.toLocaleString('en')} persons, ` +
        `${r.contacts.toLocaleString('en')} contacts, ${r.reasons.toLocaleString('en')} reasons`,
    );
  }
  return lines.join('\n');
}

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scale = Number(arg('scale', '1'));
  const url = arg('url', defaultUrl);
  (async () => {
    const results = [
      await benchGeneration('pglite', scale, url),
      await benchGeneration('postgres', scale, url),
    ];
    console.log(formatGeneration(results));
  })()
    .then(() => process.exit(0))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
