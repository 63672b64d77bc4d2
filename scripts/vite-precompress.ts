import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(file) : [file];
  });
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every text asset of the build (brotli at its best quality,
 * gzip at level 9), so the server sends them as they are (@fastify/static `preCompressed`) and never
 * compresses per request. Files under 1 kB stay as they are: compressing them gains nothing.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'quartier-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const started = performance.now();
      let before = 0;
      let after = 0;
      const files = filesUnder(outDir).filter((f) => compressible.test(f) && fs.statSync(f).size >= 1024);
      await Promise.all(
        files.map(async (file) => {
          const content = fs.readFileSync(file);
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzip(content, { level: 9 }),
          ]);
          fs.writeFileSync(`${file}.br`, br);
          fs.writeFileSync(`${file}.gz`, gz);
          before += content.length;
          after += br.length;
        }),
      );
      const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      console.log(
        `precompressed ${files.length} files: ${kb(before)} → ${kb(after)} brotli ` +
          `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    },
  };
}
