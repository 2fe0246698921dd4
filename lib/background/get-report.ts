import { browser } from 'wxt/browser';
import { storeIdOfTab } from '../cookie-jar';
import { mergeInventory } from '../inventory';
import type { ReportResult } from '../messaging';
import { readSiteCookies } from '../read-site-cookies';
import { buildReport } from '../report';
import { charterForHost } from '../sites';
import { probeTab } from '../tab-probe';
import { latestUndo } from '../undo-log';
import { reasonOf } from '../command-result';

/** The page a tab shows, when Témoin covers its site. */
export async function coveredPage(tabId: number) {
  const tab = await browser.tabs.get(tabId);
  // Without host permission for the tab's site, the browser does not tell its URL.
  const url = tab.url && /^https?:/.test(tab.url) ? new URL(tab.url) : undefined;
  const charter = url && charterForHost(url.hostname);
  return { url, charter, storeId: url && charter ? await storeIdOfTab(tabId) : undefined };
}

export async function getReport(tabId: number): Promise<ReportResult> {
  try {
    const { url, charter, storeId } = await coveredPage(tabId);
    if (!url || !charter) return { state: 'not-covered', host: url?.hostname ?? null };
    const [cookies, page, undo] = await Promise.all([
      readSiteCookies(url, storeId),
      probeTab(tabId),
      latestUndo(charter.site, 'reset'),
    ]);
    return {
      state: 'report',
      report: buildReport(charter, mergeInventory(cookies, page?.cookieNames ?? [], url), url, new Date()),
      pageRead: page !== undefined,
      ...(undo && { resetUndo: { id: undo.id, at: undo.at } }),
    };
  } catch (error) {
    return { state: 'error', message: reasonOf(error) };
  }
}
