import { browser } from 'wxt/browser';
import { charterIsStale, chooseCharter } from '../charter/choose';
import { charterRecord } from '../charter/records';
import { reasonOf } from '../command-result';
import { storeIdOfTab } from '../cookie-jar';
import { consentCookieOf } from '../opendatasoft';
import { mergeInventory } from '../inventory';
import type { ReportResult } from '../messaging';
import { permissionFor } from '../portal-permission';
import { coverageOf, type Coverage } from '../portals';
import { readSiteCookies } from '../read-site-cookies';
import { buildReport } from '../report';
import { isOpendatasoftTab, probeTab } from '../tab-probe';
import { latestUndo } from '../undo-log';

/** The page a tab shows, and Témoin's coverage of its site when it has one. */
export async function coveredPage(tabId: number): Promise<{ url?: URL; coverage?: Coverage }> {
  const tab = await browser.tabs.get(tabId);
  // Without access to the tab's site (a host permission, or activeTab), the browser hides its URL.
  const url = tab.url && /^https?:/.test(tab.url) ? new URL(tab.url) : undefined;
  if (!url) return {};
  const coverage = await coverageOf(url.hostname);
  // A portal whose permission the visitor withdrew is not covered any more.
  if (coverage && !coverage.bundled && !(await browser.permissions.contains({ origins: [permissionFor(url.hostname)] }))) {
    return { url };
  }
  return { url, coverage };
}

export async function getReport(tabId: number): Promise<ReportResult> {
  // The page read takes longest and needs only the tab: it starts at once, as does the store lookup.
  const page = probeTab(tabId);
  const storeId = storeIdOfTab(tabId);
  storeId.catch(() => {}); // awaited below when the site is covered; its failure is reported there
  try {
    const { url, coverage } = await coveredPage(tabId);
    if (!url) return { state: 'not-covered', host: null };
    if (!coverage) {
      const portal = await isOpendatasoftTab(tabId, await page);
      return { state: 'not-covered', host: url.hostname, ...(portal && { portal: { permission: permissionFor(url.hostname) } }) };
    }
    // All at once: each is a round trip to the browser.
    const [cookies, probe, undo, record] = await Promise.all([
      storeId.then((id) => readSiteCookies(url, id)),
      page,
      latestUndo(coverage.site, 'reset'),
      charterRecord(coverage.site),
    ]);
    const { charter, status } = chooseCharter(coverage.site, coverage.bundled, record);
    const consentCookie = consentCookieOf(cookies, url);
    return {
      state: 'report',
      report: buildReport({
        charter,
        facts: mergeInventory(cookies, probe?.cookieNames ?? [], url),
        pageUrl: url,
        now: new Date(),
        ...(consentCookie && { consentCookie }),
        ...(probe && { storageKeys: { local: probe.localStorageKeys, session: probe.sessionStorageKeys } }),
      }),
      charterStatus: status,
      charterStale: charterIsStale(record, Date.now()),
      pageRead: probe !== undefined,
      ...(undo && { resetUndo: { id: undo.id, at: undo.at } }),
    };
  } catch (error) {
    return { state: 'error', message: reasonOf(error) };
  }
}
