import type { CharterChanges } from './diff';
import type { Charter } from './model';
import { said, type Words } from '../i18n/said';

/** What Témoin remembers of a site's published charter. */
export interface CharterRecord {
  /** The last charter read and understood (at least one cookie declared). */
  live?: Charter;
  /** What the reading could not understand: sentences kept as data, or words an earlier version kept. */
  warnings: Words[];
  /** What changed compared with the previous reading, or with the bundled copy at the first one. */
  changes?: CharterChanges & { since: 'bundled' | 'previous'; at: string };
  /**
   * Set when the latest reading failed; cleared by the next success. Its reason is a sentence
   * kept as data, or, kept by an earlier version, words shown as they are.
   */
  failure?: { at: string; reason: Words; url?: string; /** Failures in a row. */ count?: number };
  /** When a reading started that has not ended yet (or never will: the popup was closed). */
  attempt?: string;
}

export type CharterStatus =
  | { used: 'live'; warnings: Words[]; changes?: CharterRecord['changes']; /** The latest reading failed: why. */ failed?: Words }
  | { used: 'bundled'; why?: Words }
  | { used: 'none'; why: Words };

/** Read the published charter again after this long. */
export const CHARTER_MAX_AGE_MS = 24 * 3600 * 1000;
/** After a failure, try again after this long; twice as long after each further failure, up to a day. */
export const CHARTER_RETRY_MS = 3600 * 1000;

/** How long to wait after `failures` failed readings in a row. */
export function retryDelay(failures: number): number {
  return Math.min(CHARTER_RETRY_MS * 2 ** Math.max(0, Math.min(failures, 32) - 1), CHARTER_MAX_AGE_MS);
}

/**
 * Which charter to match against. The latest reading wins: when it succeeded, the live charter;
 * when it failed, the bundled copy (the page may have been withdrawn or broken), else the last
 * live reading, else an empty charter. The status says which, and why.
 */
export function chooseCharter(
  site: string,
  bundled: Charter | undefined,
  record: CharterRecord | undefined,
): { charter: Charter; status: CharterStatus } {
  const why = record?.failure?.reason;
  const live = record?.live;
  if (live && !why) return { charter: live, status: { used: 'live', warnings: record.warnings, changes: record.changes } };
  if (bundled) return { charter: bundled, status: { used: 'bundled', ...(why && { why }) } };
  if (live) return { charter: live, status: { used: 'live', warnings: record.warnings, changes: record.changes, failed: why } };
  const empty: Charter = { site, url: '', source: 'live', fetchedAt: new Date(0).toISOString(), entries: [] };
  return { charter: empty, status: { used: 'none', why: why ?? said('error.charter.notYetRead') } };
}

/** Should the published charter be read (again) now? */
export function charterIsStale(record: CharterRecord | undefined, now: number): boolean {
  const failures = record?.failure ? (record.failure.count ?? 1) : 0;
  if (record?.failure && now - Date.parse(record.failure.at) < retryDelay(failures)) return false;
  // A reading that never ended (a page that hung, a popup closed mid-way) counts as one more failure.
  if (record?.attempt && now - Date.parse(record.attempt) < retryDelay(failures + 1)) return false;
  if (!record?.live) return true;
  return now - Date.parse(record.live.fetchedAt) > CHARTER_MAX_AGE_MS;
}
