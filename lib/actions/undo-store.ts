import { storage } from 'wxt/utils/storage';
import type { StoredCookie } from '../cookies/model';
import type { Scheme } from '../cookies/jar';

export interface UndoEntry {
  id: string;
  kind: 'reset' | 'clear';
  site: string;
  /** ISO 8601 */
  at: string;
  /** The tab to reload once a reset is undone. */
  tabId?: number;
  /** The one cookie store the action worked in: undo writes nowhere else. */
  storeId: string;
  /** The site's scheme: its cookies are removed and recreated through it. */
  scheme: Scheme;
  /** Every cookie the action removed, values and all, as they were just before. */
  cookies: StoredCookie[];
  /**
   * Written before anything is deleted and dropped once the action ends: every cookie the action
   * may remove (those asked for and those their removal touches), as they were. Left behind when
   * the background stopped mid-action; it is then compared with the jar (see undo-log.ts).
   */
  pending?: StoredCookie[];
  /** Keys (`cookieKey`) of the cookies asked for among `pending`. */
  asked?: string[];
  /** The action was cut short: `cookies` holds what it had actually removed. */
  interrupted?: boolean;
}

/**
 * What undo needs, written before anything is deleted. Kept in session storage: it holds cookie
 * values (session tokens among them), which have no business on disk; it ends when the browser
 * closes, and undo with it.
 */
export const UNDO_KEY = 'undo';
export const undoLog = storage.defineItem<UndoEntry[]>(`session:${UNDO_KEY}`, {
  fallback: [],
  version: 2,
  migrations: {
    2: (entries: Omit<UndoEntry, 'storeId' | 'scheme'>[]) =>
      entries.map((entry) => ({ ...entry, storeId: entry.cookies[0]?.storeId ?? '', scheme: 'https' })),
  },
});

/**
 * The same actions without any value, on disk: after the browser restarts, Témoin can say that
 * an action it no longer can undo took place, instead of saying nothing.
 */
export interface UndoRecord {
  id: string;
  kind: UndoEntry['kind'];
  site: string;
  at: string;
  storeId: string;
  count: number;
  /** Its undo gave its room up to more recent actions (the visitor is told so). */
  givenUp?: boolean;
}

export const undoRecords = storage.defineItem<UndoRecord[]>('local:undo-records', {
  fallback: [],
  version: 1,
});

/** How many actions can be undone, most recent first. */
export const UNDO_DEPTH = 10;
