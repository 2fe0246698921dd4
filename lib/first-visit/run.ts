/**
 * The first-visit test, run by the background so that the popup may close meanwhile. One test
 * at a time, and one transaction:
 *
 * 1. the tested page's storage is taken aside while the page is there to be asked;
 * 2. every page of the portal in the tab's store is unloaded, and Témoin waits until what their
 *    `pagehide`/`unload` handlers and timers wrote has landed (it lands in the visitor's jar);
 * 3. the visitor's cookies are written to local storage (on disk), then removed;
 * 4. the tested tab loads the portal as a first visitor's; the visitor's other pages of the
 *    portal stay unloaded, so nothing of theirs mixes with the test;
 * 5. at the end, the storage is put back, every page of the portal is unloaded again (the
 *    test's pages write their last cookies now, into the test's jar), the jar is emptied of the
 *    test's cookies and the visitor's are recreated, the copy on disk is deleted, and the pages
 *    are loaded again.
 *
 * While it runs, clear, reset and undo on the portal's domain are refused and automatic
 * clearing waits (lib/actions/first-visit-lock.ts). A background stopped mid-test, or a browser
 * closed, finds the copy at its next start and puts the visitor back (`recoverFirstVisit`).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { cookieTimeline } from '../timeline/cookie-timeline';
import { queued } from '../actions/queue';
import { holdForFirstVisit, recoveringFirstVisit } from '../actions/first-visit-lock';
import { refOf, type CookieRef } from '../actions/result';
import { reasonOf, written } from '../i18n/errors';
import { t } from '../i18n/messages';
import { bytesOf, headWithin, SESSION_BUDGET } from '../storage-budget';
import { bareDomain, cookieKey, withoutValue, type StoredCookie } from '../cookies/model';
import { addressable, storeIdOfTab } from '../cookies/jar';
import { defaultStoreId } from '../cookies/stores';
import { cookiesOfSite } from '../cookies/inventory';
import { CONSENT_COOKIE } from '../cookies/platform';
import { coverageOf } from '../portals/coverage';
import { chosenCharter } from '../portals/charter';
import { portalOfTab, stillOnSite, webAddress } from '../portals/tab';
import { readDomainCookies, readSiteCookies } from '../cookies/read-site';
import { removeCookies } from '../actions/removal';
import { recreate } from '../actions/recreate';
import { registrableDomain } from '../cookies/site';
import { probeTab, putSessionStorageInTab, putStorageInTab, takeStorageInTab } from '../page/inject';
import { firstVisitReport, reportWithin, type FirstVisitReport, type Observed, type Restored, type SetAside } from './model';
import { DURATIONS } from './shown';

/**
 * The visitor's lasting cookies and localStorage while a test runs: on disk, so that a browser closed
 * mid-test gives them back at its next start; deleted as soon as they are put back.
 */
export const setAsideItem = storage.defineItem<SetAside | null>('local:first-visit', { fallback: null, version: 1 });
/**
 * What the browser forgets on closing anyway, kept only for the session: the visitor's session
 * cookies and the tested tab's sessionStorage. Its id also tells a recovery whether the browser
 * was closed since the test began.
 */
export const asideSessionItem = storage.defineItem<{ id: string; cookies: StoredCookie[]; entries: [string, string][] } | null>(
  'session:first-visit-session',
  { fallback: null, version: 1 },
);
/** A tab's sessionStorage, put back when the visitor comes back to the portal in that tab. */
export const sessionReturnItem = storage.defineItem<{ tabId: number; origin: string; entries: [string, string][]; startedAt: string } | null>(
  'session:first-visit-return',
  { fallback: null, version: 1 },
);
/** The latest reports, most recent first, for the popup to show and export. */
export const reportsItem = storage.defineItem<FirstVisitReport[]>('session:first-visit-reports', { fallback: [], version: 1 });
const KEPT_REPORTS = 10;

/** Pages being unloaded are waited for this long at most (a page may hold its tab with a dialog). */
const UNLOAD_LIMIT_MS = 10_000;
/** What unloaded pages write lands within moments: Témoin waits until the domain is this quiet… */
const QUIET_MS = 400;
/** …for this long at most (a page that keeps writing is out of its hands). */
const SETTLE_LIMIT_MS = 5_000;
const BLANK = 'about:blank';
/** How many times the swap of cookies is made again when a late write comes in between. */
const ROUNDS = 3;

export interface FirstVisitStatus {
  running?: { site: string; startedAt: number; endsAt: number; seconds: number };
  report?: FirstVisitReport;
}

interface Running {
  aside: SetAside;
  observed: Map<string, Observed>;
  choiceMadeAt?: number;
  /** The timeline notes the portal's changes again. */
  release: () => void;
  /** Clear, reset, undo and automatic clearing may act on the portal again. */
  unhold: () => void;
  timer?: ReturnType<typeof setTimeout>;
  ticker?: ReturnType<typeof setInterval>;
  started?: Promise<unknown>;
  ending?: Promise<void>;
  /** Témoin itself is moving the portal's tabs: their events are not the visitor's. */
  moving: boolean;
  /** When a page last changed a cookie of the portal's domain (ms). */
  lastForeignChange: number;
  /** Recovered in a later browser session: the test's tab ids now name other tabs. */
  otherSession?: boolean;
}

let running: Running | undefined;
let starting = false;

// Why a test ended early, in the language spoken (asked when needed: the table loads after the modules).
const LEFT = () => t('firstVisit.run.left');
const CLOSED = () => t('firstVisit.run.closed');
const BROWSER_CLOSED = () => t('firstVisit.run.browserClosed');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function hostOf(url: string | undefined): string | undefined {
  return webAddress(url)?.hostname;
}

const refKey = (c: CookieRef) => JSON.stringify([c.name, c.domain, c.path, c.partition ?? '']);

/** `older` with `newer` over it, one cookie per key. */
function newest(older: StoredCookie[], newer: StoredCookie[]): StoredCookie[] {
  return [...new Map([...older, ...newer].map((c) => [cookieKey(c), c])).values()];
}

function begin(aside: SetAside): Running {
  const host = new URL(aside.page).hostname;
  running = {
    aside,
    observed: new Map(),
    release: cookieTimeline().ignore(registrableDomain(host), aside.storeId),
    unhold: holdForFirstVisit(aside.site, aside.storeId),
    moving: true,
    lastForeignChange: 0,
  };
  return running;
}

/** The two copies `keep` writes: session cookies and sessionStorage for the session only, the rest on disk. */
function copiesOf(aside: SetAside) {
  return {
    session: { id: aside.id, cookies: aside.cookies.filter((c) => c.session), entries: aside.storage.session },
    disk: {
      ...aside,
      cookies: aside.cookies.filter((c) => !c.session),
      storage: { local: aside.storage.local, session: [] },
      sessionKeys: aside.storage.session.length,
    },
  };
}

/** Bytes of what `keep` would write for `aside`, both copies together. */
function asideBytes(aside: SetAside): number {
  const { session, disk } = copiesOf(aside);
  return bytesOf('first-visit-session', session) + bytesOf('first-visit', disk);
}

/** Refuses, before anything changes, a copy larger than its share of Témoin's room. */
function assertFits(aside: SetAside): void {
  const bytes = asideBytes(aside);
  if (bytes <= SESSION_BUDGET.firstVisit) return;
  throw new Error(
    t('firstVisit.run.tooBig', Math.ceil(bytes / 1024), SESSION_BUDGET.firstVisit / 1024),
  );
}

/** Writes what is set aside, within its share; a write the browser refuses is a French sentence. */
async function keep(aside: SetAside): Promise<void> {
  assertFits(aside);
  const { session, disk } = copiesOf(aside);
  await written(asideSessionItem.setValue(session), t('firstVisit.run.asideCopy'));
  await written(setAsideItem.setValue(disk), t('firstVisit.run.asideCopy'));
}

async function forget(): Promise<void> {
  await setAsideItem.setValue(null);
  await asideSessionItem.setValue(null);
}

/** Sets the portal's cookies and storage aside, loads the tab as a first visitor's, and watches. */
export async function startFirstVisit(tabId: number, seconds: number): Promise<FirstVisitStatus> {
  if (!(DURATIONS as readonly number[]).includes(seconds)) throw new Error(t('firstVisit.run.badDuration', seconds));
  if (running || starting) throw new Error(t('firstVisit.run.already'));
  starting = true;
  let test: Running;
  try {
    const { url, coverage } = await portalOfTab(tabId);
    if (!url || !coverage) throw new Error(t('firstVisit.run.notCovered'));
    const storeId = (await storeIdOfTab(tabId)) ?? defaultStoreId();
    test = begin({
      id: crypto.randomUUID(),
      tabId,
      site: coverage.site,
      page: url.href,
      storeId,
      scheme: url.protocol === 'http:' ? 'http' : 'https',
      seconds,
      startedAt: 0,
      endsAt: 0,
      cookies: [],
      storage: { local: [], session: [] },
      unloaded: [],
      untouched: [],
    });
  } finally {
    starting = false;
  }
  const work = prepare(test);
  test.started = work.catch(() => {});
  try {
    await work;
  } catch (error) {
    await endFirstVisit(t('firstVisit.run.notStarted', reasonOf(error)));
    throw error;
  }
  test.moving = false;
  if (!test.ending) {
    test.timer = setTimeout(() => void endTest(test), seconds * 1000);
    // Asking the browser about the tab every second also keeps the background awake (MV3).
    test.ticker = setInterval(() => void checkTab(test), 1000);
  }
  return statusOf(test);
}

async function prepare(test: Running): Promise<void> {
  const { aside } = test;
  const url = new URL(aside.page);
  // Too large to be set aside, the visitor's jar is refused before anything is taken or left.
  assertFits({ ...aside, cookies: (await readSiteCookies(url, aside.storeId)).filter((c) => addressable(c.path)) });
  const taken = await takeStorageInTab(aside.tabId);
  if (taken) {
    aside.storage = taken;
    aside.storageTaken = true;
  }
  aside.unloaded = await portalPages(aside);
  // Written before any page is left or anything removed: the only copy of the visitor's storage.
  await keep(aside);
  await unload(aside.unloaded, url.hostname);
  await settle(test);
  await queued(async () => {
    // Again while a page left late wrote meanwhile: what it wrote is the visitor's, and newer.
    for (let round = 1; ; round++) {
      const since = Date.now();
      const present = await readSiteCookies(url, aside.storeId);
      // Left as they are: removed, they could not be put back at their own path (lib/cookies/jar.ts).
      const untouched = present.filter((c) => !addressable(c.path)).map(refOf);
      aside.untouched = [...new Map([...aside.untouched, ...untouched].map((c) => [refKey(c), c])).values()];
      const targets = present.filter((c) => addressable(c.path));
      aside.cookies = newest(aside.cookies, targets);
      // Written before anything is removed: the only copy of the visitor's cookies. Until it is,
      // the end of the test touches no cookie.
      const swapped = aside.swapped;
      aside.swapped = true;
      try {
        await keep(aside);
      } catch (error) {
        aside.swapped = swapped;
        throw error;
      }
      const jar = await readDomainCookies(url, aside.storeId);
      const { removed } = await removeCookies(targets, jar, () => readDomainCookies(url, aside.storeId), aside.scheme);
      // What the removals took along (another subdomain's cookie of the same name) is put back too.
      aside.cookies = newest(aside.cookies, removed);
      if (test.lastForeignChange < since || round === ROUNDS) break;
      await sleep(QUIET_MS);
    }
    aside.startedAt = Date.now();
    aside.endsAt = aside.startedAt + aside.seconds * 1000;
    await keep(aside);
  });
  await browser.tabs.update(aside.tabId, { url: aside.page });
}

/** The tabs showing the portal in the test's store, each at its address. */
async function portalPages(aside: SetAside): Promise<SetAside['unloaded']> {
  const host = new URL(aside.page).hostname;
  const stores = await browser.cookies.getAllCookieStores();
  const storeOf = (tabId: number) => stores.find((store) => store.tabIds.includes(tabId))?.id ?? defaultStoreId();
  const pages: SetAside['unloaded'] = [];
  for (const tab of await browser.tabs.query({})) {
    // A tab on its way to the portal counts too (Chromium names where it goes `pendingUrl`).
    const url = [tab.url, (tab as { pendingUrl?: string }).pendingUrl].find((u) => hostOf(u) === host);
    if (tab.id !== undefined && url && storeOf(tab.id) === aside.storeId) pages.push({ tabId: tab.id, url });
  }
  return pages;
}

/** Takes each page off its tab (to a blank page), and waits until it is gone. */
async function unload(pages: SetAside['unloaded'], host: string): Promise<void> {
  await Promise.all(
    pages.map(async ({ tabId }) => {
      try {
        await browser.tabs.update(tabId, { url: BLANK });
        for (const deadline = Date.now() + UNLOAD_LIMIT_MS; Date.now() < deadline; await sleep(50)) {
          const tab = await browser.tabs.get(tabId);
          if (tab.status === 'complete' && hostOf(tab.url) !== host && hostOf((tab as { pendingUrl?: string }).pendingUrl) !== host) return;
        }
      } catch {
        // Closed meanwhile: nothing of it is left to write.
      }
    }),
  );
}

/**
 * Waits until the pages just left have stopped writing: a cookie a page writes as it goes reaches
 * the browser's jar a moment after the page is gone.
 */
async function settle(test: Running): Promise<void> {
  const from = Date.now();
  while (Date.now() - from < SETTLE_LIMIT_MS && Date.now() - Math.max(from, test.lastForeignChange) < QUIET_MS) await sleep(50);
}

/** Loads each page again where it was, unless the visitor took its tab elsewhere meanwhile. */
async function reload(pages: Map<number, string>): Promise<void> {
  await Promise.all(
    [...pages].map(async ([tabId, url]) => {
      try {
        const tab = await browser.tabs.get(tabId);
        if (tab.url === undefined || tab.url === BLANK) await browser.tabs.update(tabId, { url });
      } catch {
        // Closed meanwhile.
      }
    }),
  );
}

function endTest(test: Running): void {
  if (running === test) void endFirstVisit();
}

async function checkTab(test: Running): Promise<void> {
  if (running !== test || test.moving) return;
  const host = new URL(test.aside.page).hostname;
  try {
    const tab = await browser.tabs.get(test.aside.tabId);
    // Without access to the new site, the browser hides the tab's URL: the visitor left.
    if (tab.status !== 'loading' && hostOf(tab.url) !== host && running === test && !test.moving) void endFirstVisit(LEFT());
  } catch {
    if (running === test) void endFirstVisit(CLOSED());
  }
}

/** The tab of the test was closed or navigated: the browser tells the background. */
export function firstVisitTabRemoved(tabId: number): void {
  if (running?.aside.tabId === tabId) void endFirstVisit(CLOSED());
}

/**
 * A tab changed: `url` when its address did, `status` when it started or finished loading,
 * `tabUrl` where it is now. Ends the test when the visitor leaves the portal in the tested tab;
 * puts a tab's sessionStorage back when the visitor comes back to the portal after a test.
 */
export function firstVisitTabUpdated(tabId: number, url: string | undefined, status?: string, tabUrl?: string): void {
  if (status === 'complete') void sessionBack(tabId, tabUrl);
  const test = running;
  if (!test || test.moving) return;
  // One of the visitor's other portal pages, left blank for the test, taken elsewhere: it stays there.
  if (status === 'loading' && tabId !== test.aside.tabId) test.aside.unloaded = test.aside.unloaded.filter((p) => p.tabId !== tabId);
  if (test.aside.tabId !== tabId || url === undefined) return;
  if (hostOf(url) !== new URL(test.aside.page).hostname) void endFirstVisit(LEFT());
}

/** A cookie change the browser reported; during a test, what the portal sets is noted. */
export function firstVisitCookieChanged(cookie: StoredCookie, removed: boolean, own: boolean): void {
  const test = running;
  if (!test || cookie.storeId !== test.aside.storeId) return;
  const domain = registrableDomain(new URL(test.aside.page).hostname);
  if (!own && registrableDomain(bareDomain(cookie.domain)) === domain) test.lastForeignChange = Date.now();
  if (!test.aside.startedAt || removed || own || test.ending || test.moving) return;
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
  // Stopped while it starts: it ends once its start is over, whichever way.
  await test.started;
  test.moving = true;
  clearTimeout(test.timer);
  clearInterval(test.ticker);
  const { aside } = test;
  const endedAt = Date.now();
  const inPlace = !test.otherSession && stopped !== CLOSED() ? await stillOnSite(aside.tabId, new URL(aside.page).hostname) : false;
  try {
    if (aside.startedAt) {
      const probe = inPlace ? await probeTab(aside.tabId) : undefined;
      const coverage = await coverageOf(aside.site);
      const { charter, status } = await chosenCharter({ site: aside.site, bundled: coverage?.bundled });
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
      const restored = await restore(test, inPlace, report.startedAt);
      await saveReport({ ...report, restored });
    } else if (aside.cookies.length || aside.storageTaken || aside.unloaded.length) {
      await restore(test, inPlace, ''); // stopped before the first visit: what was set aside comes back
    } else {
      await forget(); // nothing was touched
    }
  } finally {
    running = undefined;
    test.unhold();
    // The browser reports the restore's changes a moment after it; they are not the portal's.
    setTimeout(test.release, 1000);
  }
}

/** A report the browser would not keep, shown as long as the background lives. */
let unsaved: FirstVisitReport | undefined;

/**
 * Keeps the report, cut to its share of Témoin's room (it says what it leaves out), before the
 * older ones, which give up theirs first. A write the browser refuses all the same is said in
 * the report, which stays in memory.
 */
async function saveReport(report: FirstVisitReport): Promise<void> {
  const share = SESSION_BUDGET.firstVisitReports;
  const fitted = reportWithin(report, share - bytesOf('first-visit-reports', []) - 1);
  unsaved = undefined;
  try {
    const older = await reportsItem.getValue();
    await written(reportsItem.setValue(headWithin('first-visit-reports', [fitted, ...older].slice(0, KEPT_REPORTS), share)), t('firstVisit.run.reportItem'));
  } catch (error) {
    unsaved = { ...fitted, notSaved: t('firstVisit.run.notSaved', reasonOf(error)) };
  }
}


/**
 * Puts the visitor back: storage first (it needs a page of the portal), then every page of the
 * portal is unloaded, every cookie of the site in the store is removed, the visitor's recreated
 * exactly, and the pages loaded again.
 */
async function restore(test: Running, inPlace: boolean, startedAt: string): Promise<Restored> {
  const { aside } = test;
  const url = new URL(aside.page);
  const restored: Restored = { cookies: 0, failed: [], storage: true };
  if (aside.untouched.length) restored.untouched = aside.untouched;
  if (aside.storageTaken) Object.assign(restored, await restoreStorage(test, inPlace, startedAt));
  if (!aside.swapped) {
    // Stopped before any of the visitor's cookies was removed: they are all where they were.
    await forget();
    if (!test.otherSession) await reload(new Map(aside.unloaded.map((page) => [page.tabId, page.url])));
    return restored;
  }
  const open = await portalPages(aside);
  await unload(open, url.hostname);
  await settle(test);
  await queued(async () => {
    // Again while a page of the test left late wrote meanwhile: the visitor's cookies come last.
    for (let round = 1; ; round++) {
      const since = Date.now();
      const untouched = new Set(aside.untouched.map(refKey));
      const present = (await readSiteCookies(url, aside.storeId)).filter((c) => !untouched.has(refKey(refOf(c))));
      const jar = await readDomainCookies(url, aside.storeId);
      const { result } = await removeCookies(present, jar, () => readDomainCookies(url, aside.storeId), aside.scheme);
      if (result.failed.length) restored.leftover = result.failed;
      else delete restored.leftover;
      restored.cookies = 0;
      restored.failed = [];
      const { done, failed } = await recreate(aside.cookies, aside.scheme, { nowSeconds: Date.now() / 1000, expired: t('firstVisit.run.expired') });
      restored.cookies = done.length;
      restored.failed = failed.map(({ cookie, reason }) => ({ cookie: refOf(cookie), reason }));
      if (test.lastForeignChange < since || round === ROUNDS) break;
      await sleep(QUIET_MS);
    }
    await forget();
  });
  // The pages left at the start (the tested one came back then), and those left just now.
  const pages = new Map<number, string>();
  // (or not, when the test ended before it came back).
  if (!test.otherSession) {
    for (const page of aside.unloaded) if (page.tabId !== aside.tabId || !aside.startedAt) pages.set(page.tabId, page.url);
  }
  for (const page of open) pages.set(page.tabId, page.url);
  await reload(pages);
  return restored;
}

/**
 * The page's storage as it was. localStorage belongs to the portal's origin, and can be written
 * from any of its pages; sessionStorage belongs to the tab, and only the tested tab can take it
 * back, once it shows the portal again.
 */
async function restoreStorage(test: Running, inPlace: boolean, startedAt: string): Promise<Pick<Restored, 'storage' | 'storageNote'>> {
  const { aside } = test;
  if (inPlace) return { storage: await putStorageInTab(aside.tabId, aside.storage) };
  const url = new URL(aside.page);
  const local = aside.storage.local.length === 0 || (await putLocalStorageInNewTab(url, aside));
  const notLocal = local ? '' : ` ${t('firstVisit.run.localNotRestored')}`;
  if (aside.storage.session.length === 0) {
    if (test.otherSession && aside.sessionKeys) {
      return { storage: local, storageNote: `${t('firstVisit.run.sessionGoneBrowser')}${notLocal}` };
    }
    return { storage: local };
  }
  const tab = await browser.tabs.get(aside.tabId).catch(() => undefined);
  if (!tab) return { storage: false, storageNote: `${t('firstVisit.run.sessionGoneTab')}${notLocal}` };
  await sessionReturnItem.setValue({ tabId: aside.tabId, origin: url.origin, entries: aside.storage.session, startedAt });
  return {
    storage: false,
    storageNote: `${t('firstVisit.run.sessionLater', aside.site)}${notLocal}`,
  };
}

let returning = false;

/** The visitor came back to the portal in a tab whose test ended away from it: its sessionStorage comes back. */
async function sessionBack(tabId: number, tabUrl: string | undefined): Promise<void> {
  if (returning || !hostOf(tabUrl) || running?.aside.tabId === tabId) return;
  returning = true;
  try {
    const back = await sessionReturnItem.getValue();
    if (!back || back.tabId !== tabId || new URL(tabUrl!).origin !== back.origin) return;
    await sessionReturnItem.setValue(null);
    const done = await putSessionStorageInTab(tabId, back.entries);
    // Loaded again, the page reads its storage as the visitor left it.
    if (done) await browser.tabs.reload(tabId).catch(() => {});
    const reports = await reportsItem.getValue();
    await reportsItem.setValue(
      reports.map((r) => {
        if (r.tabId !== tabId || r.startedAt !== back.startedAt) return r;
        const note = done ? t('firstVisit.run.sessionBack') : t('firstVisit.run.sessionNotBack');
        const notLocal = t('firstVisit.run.localNotRestored');
        const localFailed = r.restored.storageNote?.includes(notLocal) ? ` ${notLocal}` : '';
        return { ...r, restored: { ...r.restored, storage: done && !localFailed, storageNote: note + localFailed } };
      }),
    );
  } finally {
    returning = false;
  }
}

/**
 * The tab is gone or elsewhere, and localStorage belongs to the portal's origin: a background
 * tab of the portal is opened just long enough to write it back (before the test's cookies are
 * removed, so that what its page writes goes with them).
 */
async function putLocalStorageInNewTab(url: URL, aside: SetAside): Promise<boolean> {
  let tabId: number | undefined;
  try {
    const tab = await browser.tabs.create({ url: url.origin + '/', active: false, ...(aside.storeId.startsWith('firefox-container') && { cookieStoreId: aside.storeId }) });
    tabId = tab.id!;
    for (let i = 0; i < 100; i++) {
      if ((await browser.tabs.get(tabId)).status === 'complete') break;
      await sleep(100);
    }
    return await putStorageInTab(tabId, { local: aside.storage.local, session: [] });
  } catch {
    return false;
  } finally {
    if (tabId !== undefined) await browser.tabs.remove(tabId).catch(() => {});
  }
}

/**
 * At the background's start: a test it did not end (the background was stopped, or the browser
 * closed) puts the visitor's cookies back. Automatic clearing waits for it.
 */
export function recoverFirstVisit(): Promise<void> {
  const work = (async () => {
    const kept = await setAsideItem.getValue();
    if (!kept || running || starting) return;
    const session = await asideSessionItem.getValue();
    const sameSession = session?.id === kept.id;
    // After the browser was closed, the visitor's session cookies ended with it, as they always do.
    const test = begin({
      ...kept,
      cookies: sameSession ? [...kept.cookies, ...session.cookies] : kept.cookies,
      storage: { local: kept.storage.local, session: sameSession ? session.entries : [] },
    });
    if (!sameSession) test.otherSession = true;
    await endFirstVisit(sameSession ? t('firstVisit.run.interrupted') : BROWSER_CLOSED());
  })();
  recoveringFirstVisit(work);
  return work;
}

function statusOf(test: Running): FirstVisitStatus {
  const { site, startedAt, endsAt, seconds } = test.aside;
  return { running: { site, startedAt, endsAt, seconds } };
}

/** What the popup shows for a tab: the test under way on it, or the latest report for its site. */
export async function firstVisitStatus(tabId: number): Promise<FirstVisitStatus> {
  if (running?.aside.tabId === tabId && !running.ending) return statusOf(running);
  const { coverage } = await portalOfTab(tabId).catch(() => ({ coverage: undefined }));
  const reports = await reportsItem.getValue().catch((): FirstVisitReport[] => []);
  if (unsaved) reports.unshift(unsaved);
  // The tab's own latest test (also when the visitor left the portal), or the latest of its site.
  const report = reports.find((r) => r.tabId === tabId) ?? (coverage && reports.find((r) => r.site === coverage.site));
  return {
    ...(running?.aside.tabId === tabId && { running: statusOf(running).running }),
    ...(report && { report }),
  };
}
