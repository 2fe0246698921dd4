import { browser } from 'wxt/browser';
import { chooseCharter } from '../charter/choose';
import { cookieKey } from '../cookie';
import { storeIdOfTab } from '../cookie-jar';
import { readSiteCookies } from '../read-site-cookies';
import type { Charter } from '../charter/model';
import { charterRecord } from '../charter/records';
import { clearNonEssential, previewClear } from '../clear-non-essential';
import type { ClearState } from '../messaging';
import { coverageOf, portals } from '../portals';
import { resetPreferences } from '../reset-preferences';
import { undo } from '../undo';
import { latestUndo } from '../undo-log';
import { fetchCharterPage, recordCharterReading } from './charter-reading';
import { siteCookies } from './cookie-copy';
import { coveredPage, getReport } from './get-report';
import { addPortal, removePortal } from './manage-portals';

/**
 * The charter clearing works from. Without one (a portal whose charter was never read), nothing
 * is cleared: every cookie would look non-essential, `sessionid` included.
 */
async function charterForClearing(site: string): Promise<Charter> {
  const coverage = await coverageOf(site);
  if (!coverage) throw new Error(`Témoin ne couvre pas ${site}.`);
  const { charter, status } = chooseCharter(site, coverage.bundled, await charterRecord(site));
  if (status.used === 'none') {
    throw new Error(`La charte de ${site} n’a pas pu être lue (${status.why})\u00a0: Témoin ne supprime rien sans elle.`);
  }
  return charter;
}

/** Témoin's own change to the jar; its copy in the background is read again after it. */
async function changingCookies<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    siteCookies.forget();
  }
}

/** What the extension's pages may ask of the background, by message name. */
export const handlers = {
  getReport,
  fetchCharterPage,
  recordCharterReading,
  addPortal,
  removePortal,

  getPortals: () => portals.getValue(),

  async getCookieValues(tabId: number) {
    const { url, coverage } = await coveredPage(tabId);
    if (!url || !coverage) throw new Error('Témoin ne couvre pas le site de cet onglet.');
    const cookies = await readSiteCookies(url, await storeIdOfTab(tabId));
    return Object.fromEntries(cookies.map((c) => [cookieKey(c), c.value]));
  },

  async resetPreferences(tabId: number) {
    const { url, coverage } = await coveredPage(tabId);
    if (!url || !coverage) throw new Error('Témoin ne couvre pas le site de cet onglet.');
    const result = await changingCookies(resetPreferences(url, await storeIdOfTab(tabId), tabId));
    // Reloaded, the portal finds no choice and shows its banner again.
    if (result.done.length) await browser.tabs.reload(tabId);
    return result;
  },

  async getClearState(site: string): Promise<ClearState> {
    const charter = await charterForClearing(site);
    const [preview, last] = await Promise.all([previewClear(charter), latestUndo(site, 'clear')]);
    return { preview, ...(last && { lastClear: { id: last.id, at: last.at, count: last.cookies.length } }) };
  },

  async clearNonEssential({ site, ids }: { site: string; ids: string[] }) {
    return changingCookies(clearNonEssential(await charterForClearing(site), ids));
  },

  async undo(undoId: string) {
    const { entry, ...result } = await changingCookies(undo(undoId));
    if (entry.kind === 'reset' && entry.tabId !== undefined && result.done.length) {
      await browser.tabs.reload(entry.tabId).catch(() => {}); // the tab may be gone; the cookies are back
    }
    return result;
  },
};
