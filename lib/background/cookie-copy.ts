import { bareDomain, cookieKey, type StoredCookie } from '../cookies/model';
import { cookiesOfDomain } from '../cookies/jar';

/** Reads every cookie of a domain and its subdomains in one store: `cookies.getAll({ domain })`. */
export type ReadDomain = (domain: string, storeId: string) => Promise<StoredCookie[]>;

interface Copy {
  storeId: string;
  domain: string;
  cookies: Map<string, StoredCookie>;
  /** Settled once the first read is in. */
  ready: Promise<void>;
  /** Changes reported while the first read is under way, applied after it. */
  pending?: { cookie: StoredCookie; removed: boolean }[];
}

/** Whether `cookies.getAll({ domain })` returns a cookie: its domain is that one or under it. */
function within(cookieDomain: string, domain: string): boolean {
  const bare = bareDomain(cookieDomain);
  return bare === domain || bare.endsWith(`.${domain}`);
}

/**
 * The background's copy of the cookies of the sites it reports on, kept current by
 * `cookies.onChanged`. Chrome answers `cookies.getAll({ domain })` by reading the browser's
 * whole jar, so each report would cost more with every site the visitor has been to; the copy
 * answers from memory. A domain is read once, the first time it is asked for. The changes
 * reported while that read is under way are applied after it, in order: each carries the
 * cookie's whole state, so one the read already saw changes nothing.
 *
 * Only what Témoin shows reads the copy (the popup's report, the badge); what it deletes or
 * restores is always read from the browser itself, and the copy is read again after it.
 */
export function cookieCopy(read: ReadDomain) {
  const copies = new Map<string, Copy>();

  function apply(copy: Copy, cookie: StoredCookie, removed: boolean) {
    const key = cookieKey(cookie);
    if (removed) copy.cookies.delete(key);
    else copy.cookies.set(key, cookie);
  }

  return {
    /** What `cookies.getAll({ domain, storeId })` would return now. */
    async cookiesOf(domain: string, storeId: string, nowMs = Date.now()): Promise<StoredCookie[]> {
      const id = JSON.stringify([storeId, domain]);
      let copy = copies.get(id);
      if (!copy) {
        const fresh: Copy = { storeId, domain, cookies: new Map(), pending: [], ready: Promise.resolve() };
        fresh.ready = read(domain, storeId).then(
          (cookies) => {
            for (const cookie of cookies) apply(fresh, cookie, false);
            for (const change of fresh.pending!) apply(fresh, change.cookie, change.removed);
            delete fresh.pending;
          },
          (error: unknown) => {
            copies.delete(id); // asked again, it is read again
            throw error;
          },
        );
        copies.set(id, (copy = fresh));
      }
      await copy.ready;
      // The browser drops an expired cookie when it next looks; it may not have said so yet.
      const now = nowMs / 1000;
      return [...copy.cookies.values()].filter((c) => c.session || c.expirationDate === undefined || c.expirationDate > now);
    },

    /**
     * Drops every copy, to be read again when next asked for. After Témoin's own changes: the
     * browser may confirm them before it reports them, and the popup asks again at once.
     */
    forget() {
      copies.clear();
    },

    /** A change the browser reported (`cookies.onChanged`). */
    changed(cookie: StoredCookie, removed: boolean) {
      for (const copy of copies.values()) {
        if (copy.storeId !== cookie.storeId || !within(cookie.domain, copy.domain)) continue;
        if (copy.pending) copy.pending.push({ cookie, removed });
        else apply(copy, cookie, removed);
      }
    },
  };
}

/** The background's copy, fed by its `cookies.onChanged` listener. */
export const siteCookies = cookieCopy(cookiesOfDomain);
