import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { clearNonEssential, previewClear } from '../actions/clear';
import { reasonOf, written } from '../i18n/errors';
import { saidOf } from '../i18n/said';
import { t } from '../i18n/messages';
import { bytesOf, headWithin, SESSION_BUDGET } from '../storage-budget';
import type { CookieRef } from '../actions/result';
import { cookieStoreIds } from '../cookies/jar';
import { defaultStoreId } from '../cookies/stores';
import { charterFor } from '../portals/charter';
import { portalOfTab } from '../portals/tab';
import {
  autoClearSettings,
  GRACE_MS,
  graceForTests,
  JOURNAL_KEY,
  JOURNAL_LENGTH,
  journalItem,
  type JournalEntry,
  type Trigger,
} from './settings';
import { firstVisitOver } from '../actions/first-visit-lock';
import type { PortalTabs } from './tabs';
import { lastTabWatch, type Due } from './last-tab';


/**
 * Clears a portal's non-essential cookies in one store by the plan of « Supprimer les cookies
 * non essentiels », exactly what its preview ticks by default: necessary cookies, cookies the
 * charter does not classify, platform cookies and the keep list stay. Without a charter read,
 * nothing is cleared. Each clearing is written in the journal, with its undo.
 */
export async function autoClear(site: string, storeId: string, trigger: Trigger): Promise<JournalEntry> {
  // A first-visit test holds the portal's cookies: the visitor's are cleared once they are back.
  await firstVisitOver(site, storeId);
  const entry: JournalEntry = { id: crypto.randomUUID(), at: new Date().toISOString(), site, storeId, trigger, removed: [], failed: [] };
  try {
    const charter = await charterFor(site);
    const preview = await previewClear(charter, storeId);
    const ids = preview.toDelete.map((c) => c.id);
    if (ids.length) {
      const result = await clearNonEssential(charter, ids, storeId);
      entry.removed = result.done;
      entry.failed = result.failed;
      if (result.undoId) entry.undoId = result.undoId;
    }
  } catch (error) {
    entry.error = saidOf(error);
  }
  // A portal with nothing to clear leaves no line in the journal.
  if (entry.removed.length || entry.failed.length || entry.error) {
    const journal = headWithin(JOURNAL_KEY, [fitted(entry), ...(await journalItem.getValue())].slice(0, JOURNAL_LENGTH), SESSION_BUDGET.journal);
    // Nobody waits for an automatic clearing: a journal the browser cannot write is said in the console.
    await written(journalItem.setValue(journal), t('error.what.journal')).catch((error) => console.warn(`[témoin] ${reasonOf(error)}`));
  }
  return entry;
}

/**
 * An entry that fits the journal's room on its own: past it, names of thousands of characters
 * (a page may set such) are shortened, and the shortening is shown.
 */
function fitted(entry: JournalEntry): JournalEntry {
  if (bytesOf(JOURNAL_KEY, [entry]) <= SESSION_BUDGET.journal) return entry;
  const short = (c: CookieRef): CookieRef => ({ ...c, name: c.name.length > 64 ? `${c.name.slice(0, 64)}…` : c.name, path: c.path.length > 64 ? `${c.path.slice(0, 64)}…` : c.path });
  return { ...entry, removed: entry.removed.map(short), failed: entry.failed.map((f) => ({ ...f, cookie: short(f.cookie) })) };
}

/** Which portal each tab shows; read only to know which portal a closed tab left (./last-tab.ts). */
const portalTabs = storage.defineItem<PortalTabs>('session:portal-tabs', { fallback: {}, version: 1 });
/** Clearings due once the grace delay ends: kept while the worker sleeps. */
const dueClearings = storage.defineItem<Record<string, Due>>('session:auto-clear-due', { fallback: {}, version: 1 });

/** Firefox says a tab's store; Chromium lists each store's tabs. */
function storeOf(tab: Browser.tabs.Tab, stores: Browser.cookies.CookieStore[]): string {
  const { cookieStoreId } = tab as { cookieStoreId?: string };
  return cookieStoreId ?? stores.find((store) => store.tabIds.includes(tab.id!))?.id ?? defaultStoreId();
}

const watch = lastTabWatch({
  async openTabs() {
    const [tabs, stores] = await Promise.all([browser.tabs.query({}), browser.cookies.getAllCookieStores()]);
    return tabs.flatMap((tab) => {
      if (tab.id === undefined) return [];
      // A tab still loading the portal shows it already (Chromium's `pendingUrl`).
      const { pendingUrl } = tab as { pendingUrl?: string };
      const urls = [tab.url, pendingUrl].filter((url): url is string => !!url);
      return [{ id: tab.id, urls, storeId: storeOf(tab, stores) }];
    });
  },
  portalOf: async (url) => (await portalOfTab({ url })).coverage?.site,
  async storeOf(tabId) {
    const [tab, stores] = await Promise.all([browser.tabs.get(tabId), browser.cookies.getAllCookieStores()]);
    return storeOf(tab, stores);
  },
  chosen: async (site) => (await autoClearSettings.getValue())[site]?.onLastTabClosed === true,
  clear: (portal) => autoClear(portal.site, portal.storeId, 'last-tab-closed'),
  // Read at each leave, not once per background: a test sets it after the background started.
  grace: async () => (await graceForTests.getValue()) ?? GRACE_MS,
  now: () => Date.now(),
  later: (run, ms) => void setTimeout(run, ms),
  tabs: portalTabs,
  due: dueClearings,
});

/** A tab loaded an address, or closed: when it left a portal, that portal's clearing falls due. */
export function tabChanged(tabId: number, url: string | undefined, closed = false): Promise<void> {
  return watch.changed(tabId, url, closed);
}

/**
 * When the background starts: the tabs open are recorded (a tab opened while it slept is known
 * too), a recorded tab that is gone counts as closed, and clearings due are taken up.
 */
export function recordOpenTabs(): Promise<void> {
  return watch.start();
}

/** At browser start: each portal so chosen is cleared in every store that has cookies. */
export async function clearAtStartup(): Promise<void> {
  const choices = await autoClearSettings.getValue();
  const sites = Object.entries(choices).filter(([, choice]) => choice.atStartup).map(([site]) => site);
  if (!sites.length) return;
  const stores = await cookieStoreIds();
  for (const site of sites) for (const storeId of stores) await autoClear(site, storeId, 'startup');
}
