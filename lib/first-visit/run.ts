/**
 * The first-visit test, run by the background so that the popup may close meanwhile. One test
 * at a time. What it sets aside is written to session storage before anything is removed, so a
 * background stopped mid-test puts the visitor's cookies back when it starts again.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { coveredPage } from '../background/get-report';
import { cookieTimeline } from '../background/timeline';
import { chooseCharter } from '../charter/choose';
import { charterRecord } from '../charter/records';
import { queued } from '../actions/queue';
import { refOf } from '../actions/result';
import { reasonOf } from '../french/errors';
import { cookieKey, withoutValue, type StoredCookie } from '../cookies/model';
import { setCookie, storeIdOfTab } from '../cookies/jar';
import { defaultStoreId } from '../cookies/stores';
import { cookiesOfSite } from '../cookies/inventory';
import { CONSENT_COOKIE } from '../page/opendatasoft';
import { coverageOf } from '../background/coverage';
import { readDomainCookies, readSiteCookies } from '../cookies/read-site';
import { removeCookies } from '../actions/removal';
import { registrableDomain } from '../cookies/site';
import { probeTab, putStorageInTab, takeStorageInTab } from '../page/inject';
import { firstVisitReport, type FirstVisitReport, type Observed, type SetAside } from './model';
import { DURATIONS } from './shown';

export const setAsideItem = storage.defineItem<SetAside | null>('session:first-visit', { fallback: null, version: 1 });
/** The latest reports, most recent first, for the popup to show and export. */
export const reportsItem = storage.defineItem<FirstVisitReport[]>('session:first-visit-reports', { fallback: [], version: 1 });
const KEPT_REPORTS = 10;

export interface FirstVisitStatus {
  running?: { site: string; startedAt: number; endsAt: number; seconds: number };
  report?: FirstVisitReport;
}

interface Running {
  aside: SetAside;
  observed: Map<string, Observed>;
  choiceMadeAt?: number;
  release: () => void;
  timer?: ReturnType<typeof setTimeout>;
  ticker?: ReturnType<typeof setInterval>;
  ending?: Promise<void>;
}

let running: Running | undefined;

const LEFT = 'vous avez quitté le portail pendant le test';
const CLOSED = 'l’onglet a été fermé pendant le test';

/** Sets the portal's cookies and storage aside, reloads the tab as a first visitor's, and watches. */
export async function startFirstVisit(tabId: number, seconds: number): Promise<FirstVisitStatus> {
  if (!(DURATIONS as readonly number[]).includes(seconds)) throw new Error(`Durée de test non prévue\u00a0: ${seconds}\u00a0s.`);
  if (running) throw new Error('Un test de première visite est déjà en cours.');
  const { url, coverage } = await coveredPage(tabId);
  if (!url || !coverage) throw new Error('Témoin ne couvre pas le site de cet onglet.');
  const storeId = (await storeIdOfTab(tabId)) ?? defaultStoreId();
  const scheme = url.protocol === 'http:' ? 'http' : 'https';
  const release = cookieTimeline().ignore(registrableDomain(url.hostname), storeId);
  const aside: SetAside = {
    tabId,
    site: coverage.site,
    page: url.href,
    storeId,
    scheme,
    seconds,
    startedAt: 0,
    endsAt: 0,
    cookies: [],
    storage: { local: [], session: [] },
  };
  running = { aside, observed: new Map(), release };
  try {
    await queued(async () => {
      const targets = await readSiteCookies(url, storeId);
      // Written before anything is removed: the only copy of the visitor's cookies.
      aside.cookies = targets;
      await setAsideItem.setValue(aside);
      const taken = await takeStorageInTab(tabId);
      if (taken) {
        aside.storage = taken;
        aside.storageTaken = true;
      }
      await setAsideItem.setValue(aside);
      const jar = await readDomainCookies(url, storeId);
      const { removed } = await removeCookies(targets, jar, () => readDomainCookies(url, storeId), scheme);
      // What the removals took along (another subdomain's cookie of the same name) is put back too.
      aside.cookies = [...new Map([...targets, ...removed].map((c) => [cookieKey(c), c])).values()];
      aside.startedAt = Date.now();
      aside.endsAt = aside.startedAt + seconds * 1000;
      await setAsideItem.setValue(aside);
    });
    await browser.tabs.reload(tabId, { bypassCache: true });
  } catch (error) {
    await endFirstVisit(`le test n’a pas pu commencer (${reasonOf(error)})`);
    throw error;
  }
  const current = running;
  current.timer = setTimeout(() => void endFirstVisit(), seconds * 1000);
  // Asking the browser about the tab every second also keeps the background awake (MV3).
  current.ticker = setInterval(() => void checkTab(tabId), 1000);
  return statusOf(current);
}

async function checkTab(tabId: number): Promise<void> {
  if (!running || running.aside.tabId !== tabId) return;
  const host = new URL(running.aside.page).hostname;
  try {
    const tab = await browser.tabs.get(tabId);
    // Without access to the new site, the browser hides the tab's URL: the visitor left.
    const url = tab.url && /^https?:/.test(tab.url) ? new URL(tab.url) : undefined;
    if (tab.status !== 'loading' && url?.hostname !== host) void endFirstVisit(LEFT);
  } catch {
    void endFirstVisit(CLOSED);
  }
}

/** The tab of the test was closed or navigated: the browser tells the background. */
export function firstVisitTabRemoved(tabId: number): void {
  if (running?.aside.tabId === tabId) void endFirstVisit(CLOSED);
}

export function firstVisitTabUpdated(tabId: number, url: string | undefined): void {
  if (running?.aside.tabId !== tabId || url === undefined) return;
  const host = new URL(running.aside.page).hostname;
  const now = /^https?:/.test(url) ? new URL(url).hostname : '';
  if (now !== host) void endFirstVisit(LEFT);
}

/** A cookie change the browser reported; during a test, what the portal sets is noted. */
export function firstVisitCookieChanged(cookie: StoredCookie, removed: boolean, own: boolean): void {
  const test = running;
  if (!test || !test.aside.startedAt || removed || own || test.ending) return;
  if (cookie.storeId !== test.aside.storeId) return;
  if (cookiesOfSite([cookie], new URL(test.aside.page)).length === 0) return;
  const now = Date.now();
  const key = cookieKey(cookie);
  const seen = test.observed.get(key);
  test.observed.set(key, { cookie: withoutValue(cookie), firstSetAt: seen?.firstSetAt ?? now, lastChangedAt: now });
  if (cookie.name === CONSENT_COOKIE) test.choiceMadeAt ??= now;
}

/** Ends the running test: the report is made, the test's cookies removed and the visitor's put back. */
export function endFirstVisit(stopped?: string): Promise<void> {
  const test = running;
  if (!test) return Promise.resolve();
  return (test.ending ??= finish(test, stopped));
}

async function finish(test: Running, stopped: string | undefined): Promise<void> {
  clearTimeout(test.timer);
  clearInterval(test.ticker);
  const { aside } = test;
  const endedAt = Date.now();
  const inPlace = stopped === undefined || !stopped.startsWith('l’onglet') ? await stillOnSite(aside) : false;
  try {
    if (aside.startedAt) {
      const probe = inPlace ? await probeTab(aside.tabId) : undefined;
      const coverage = await coverageOf(aside.site);
      const { charter, status } = chooseCharter(aside.site, coverage?.bundled, await charterRecord(aside.site));
      const report = firstVisitReport({
        charter,
        status,
        aside,
        observed: [...test.observed.values()],
        endedAt,
        ...(probe && { storageKeys: { local: probe.localStorageKeys, session: probe.sessionStorageKeys } }),
        ...(test.choiceMadeAt !== undefined && { choiceMadeAt: test.choiceMadeAt }),
        ...(stopped && { stopped }),
      });
      const restored = await restore(aside, inPlace);
      await reportsItem.setValue([{ ...report, restored }, ...(await reportsItem.getValue())].slice(0, KEPT_REPORTS));
    } else if (aside.cookies.length || aside.storageTaken) {
      await restore(aside, inPlace); // stopped before the reload: what was set aside comes back
    } else {
      await setAsideItem.setValue(null); // nothing was touched
    }
  } finally {
    running = undefined;
    // The browser reports the restore's changes a moment after it; they are not the portal's.
    setTimeout(test.release, 1000);
  }
}

async function stillOnSite(aside: SetAside): Promise<boolean> {
  try {
    const tab = await browser.tabs.get(aside.tabId);
    return tab.url !== undefined && new URL(tab.url).hostname === new URL(aside.page).hostname;
  } catch {
    return false;
  }
}

/**
 * Puts the visitor back: storage first (it needs a page of the portal), then the cookies: every
 * cookie of the site in the store is removed, and the visitor's recreated exactly.
 */
async function restore(aside: SetAside, inPlace: boolean): Promise<FirstVisitReport['restored']> {
  const url = new URL(aside.page);
  let storageBack = !aside.storageTaken || (aside.storage.local.length === 0 && aside.storage.session.length === 0);
  if (aside.storageTaken && inPlace) storageBack = await putStorageInTab(aside.tabId, aside.storage);
  else if (aside.storageTaken && aside.storage.local.length) storageBack = await putLocalStorageInNewTab(url, aside);
  const restored: FirstVisitReport['restored'] = { cookies: 0, failed: [], storage: storageBack };
  await queued(async () => {
    const present = await readSiteCookies(url, aside.storeId);
    const jar = await readDomainCookies(url, aside.storeId);
    await removeCookies(present, jar, () => readDomainCookies(url, aside.storeId), aside.scheme);
    const nowSeconds = Date.now() / 1000;
    for (const cookie of aside.cookies) {
      if (!cookie.session && cookie.expirationDate !== undefined && cookie.expirationDate <= nowSeconds) {
        restored.failed.push({ cookie: refOf(cookie), reason: 'arrivé à expiration pendant le test' });
        continue;
      }
      try {
        await setCookie(cookie, aside.scheme);
        restored.cookies++;
      } catch (error) {
        restored.failed.push({ cookie: refOf(cookie), reason: reasonOf(error) });
      }
    }
    await setAsideItem.setValue(null);
  });
  if (inPlace) await browser.tabs.reload(aside.tabId).catch(() => {});
  return restored;
}

/**
 * The tab is gone or elsewhere, and localStorage belongs to the portal's origin: a background
 * tab of the portal is opened just long enough to write it back (its cookies are replaced right after).
 */
async function putLocalStorageInNewTab(url: URL, aside: SetAside): Promise<boolean> {
  let tabId: number | undefined;
  try {
    const tab = await browser.tabs.create({ url: url.origin + '/', active: false, ...(aside.storeId.startsWith('firefox-container') && { cookieStoreId: aside.storeId }) });
    tabId = tab.id!;
    for (let i = 0; i < 100; i++) {
      if ((await browser.tabs.get(tabId)).status === 'complete') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await putStorageInTab(tabId, { local: aside.storage.local, session: [] });
  } catch {
    return false;
  } finally {
    if (tabId !== undefined) await browser.tabs.remove(tabId).catch(() => {});
  }
}

/** After the background was stopped mid-test: the visitor's cookies come back. */
export async function recoverFirstVisit(): Promise<void> {
  const aside = await setAsideItem.getValue();
  if (!aside || running) return;
  running = { aside, observed: new Map(), release: () => {} };
  await endFirstVisit('le test a été interrompu');
}

function statusOf(test: Running): FirstVisitStatus {
  const { site, startedAt, endsAt, seconds } = test.aside;
  return { running: { site, startedAt, endsAt, seconds } };
}

/** What the popup shows for a tab: the test under way on it, or the latest report for its site. */
export async function firstVisitStatus(tabId: number): Promise<FirstVisitStatus> {
  if (running?.aside.tabId === tabId && !running.ending) return statusOf(running);
  const { coverage } = await coveredPage(tabId).catch(() => ({ coverage: undefined }));
  const reports = await reportsItem.getValue();
  // The tab's own latest test (also when the visitor left the portal), or the latest of its site.
  const report = reports.find((r) => r.tabId === tabId) ?? (coverage && reports.find((r) => r.site === coverage.site));
  return {
    ...(running?.aside.tabId === tabId && { running: statusOf(running).running }),
    ...(report && { report }),
  };
}
