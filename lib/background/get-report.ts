import { browser, type Browser } from 'wxt/browser';
import { charterIsStale } from '../charter/choose';
import { reasonOf } from '../i18n/errors';
import { storeIdOfTab } from '../cookies/jar';
import { jarOf } from '../audit/assess';
import type { ReportRequest, ReportResult } from '../protocol';
import { permissionFor } from '../portals/permission';
import { portalOfTab } from '../portals/tab';
import { chosenCharter } from '../portals/charter';
import { siteCookies } from './cookie-copy';
import { cookieTimeline } from '../timeline/cookie-timeline';
import { readSiteCookies } from '../cookies/read-site';
import { buildReport } from '../audit/report';
import { isOpendatasoftTab, probeTab } from '../page/inject';
import { latestUndo, lostUndo } from '../actions/undo-log';
import { charterReadingUnderWay, readCharter } from './charter-reading';
import { t } from '../i18n/messages';

/** The popup opened from the toolbar reports on the active tab of the window it belongs to. */
async function tabOf(asked: number | 'active'): Promise<Browser.tabs.Tab | undefined> {
  if (asked !== 'active') return browser.tabs.get(asked);
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active;
}

export async function getReport({ tab: asked, readCharter: when }: ReportRequest): Promise<ReportResult> {
  try {
    const tab = await tabOf(asked);
    if (tab?.id === undefined) return { state: 'error', message: t('error.noTab') };
    const tabId = tab.id;
    // The page read takes longest and needs only the tab: it starts at once, as does the store lookup.
    const page = probeTab(tabId);
    const storeId = storeIdOfTab(tabId);
    storeId.catch(() => {}); // awaited below when the site is covered; its failure is reported there
    const { url, coverage } = await portalOfTab(tab);
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
        charterError = t('error.charter.failed', reasonOf(error));
      }
    }
    // Looked at before the record is read: should a reading end in between, the popup still asks again.
    const underWay = charterReadingUnderWay(coverage.site);
    // All at once: each is a round trip to the browser.
    const [cookies, probe, undo, gone, { charter, status, record }, timeline] = await Promise.all([
      storeId.then((id) => readSiteCookies(url, id, siteCookies.cookiesOf)),
      page,
      storeId.then((id) => latestUndo(coverage.site, 'reset', id)),
      storeId.then((id) => lostUndo(coverage.site, 'reset', id)),
      chosenCharter(coverage),
      cookieTimeline().current(),
    ]);
    return {
      tabId,
      state: 'report',
      report: buildReport({
        charter,
        ...jarOf(cookies, url, probe?.cookieNames),
        pageUrl: url,
        now: new Date(),
        timeline,
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
