import { browser, type Browser } from 'wxt/browser';
import { charterIsStale, chooseCharter } from '../charter/choose';
import { charterRecord } from '../charter/records';
import { reasonOf } from '../french/errors';
import { storeIdOfTab } from '../cookies/jar';
import { consentCookieOf } from '../page/opendatasoft';
import { mergeInventory } from '../cookies/inventory';
import type { ReportRequest, ReportResult } from '../protocol';
import { permissionFor } from './permission';
import { coverageOf, type Coverage } from './coverage';
import { siteCookies } from './cookie-copy';
import { cookieTimeline } from './timeline';
import { readSiteCookies } from '../cookies/read-site';
import { buildReport } from '../audit/report';
import { isOpendatasoftTab, probeTab } from '../page/inject';
import { latestUndo, lostUndo } from '../actions/undo-log';
import { charterReadingUnderWay, readCharter } from './charter-reading';

/** The page a tab shows, and Témoin's coverage of its site when it has one. */
export async function coveredPage(tabId: number): Promise<{ url?: URL; coverage?: Coverage }> {
  return coverageOfTab(await browser.tabs.get(tabId));
}

async function coverageOfTab(tab: Browser.tabs.Tab): Promise<{ url?: URL; coverage?: Coverage }> {
  // Without access to the tab's site (a host permission, or activeTab), the browser hides its URL.
  const url = tab.url && /^https?:/.test(tab.url) ? new URL(tab.url) : undefined;
  if (!url) return {};
  const coverage = await coverageOf(url.hostname);
  return coverage ? { url, coverage } : { url };
}

/** The popup opened from the toolbar reports on the active tab of the window it belongs to. */
async function tabOf(asked: number | 'active'): Promise<Browser.tabs.Tab | undefined> {
  if (asked !== 'active') return browser.tabs.get(asked);
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active;
}

export async function getReport({ tab: asked, readCharter: when }: ReportRequest): Promise<ReportResult> {
  try {
    const tab = await tabOf(asked);
    if (tab?.id === undefined) return { state: 'error', message: 'Aucun onglet à examiner.' };
    const tabId = tab.id;
    // The page read takes longest and needs only the tab: it starts at once, as does the store lookup.
    const page = probeTab(tabId);
    const storeId = storeIdOfTab(tabId);
    storeId.catch(() => {}); // awaited below when the site is covered; its failure is reported there
    const { url, coverage } = await coverageOfTab(tab);
    if (!url) return { tabId, state: 'not-covered', host: null };
    if (!coverage) {
      const portal = await isOpendatasoftTab(tabId, await page);
      return {
        tabId,
        state: 'not-covered',
        host: url.hostname,
        ...(portal && { portal: { permission: permissionFor(url.hostname) } }),
      };
    }
    // Asked for, the charter is read and kept first, so that the report matches against it.
    let charterError: string | undefined;
    if (when) {
      try {
        await readCharter(tabId, coverage, when);
      } catch (error) {
        charterError = `La lecture de la charte a échoué\u00a0: ${reasonOf(error)}`;
      }
    }
    // Looked at before the record is read: should a reading end in between, the popup still asks again.
    const underWay = charterReadingUnderWay(coverage.site);
    // All at once: each is a round trip to the browser.
    const [cookies, probe, undo, gone, record, timeline] = await Promise.all([
      storeId.then((id) => readSiteCookies(url, id, siteCookies.cookiesOf)),
      page,
      storeId.then((id) => latestUndo(coverage.site, 'reset', id)),
      storeId.then((id) => lostUndo(coverage.site, 'reset', id)),
      charterRecord(coverage.site),
      cookieTimeline().current(),
    ]);
    const { charter, status } = chooseCharter(coverage.site, coverage.bundled, record);
    const consentCookie = consentCookieOf(cookies, url);
    return {
      tabId,
      state: 'report',
      report: buildReport({
        charter,
        facts: mergeInventory(cookies, probe?.cookieNames ?? [], url),
        pageUrl: url,
        now: new Date(),
        timeline,
        ...(consentCookie && { consentCookie }),
        ...(probe && {
          storageKeys: {
            local: probe.localStorageKeys,
            session: probe.sessionStorageKeys,
            localCount: probe.localStorageCount,
            sessionCount: probe.sessionStorageCount,
          },
        }),
      }),
      charterStatus: status,
      charterStale: underWay || charterIsStale(record, Date.now()),
      ...(charterError && { charterError }),
      pageRead: probe !== undefined,
      ...(undo && { resetUndo: { id: undo.id, at: undo.at } }),
      ...(gone && { resetUndoGone: { at: gone.at, ...(gone.givenUp && { givenUp: true }) } }),
    };
  } catch (error) {
    return { state: 'error', message: reasonOf(error) };
  }
}
