import { randomUUID } from 'node:crypto';
import type { ActorContext } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { applyRetention } from './service.js';

/** The actor of scheduled and command-line runs, named in the audit log. */
export function systemContext(requestId: string): ActorContext {
  return {
    actorId: null,
    actorUsername: 'system',
    role: null,
    requestId: `${requestId}-${randomUUID()}`,
    ip: null,
  };
}

const day = 24 * 60 * 60 * 1000;

/**
 * The daily retention run inside the server: first a few minutes after start, then every 24 hours. A run
 * that fails is logged (without values) and tried again the next day. Returns a stop function.
 */
export function scheduleRetention(db: Db, log: (msg: string) => void, firstAfterMs = 5 * 60 * 1000) {
  const run = async () => {
    try {
      const done = await applyRetention(db, systemContext('retention-job'));
      if (done.anonymised || done.notesCleared)
        log(
          `retention: anonymised ${done.anonymised} households, notes removed from ${done.notesCleared} (${done.ms} ms)`,
        );
    } catch (e) {
      log(`retention run failed: ${(e as Error).name}`);
    }
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void run();
    interval = setInterval(run, day);
    interval.unref();
  }, firstAfterMs);
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
