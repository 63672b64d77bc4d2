import path from 'node:path';
import type { FastifyStaticOptions } from '@fastify/static';

/**
 * How the built web app is served: the brotli/gzip files written at build time (scripts/vite-precompress.ts)
 * when the browser accepts them; the hashed files under /assets cached for a year as immutable (a new build
 * has new names), everything else — index.html above all — revalidated on every load, so a release is
 * picked up at once.
 */
export function webAssetOptions(root: string): FastifyStaticOptions {
  const assets = `${path.join(root, 'assets')}${path.sep}`;
  return {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, file) {
      // the same URL answers brotli, gzip or plain: caches must keep them apart
      res.setHeader('vary', 'accept-encoding');
      res.setHeader(
        'cache-control',
        file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  };
}
