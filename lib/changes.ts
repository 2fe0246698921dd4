import { storage } from 'wxt/utils/storage';
import type { StoredCookie } from './cookies/model';

/**
 * What the background tells the extension's pages, the one way they learn that cookies changed:
 * written by the background only (lib/background/change-signal.ts), once per burst of the
 * browser's cookie changes and once after each change Témoin makes itself, and watched by the
 * pages (lib/ui/changes.ts). A page asks again what it shows, by message, when one concerns it.
 */
export interface Changes {
  /** New at each signal: the pages hear of a burst that changes the same cookies again. */
  id: string;
  /** The cookies that changed, by domain and partition; `null`: Témoin changed cookies itself, any site may be concerned. */
  cookies: Pick<StoredCookie, 'domain' | 'partitionKey'>[] | null;
  /** After a command a page sent: that page reads again with the command's answer, the others now. */
  command: boolean;
}

export const changesItem = storage.defineItem<Changes | null>('session:changes', { fallback: null });
