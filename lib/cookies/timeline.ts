/**
 * When each cookie of a covered portal appeared and last changed, as `cookies.onChanged` told
 * the background. Names, places, times and who made the change; never a value.
 */
import { cookieKey, type StoredCookie } from './model';
import { jsonBytes } from '../storage-budget';

/** Who made the last change Témoin saw: the site (its server or scripts), or Témoin itself (undo, restore). */
export type Changer = 'site' | 'temoin';

export interface TimelineEntry {
  name: string;
  domain: string;
  path: string;
  storeId: string;
  partition?: string;
  /** When this cookie, as it is now, was first set (ms since 1970). */
  firstSetAt: number;
  /** When it was last set or rewritten (ms). */
  lastChangedAt: number;
  setBy: Changer;
  /** When it was removed, if it is gone: kept so that Témoin's own restore brings its history back. */
  removedAt?: number;
}

export interface Timeline {
  /** When the watch began (ms): the timeline knows nothing of what was set earlier. */
  watchStartedAt: number;
  /** By `cookieKey`. */
  entries: Record<string, TimelineEntry>;
}

export interface CookieChange {
  cookie: Omit<StoredCookie, 'value'>;
  removed: boolean;
  /** The browser's `OnChangedCause`: 'explicit', 'overwrite', 'expired', 'evicted', 'expired_overwrite'. */
  cause: string;
  /** Témoin made this change itself (undo, a first-visit test putting the visitor's cookies back). */
  own: boolean;
  at: number;
}

/** How many cookies a timeline remembers; past it, the gone and the oldest are forgotten first. */
export const MAX_ENTRIES = 2000;

export function emptyTimeline(now: number): Timeline {
  return { watchStartedAt: now, entries: {} };
}

/**
 * Applies one change to the timeline, in place (it is called for every cookie change of the
 * covered sites, up to thousands per page load on a busy portal).
 * - A removal that only makes way for a new value (`overwrite`) is not a removal.
 * - A site rewriting a cookie changes `lastChangedAt`; setting it again after it was removed
 *   starts a new history.
 * - Témoin putting a cookie back (undo) restores its history instead: the portal did not set it.
 */
export function applyChange(timeline: Timeline, change: CookieChange, max = MAX_ENTRIES): Timeline {
  const key = cookieKey(change.cookie);
  const entry = timeline.entries[key];
  if (change.removed) {
    if (change.cause === 'overwrite') return timeline;
    if (entry) entry.removedAt = change.at;
    return timeline;
  }
  if (entry && change.own) {
    delete entry.removedAt;
    return timeline;
  }
  if (entry && entry.removedAt === undefined) {
    entry.lastChangedAt = change.at;
    entry.setBy = 'site';
    return timeline;
  }
  const { name, domain, path, storeId, partitionKey } = change.cookie;
  timeline.entries[key] = {
    name,
    domain,
    path,
    storeId,
    ...(partitionKey?.topLevelSite && { partition: partitionKey.topLevelSite }),
    firstSetAt: change.at,
    lastChangedAt: change.at,
    setBy: change.own ? 'temoin' : 'site',
  };
  if (Object.keys(timeline.entries).length > max) prune(timeline, Math.floor(max * 0.9));
  return timeline;
}

/** The entries, those worth keeping first: the cookies still present, most recently changed first. */
function ranked(timeline: Timeline): [string, TimelineEntry][] {
  return Object.entries(timeline.entries).sort(
    ([, a], [, b]) => Number(a.removedAt !== undefined) - Number(b.removedAt !== undefined) || b.lastChangedAt - a.lastChangedAt,
  );
}

/** Keeps `keep` entries: the cookies still present, most recently changed first. */
function prune(timeline: Timeline, keep: number): void {
  timeline.entries = Object.fromEntries(ranked(timeline).slice(0, keep));
}

/**
 * Keeps the timeline within `maxBytes` as JSON, in place: a page can set cookies with names and
 * paths of thousands of characters, and the timeline shares the browser's session storage with
 * undo (lib/storage-budget.ts). Past the room, the gone and the oldest are forgotten first,
 * down to nine tenths of it, so that the next changes do not prune again at once.
 */
export function withinBytes(timeline: Timeline, maxBytes: number): Timeline {
  if (jsonBytes(timeline) <= maxBytes) return timeline;
  let used = jsonBytes(emptyTimeline(timeline.watchStartedAt));
  const kept: [string, TimelineEntry][] = [];
  for (const [key, entry] of ranked(timeline)) {
    used += jsonBytes(key) + jsonBytes(entry) + 2;
    if (used > maxBytes * 0.9) break;
    kept.push([key, entry]);
  }
  timeline.entries = Object.fromEntries(kept);
  return timeline;
}

/** What the timeline says of one cookie as it is now. */
export type CookieTimeline =
  | { known: true; firstSetAt: number; lastChangedAt: number; setBy: Changer }
  /** Present before the watch began (or forgotten): `since` is when the watch began. */
  | { known: false; since: number };

export function timelineOf(timeline: Timeline, cookie: Omit<StoredCookie, 'value'>): CookieTimeline {
  const entry = timeline.entries[cookieKey(cookie)];
  if (!entry || entry.removedAt !== undefined) return { known: false, since: timeline.watchStartedAt };
  return { known: true, firstSetAt: entry.firstSetAt, lastChangedAt: entry.lastChangedAt, setBy: entry.setBy };
}

/** The entry of a cookie, gone or not. */
export function entryOf(timeline: Timeline, cookie: Omit<StoredCookie, 'value'>): TimelineEntry | undefined {
  return timeline.entries[cookieKey(cookie)];
}
