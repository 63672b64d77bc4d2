import type { NoticeSubscriber, SessionCache } from '../../platform/auth/session-cache.js';
import type { Db } from '../../platform/db/client.js';

/** The ranked matches of one search: the first households' ids in the list's order, and how many match. */
export interface SearchMatches {
  ids: string[];
  total: number;
}

/** ids kept per search: 40 pages of 25; a page further on is ranked by the database again */
export const cachedIdsPerSearch = 1000;
const maxEntries = 200;

interface Entry extends SearchMatches {
  sites: string[];
}

/**
 * The ranked matches of the household searches this process answered lately, so that paging through a
 * search, coming back to it from a household, or a colleague's same search does not rank a common name's
 * thousands of namesakes again (20 ms of the database for "Ahmad" at demo scale 25, against 0.3 ms for a
 * page of households by id). Only ids and their order are kept: each page's households and facts are read
 * fresh. It holds only while the database tells it of every change to a site's households or persons that
 * can alter a search (migration 0025: 'h:<site id>' at the commit, on the sessions' channel, so a write's
 * barrier covers it) and forgets the searches of that site; while the listener is down it holds nothing.
 * A search ranked while a notice for one of its sites came in is not kept (`stamp`).
 */
export class HouseholdSearchCache implements NoticeSubscriber {
  private readonly entries = new Map<string, Entry>();
  /** per site, a counter advanced by each notice for it */
  private readonly siteGenerations = new Map<string, number>();
  /** advanced when everything is forgotten ('h:*', a lost listener) */
  private epoch = 0;
  private live = false;

  get(key: string): SearchMatches | undefined {
    if (!this.live) return undefined;
    const entry = this.entries.get(key);
    if (entry) {
      // the most recently used last, so that the oldest goes first when full
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** What a search of these sites must find unchanged when it is kept. */
  stamp(sites: string[]): string {
    return `${this.epoch}:${sites.map((s) => this.siteGenerations.get(s) ?? 0).join(',')}`;
  }

  put(key: string, sites: string[], matches: SearchMatches, stamp: string) {
    if (!this.live || stamp !== this.stamp(sites)) return;
    if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { ...matches, sites });
  }

  notice(site: string) {
    if (site === '*') return this.clear();
    this.siteGenerations.set(site, (this.siteGenerations.get(site) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (entry.sites.includes(site)) this.entries.delete(key);
  }

  connected(live: boolean) {
    this.live = live;
    this.clear();
  }

  private clear() {
    this.epoch++;
    this.siteGenerations.clear();
    this.entries.clear();
  }
}

/** Per database handle of a process, its search cache (none: every search is ranked by the database). */
const caches = new WeakMap<Db, HouseholdSearchCache>();

/** Gives the process's database handle a search cache fed by the session cache's notices ('h:'). */
export function attachSearchCache(db: Db, notices: SessionCache): HouseholdSearchCache {
  const cache = new HouseholdSearchCache();
  notices.subscribe('h:', cache);
  caches.set(db, cache);
  return cache;
}

export function searchCacheOf(db: Db): HouseholdSearchCache | undefined {
  return caches.get(db);
}
