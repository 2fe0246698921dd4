import { browser } from 'wxt/browser';
import type { Charter } from '../charter/model';
import { clearNonEssential, previewClear } from '../clear-non-essential';
import type { ClearState } from '../messaging';
import { resetPreferences } from '../reset-preferences';
import { charterForHost } from '../sites';
import { undo } from '../undo';
import { latestUndo } from '../undo-log';
import { coveredPage, getReport } from './get-report';

function covered(site: string): Charter {
  const charter = charterForHost(site);
  if (!charter) throw new Error(`Témoin ne couvre pas ${site}.`);
  return charter;
}

/** What the extension's pages may ask of the background, by message name. */
export const handlers = {
  getReport,

  async resetPreferences(tabId: number) {
    const { url, charter, storeId } = await coveredPage(tabId);
    if (!url || !charter) throw new Error('Témoin ne couvre pas le site de cet onglet.');
    const result = await resetPreferences(url, storeId, tabId);
    // Reloaded, the portal finds no choice and shows its banner again.
    if (result.done.length) await browser.tabs.reload(tabId);
    return result;
  },

  async getClearState(site: string): Promise<ClearState> {
    const charter = covered(site);
    const [preview, last] = await Promise.all([previewClear(charter), latestUndo(charter.site, 'clear')]);
    return { preview, ...(last && { lastClear: { id: last.id, at: last.at, count: last.cookies.length } }) };
  },

  clearNonEssential({ site, ids }: { site: string; ids: string[] }) {
    return clearNonEssential(covered(site), ids);
  },

  async undo(undoId: string) {
    const { entry, ...result } = await undo(undoId);
    if (entry.kind === 'reset' && entry.tabId !== undefined && result.done.length) {
      await browser.tabs.reload(entry.tabId).catch(() => {}); // the tab may be gone; the cookies are back
    }
    return result;
  },
};
