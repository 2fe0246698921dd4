/**
 * Room in the browser's storage, in bytes. Chrome gives `storage.session` 10 MB
 * (`QUOTA_BYTES`) for every session item together, and counts each item as its key plus its
 * value in JSON. A page can set cookies without end (each one a timeline entry, a line of a
 * report, an undo entry's copy): every item Témoin keeps there has a share of that room, the
 * shares add up to less than the quota, and the largest share goes to undo, which must always
 * find room for the action the visitor just asked for.
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-session
 */

/** `chrome.storage.session.QUOTA_BYTES`. */
export const SESSION_QUOTA_BYTES = 10 * 1024 * 1024;

const MB = 1024 * 1024;

/** Each session item's share, in bytes. */
export const SESSION_BUDGET = {
  /** The undo log (lib/actions/undo-store.ts): cookie values, to put back exactly. */
  undo: 5 * MB,
  /** The cookies set aside by a first-visit test (lib/first-visit/): the visitor's own. */
  firstVisit: 2 * MB,
  /** When each cookie appeared (lib/timeline/). */
  timeline: 1.5 * MB,
  /** The first-visit reports. */
  firstVisitReports: 512 * 1024,
  /** « Historique des nettoyages » (lib/auto-clear/settings.ts). */
  journal: 512 * 1024,
  /** Which portal each tab shows and the clearings due (lib/auto-clear/). */
  autoClearTabs: 128 * 1024,
} as const;

const encoder = new TextEncoder();

/** What the browser counts for one item: its key and its value as JSON, in UTF-8. */
export function bytesOf(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;
}

/** Bytes of one value as JSON, in UTF-8. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * The longest head of `items` (most recent first) that fits in `maxBytes` once stored as one
 * JSON array under `key`. An item that does not fit stops the list: what follows is older.
 */
export function headWithin<T>(key: string, items: T[], maxBytes: number): T[] {
  let used = bytesOf(key, []);
  const kept: T[] = [];
  for (const item of items) {
    used += jsonBytes(item) + 1; // and its comma
    if (used > maxBytes) break;
    kept.push(item);
  }
  return kept;
}
