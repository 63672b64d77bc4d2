import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What a listener hears: each payload, and whether it is connected (it may miss payloads while it is not). */
export interface NoticeHandlers {
  message(payload: string): void;
  /** true once listening; false when the connection is lost (until it listens again) */
  connected(live: boolean): void;
}

/** Listens on a channel; resolves when listening, with the function that stops it. */
export type Listen = (
  channel: string,
  handlers: NoticeHandlers,
  /** the listening connection's application_name (PostgreSQL), by which others can count the listeners */
  applicationName?: string,
) => Promise<() => Promise<void>>;

const channelName = /^[a-z_][a-z0-9_]*$/;

/** PGlite: one process holds the database, and its notices arrive with the statement that sent them. */
export function pgliteListen(client: PGlite): Listen {
  return async (channel, handlers) => {
    if (!channelName.test(channel)) throw new Error(`bad channel ${channel}`);
    const stop = await client.listen(channel, (payload) => handlers.message(payload));
    handlers.connected(true);
    return async () => {
      handlers.connected(false);
      await stop().catch(() => {});
    };
  };
}

/**
 * PostgreSQL: a connection of its own (outside the pool) that only listens. When it is lost, the handlers
 * hear `connected(false)` at once and it reconnects after a second, hearing `connected(true)` when it
 * listens again; payloads sent in between are missed, which the caller must allow for.
 */
export function postgresListen(url: string, options: string): Listen {
  return async (channel, handlers, applicationName) => {
    if (!channelName.test(channel)) throw new Error(`bad channel ${channel}`);
    let client: pg.Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | null = null;

    const lost = () => {
      handlers.connected(false);
      client?.removeAllListeners();
      client?.end().catch(() => {});
      client = null;
      if (!stopped && !retry) {
        retry = setTimeout(() => {
          retry = null;
          connect().catch(lost);
        }, 1000);
        retry.unref();
      }
    };
    const connect = async () => {
      const c = new pg.Client({ connectionString: url, options, application_name: applicationName });
      c.on('notification', (n) => {
        if (n.channel === channel) handlers.message(n.payload ?? '');
      });
      c.on('error', lost);
      c.on('end', () => {
        if (client === c) lost();
      });
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (stopped) {
        await c.end();
        return;
      }
      client = c;
      handlers.connected(true);
    };
    try {
      await connect();
    } catch (e) {
      stopped = true;
      if (retry) clearTimeout(retry);
      throw e;
    }
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      handlers.connected(false);
      const c = client;
      client = null;
      c?.removeAllListeners();
      await c?.end().catch(() => {});
    };
  };
}
