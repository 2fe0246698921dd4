import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { chooseCharter } from '../charter/choose';
import { charterRecord } from '../charter/records';
import { clearNonEssential, previewClear } from '../actions/clear';
import { reasonOf } from '../french/errors';
import { cookieStoreIds, storeIdOfTab } from '../cookies/jar';
import { defaultStoreId } from '../cookies/stores';
import { coverageOf } from '../background/coverage';
import {
  autoClearSettings,
  GRACE_MS,
  graceForTests,
  JOURNAL_LENGTH,
  journalItem,
  type JournalEntry,
  type Trigger,
} from './settings';
import { firstVisitOver } from '../actions/first-visit-lock';
import { hasTab, tabMoved, type PortalTab, type PortalTabs } from './tabs';

/** Kept in session storage: the background may sleep between a tab's opening and its closing. */
const portalTabs = storage.defineItem<PortalTabs>('session:portal-tabs', { fallback: {}, version: 1 });

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
    const coverage = await coverageOf(site);
    if (!coverage) throw new Error(`Témoin ne couvre plus ${site}.`);
    const { charter, status } = chooseCharter(site, coverage.bundled, await charterRecord(site));
    if (status.used === 'none') throw new Error(`la charte n’a pas pu être lue (${status.why})\u00a0: rien n’a été supprimé`);
    const preview = await previewClear(charter, storeId);
    const ids = preview.toDelete.map((c) => c.id);
    if (ids.length) {
      const result = await clearNonEssential(charter, ids, storeId);
      entry.removed = result.done;
      entry.failed = result.failed;
      if (result.undoId) entry.undoId = result.undoId;
    }
  } catch (error) {
    entry.error = reasonOf(error);
  }
  // A portal with nothing to clear leaves no line in the journal.
  if (entry.removed.length || entry.failed.length || entry.error) {
    await journalItem.setValue([entry, ...(await journalItem.getValue())].slice(0, JOURNAL_LENGTH));
  }
  return entry;
}

async function portalOfTab(tabId: number, url: string | undefined): Promise<PortalTab | undefined> {
  const host = url && /^https?:/.test(url) ? new URL(url).hostname : undefined;
  const coverage = host ? await coverageOf(host) : undefined;
  if (!coverage) return undefined;
  return { site: coverage.site, storeId: (await storeIdOfTab(tabId).catch(() => undefined)) ?? defaultStoreId() };
}

let grace: Promise<number> | undefined;

/** Records where a tab is; when it was the portal's last tab in its store, clears after the grace delay. */
export async function tabChanged(tabId: number, url: string | undefined, closed = false): Promise<void> {
  const now = closed ? undefined : await portalOfTab(tabId, url);
  const { tabs, left } = tabMoved(await portalTabs.getValue(), tabId, now);
  await portalTabs.setValue(tabs);
  if (!left || !(await autoClearSettings.getValue())[left.site]?.onLastTabClosed) return;
  const delay = await (grace ??= graceForTests.getValue().then((ms) => ms ?? GRACE_MS));
  setTimeout(() => void clearIfStillLeft(left), delay);
}

async function clearIfStillLeft(portal: PortalTab): Promise<void> {
  if (hasTab(await portalTabs.getValue(), portal)) return; // the visitor came back
  if (!(await autoClearSettings.getValue())[portal.site]?.onLastTabClosed) return;
  await autoClear(portal.site, portal.storeId, 'last-tab-closed');
}

/** Where every open tab is, when the background starts: a tab opened while it slept is known too. */
export async function recordOpenTabs(): Promise<void> {
  const tabs: PortalTabs = {};
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    const portal = await portalOfTab(tab.id, tab.url);
    if (portal) tabs[tab.id] = portal;
  }
  await portalTabs.setValue(tabs);
}

/** At browser start: each portal so chosen is cleared in every store that has cookies. */
export async function clearAtStartup(): Promise<void> {
  const choices = await autoClearSettings.getValue();
  const sites = Object.entries(choices).filter(([, choice]) => choice.atStartup).map(([site]) => site);
  if (!sites.length) return;
  const stores = await cookieStoreIds();
  for (const site of sites) for (const storeId of stores) await autoClear(site, storeId, 'startup');
}
