/**
 * Automatic clearing, per portal, off by default: when the portal's last tab closes (after a
 * grace delay, so that a reload or a quick return does not clear) and/or when the browser starts.
 */
import { storage } from 'wxt/utils/storage';
import type { CookieRef } from '../actions/result';
import { t } from '../i18n/messages';
import type { Words } from '../i18n/said';

export interface AutoClearChoice {
  onLastTabClosed: boolean;
  atStartup: boolean;
}

export const OFF: AutoClearChoice = { onLastTabClosed: false, atStartup: false };

/** By site host. A site that is not listed is not cleared automatically. */
export const autoClearSettings = storage.defineItem<Record<string, AutoClearChoice>>('local:auto-clear', {
  fallback: {},
  version: 1,
});

/** How long the portal must stay without a tab before it is cleared. */
export const GRACE_MS = 10_000;

/** A shorter grace delay, for the end-to-end tests only; nothing in the extension sets it. */
export const graceForTests = storage.defineItem<number | null>('local:auto-clear-grace-ms-for-tests', { fallback: null });

export type Trigger = 'last-tab-closed' | 'startup';

/** One automatic clearing, as « Historique des nettoyages » lists it. Names only, never values. */
export interface JournalEntry {
  id: string;
  /** ISO 8601 */
  at: string;
  site: string;
  storeId: string;
  trigger: Trigger;
  removed: CookieRef[];
  failed: { cookie: CookieRef; reason: string }[];
  /**
   * Why nothing was cleared, when nothing could be: a sentence kept as data (lib/i18n/said.ts),
   * said in the language chosen when the journal is read, or words an earlier version kept.
   */
  error?: Words;
  /** The undo log's entry (lib/actions/undo-log.ts): undo lasts as long as the browser session. */
  undoId?: string;
}

/** In session storage, as the undo it offers. */
export const JOURNAL_KEY = 'auto-clear-journal';
export const journalItem = storage.defineItem<JournalEntry[]>(`session:${JOURNAL_KEY}`, { fallback: [], version: 1 });
export const JOURNAL_LENGTH = 50;

/** What started an automatic clearing, as the journal says it (read when said: the language is loaded by then). */
export function triggerLabel(trigger: Trigger): string {
  return trigger === 'startup' ? t('autoClear.trigger.startup') : t('autoClear.trigger.lastTab');
}
