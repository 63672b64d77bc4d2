import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Listen } from '../db/notifications.js';
import { rowsOf } from '../sql.js';

/** The columns of a session and its user that the guard needs (one row of the lookup). */
export interface SessionRow {
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  active: boolean;
  userId: string;
  username: string;
  displayName: string;
  role: string;
  siteIds: string[];
  mfaEnabled: boolean;
  passwordMustChange: boolean;
}

export const sessionChannel = 'quartier_sessions';
/** the application_name of every process's listening connection, by which a barrier counts them */
export const listenerName = 'quartier-session-listener';
const maxEntries = 20_000;
const barrierTimeoutMs = 2_000;

/**
 * Another cache of this process that lives off the same notices (a payload of its own prefix, such as
 * 'h:' for the household searches) and holds nothing while the listener is not connected.
 */
export interface NoticeSubscriber {
  notice(payload: string): void;
  connected(live: boolean): void;
}

/** A barrier of this process: the notices back so far, how many it waits for (once known), its end. */
interface Barrier {
  arrived: number;
  expected: number | null;
  done: () => void;
}

/**
 * The sessions this process has looked up, so that a request does not cost a database round trip for its
 * session (that lookup was most of `GET /api/auth/me`). It holds only while it is told of every change:
 * the database's triggers (migration 0022) send a notice at the commit of each ended or changed session
 * and each changed user, and the cache forgets the entry. While its listener is not connected it holds
 * nothing and every request reads the database, as before. The expiry and the idle timeout are checked
 * against the cached times on every request, so they take effect at once; every minute a session is read
 * again (and its last use written), so a session another process kept alive is not taken for idle.
 *
 * A lookup that started before a notice and ends after it must not put back what the notice removed: each
 * notice advances `generation`, and an entry is only kept when no notice came while it was read.
 */
export class SessionCache {
  private readonly entries = new Map<string, SessionRow>();
  private live = false;
  /** advanced by every notice (and by a lost connection) */
  generation = 0;
  /** this process's barriers waiting: nonce → the answers still missing, and what to call when none are */
  private readonly barriers = new Map<string, Barrier>();
  private db: Db | null = null;
  /** payload prefix ('h:') → the cache that takes those notices */
  private readonly subscribers = new Map<string, NoticeSubscriber>();

  /** Hands the notices starting with `prefix` to `subscriber` (and tells it whether the listener is live). */
  subscribe(prefix: string, subscriber: NoticeSubscriber) {
    if (prefix.length !== 2) throw new Error('a notice prefix has two characters');
    this.subscribers.set(prefix, subscriber);
    subscriber.connected(this.live);
  }

  get enabled() {
    return this.live;
  }

  get(id: string): SessionRow | undefined {
    return this.live ? this.entries.get(id) : undefined;
  }

  /** Keeps a row read at `generation` (from before the read); dropped when a notice came in between. */
  put(id: string, row: SessionRow, generation: number) {
    if (!this.live || generation !== this.generation) return;
    if (this.entries.size >= maxEntries) this.entries.clear();
    this.entries.set(id, row);
  }

  /** A notice: 's:<session id>', 'u:<user id>', '*'; a barrier 'b:<nonce>' and its answers 'a:<nonce>'. */
  notice(payload: string) {
    const kind = payload.slice(0, 2);
    if (kind === 'b:' || kind === 'a:') {
      const nonce = payload.slice(2);
      const own = this.barriers.get(nonce);
      if (own) {
        own.arrived++;
        if (own.expected !== null && own.arrived >= own.expected) own.done();
      } else if (kind === 'b:') this.answer(nonce);
      return;
    }
    const subscriber = this.subscribers.get(kind);
    if (subscriber) return subscriber.notice(payload.slice(2));
    this.generation++;
    if (kind === 's:') this.entries.delete(payload.slice(2));
    else if (kind === 'u:') {
      const userId = payload.slice(2);
      for (const [id, row] of this.entries) if (row.userId === userId) this.entries.delete(id);
    } else this.entries.clear();
  }

  /** Another process's barrier reached this one after every notice before it: say so. */
  private answer(nonce: string) {
    this.db?.execute(sql`SELECT pg_notify(${sessionChannel}, ${`a:${nonce}`})`).catch(() => {});
  }

  connected(live: boolean) {
    this.generation++;
    this.entries.clear();
    this.live = live;
    for (const s of this.subscribers.values()) s.connected(live);
    if (!live) for (const b of this.barriers.values()) b.done();
  }

  /**
   * Resolves once every notice committed before now has reached every listening process: this process's
   * barrier notice goes round through the database, notices arrive in commit order, and each other
   * process answers it when it has come (after all earlier notices). A write awaits it before its answer,
   * so after a logout, a deactivation or a changed role no process serves the old session from its cache
   * to the next request. A process whose listener is down holds nothing in its cache and is not waited
   * for; when the answers do not come in time this process empties its own cache.
   */
  async barrier(db: Db): Promise<void> {
    if (!this.live) return;
    try {
      await this.roundTrip(db);
    } catch {
      // the notice could not be sent: nothing cached may outlive the write
      this.connected(this.live);
    }
  }

  private async roundTrip(db: Db): Promise<void> {
    const nonce = randomBytes(9).toString('base64url');
    let timer: NodeJS.Timeout | undefined;
    const entry: Barrier = { arrived: 0, expected: null, done: () => {} };
    const complete = new Promise<boolean>((resolve) => {
      entry.done = () => resolve(true);
      timer = setTimeout(() => resolve(false), barrierTimeoutMs);
    });
    this.barriers.set(nonce, entry);
    try {
      const result = await db.execute(sql`SELECT pg_notify(${sessionChannel}, ${`b:${nonce}`}),
        (SELECT count(*)::int FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = ${listenerName}) AS listeners`);
      const rows = rowsOf<{ listeners: number }>(result);
      // its own notice, and one answer from every other listening process
      entry.expected = 1 + Math.max(0, Number(rows[0]?.listeners ?? 0) - 1);
      if (entry.arrived >= entry.expected) entry.done();
      if (!(await complete)) this.connected(this.live);
    } finally {
      clearTimeout(timer);
      this.barriers.delete(nonce);
    }
  }

  /** Starts listening; resolves with the function that stops it (for the app's onClose). */
  async listen(listen: Listen | undefined, db: Db): Promise<() => Promise<void>> {
    this.db = db;
    if (!listen) return async () => {};
    return listen(
      sessionChannel,
      {
        message: (payload) => this.notice(payload),
        connected: (live) => this.connected(live),
      },
      listenerName,
    );
  }
}
