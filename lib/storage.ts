import { storage } from 'wxt/utils/storage';
import type { StoredCookie } from './cookie';

export interface Settings {
  /** Cookie names clearing never touches, whatever the charter says. */
  keepNames: string[];
}

export const settings = storage.defineItem<Settings>('local:settings', {
  fallback: { keepNames: [] },
  version: 1,
});

export interface UndoEntry {
  id: string;
  kind: 'reset' | 'clear';
  site: string;
  /** ISO 8601 */
  at: string;
  /** The tab to reload once a reset is undone. */
  tabId?: number;
  /** Every cookie the action removed, values and all, as they were just before. */
  cookies: StoredCookie[];
}

/**
 * What undo needs, written before anything is deleted. Kept in session storage: it holds cookie
 * values (session tokens among them), which have no business on disk, and undo after a browser
 * restart would restore cookies that have ended anyway.
 */
export const undoLog = storage.defineItem<UndoEntry[]>('session:undo', {
  fallback: [],
  version: 1,
});

/** How many actions can be undone, most recent first. */
export const UNDO_DEPTH = 10;
