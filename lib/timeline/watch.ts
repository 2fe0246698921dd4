import { storage } from 'wxt/utils/storage';
import type { StoredCookie } from '../cookies/model';
import { burst } from '../cookies/burst';
import { concernsSite } from '../cookies/scope';
import { reasonOf } from '../i18n/errors';
import { t } from '../i18n/messages';
import { SESSION_BUDGET } from '../storage-budget';
import { applyChange, emptyTimeline, withinBytes, type CookieChange, type Timeline } from '../cookies/timeline';

/**
 * Kept in session storage: the timeline is about this browser session (a cookie's dates are
 * not needed on disk), and survives the service worker being put to sleep.
 */
export const timelineItem = storage.defineItem<Timeline | null>('session:timeline', { fallback: null, version: 1 });

interface Io {
  load(): Promise<Timeline | null>;
  save(timeline: Timeline): Promise<void>;
  /** The registrable domains of the covered sites: only their cookies are noted. */
  domains(): Promise<string[]>;
  now(): number;
  /** Resolves when no command is changing cookies: a write waits for it (lib/actions/queue.ts). */
  idle?(): Promise<void>;
}

/**
 * The background's timeline, fed with every cookie change. Changes reported while the stored
 * timeline is being read are applied after it, in order; writes are grouped (a page load sets
 * many cookies at once).
 */
export function timelineWatch(io: Io, saveDelayMs = 250, maxBytes: number = SESSION_BUDGET.timeline) {
  let timeline: Timeline | undefined;
  let domains: string[] = [];
  const pending: CookieChange[] = [];
  const ignored = new Set<string>();

  const concerned = (cookie: Pick<StoredCookie, 'domain' | 'partitionKey' | 'storeId'>) =>
    domains.some((domain) => concernsSite(cookie, domain) && !ignored.has(JSON.stringify([cookie.storeId, domain])));

  // Bounded in bytes before each write; a write the browser refuses all the same is tried
  // again with half the room, and said (in French) if it fails again.
  async function write(): Promise<void> {
    try {
      await io.save(withinBytes(timeline!, maxBytes));
    } catch {
      try {
        await io.save(withinBytes(timeline!, maxBytes / 2));
      } catch (error) {
        console.warn(`[témoin] ${t('timeline.notSaved', reasonOf(error))}`);
      }
    }
  }
  const writes = burst(saveDelayMs, () => void write(), io.idle);
  const save = () => writes.add();

  function apply(change: CookieChange) {
    if (!concerned(change.cookie)) return;
    applyChange(timeline!, change);
    save();
  }

  const ready = Promise.all([io.load(), io.domains()]).then(([stored, covered]) => {
    domains = covered;
    timeline = stored ?? emptyTimeline(io.now());
    if (!stored) save();
    for (const change of pending.splice(0)) apply(change);
  });

  return {
    /** A change the browser reported. */
    changed(cookie: Omit<StoredCookie, 'value'>, removed: boolean, cause: string, own: boolean) {
      const change = { cookie, removed, cause, own, at: io.now() };
      if (timeline) apply(change);
      else pending.push(change);
    },

    /** The timeline as it is, once every change reported so far is in. */
    async current(): Promise<Timeline> {
      await ready;
      return timeline!;
    },

    /** The covered sites changed. */
    async refreshDomains(): Promise<void> {
      await ready;
      domains = await io.domains();
    },

    /**
     * Stops noting a site's changes in one store until the returned function is called: a
     * first-visit test sets cookies aside and puts them back; their history stays as it was.
     */
    ignore(domain: string, storeId: string): () => void {
      const id = JSON.stringify([storeId, domain]);
      ignored.add(id);
      return () => ignored.delete(id);
    },

    /** Writes what is pending now (tests, and before the worker may sleep). */
    async flush(): Promise<void> {
      await ready;
      writes.cancel();
      await write();
    },
  };
}

export type TimelineWatch = ReturnType<typeof timelineWatch>;
