import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { Db } from './db/client.js';

type Row = { hits: number; ttl: number };

/** One more hit in the key's window (a new window when the last one is over); the count and the rest. */
export async function countHit(db: Db, key: string, windowMs: number): Promise<Row> {
  const result = await db.execute(sql`
    INSERT INTO rate_limit_hits AS r (key, window_start, hits) VALUES (${key}, clock_timestamp(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_start + ${windowMs} * interval '1 millisecond' <= clock_timestamp()
        THEN 1 ELSE r.hits + 1 END,
      window_start = CASE WHEN r.window_start + ${windowMs} * interval '1 millisecond' <= clock_timestamp()
        THEN clock_timestamp() ELSE r.window_start END
    RETURNING r.hits, GREATEST(0, ceil(extract(epoch FROM
      r.window_start + ${windowMs} * interval '1 millisecond' - clock_timestamp()) * 1000))::int AS ttl`);
  const rows = (result as unknown as { rows?: Row[] }).rows ?? (result as unknown as Row[]);
  return { hits: Number(rows[0].hits), ttl: Number(rows[0].ttl) };
}

/** Windows that ended a day ago are of no use to anyone: removed now and then by the hits themselves. */
async function sweep(db: Db) {
  await db.execute(sql`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`);
}

/**
 * A store for @fastify/rate-limit in the database, so every API process behind one load balancer counts
 * the same window (the plugin's default store lives in each process's memory). The key is hashed with
 * the route: no client address is stored. A database error lets the request through only if the route
 * says `skipOnError`; by default the plugin then answers with the error (500 → our error handler).
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly route = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const hashed = createHash('sha256').update(`${this.route}\n${key}`).digest('base64url');
      countHit(db, hashed, timeWindow)
        .then((r) => {
          if (Math.random() < 0.01) void sweep(db).catch(() => {});
          callback(null, { current: r.hits, ttl: r.ttl });
        })
        .catch((error: Error) => callback(error));
    }

    /** the plugin asks one store per rate-limited route; its windows are the route's own */
    child(params: unknown): FastifyRateLimitStore {
      const route = (params as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(route.method) ? route.method.join(',') : (route.method ?? '');
      return new DatabaseStore(params, `${method} ${route.url ?? ''}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
