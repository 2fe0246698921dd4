/**
 * Automatic clearing as a real browser runs it: the service worker stopped when idle and started
 * again by the close, a window closing with several portal tabs, tabs opened together. Chromium's
 * worker is stopped through the debugging protocol (see service-worker.ts); Firefox MV3's event
 * page is suspended by Firefox itself, after the idle delay its preference sets.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '@/lib/auto-clear/settings';
import { launchChromium } from './chromium';
import { built, engines } from './engines';
import { allCookies } from './harness';
import { useSession } from './session';
import { workerControl } from './service-worker';

const NECESSARY = ['cookies_preferences', 'csrftoken', 'django_language', 'sessionid'];
const CLEARED = ['_ga', '_hjSessionUser_3141', '_pk_id.1.a1b2', 'ods_embed'];
const names = async (page: Page) => [...new Set((await allCookies(page)).map((c) => c.name))].sort();

/** The journal of automatic clearings, once it has `length` entries (or after 15 s). */
async function journal(page: Page, length: number): Promise<JournalEntry[]> {
  const read = () => page.evaluate(async () => ((await chrome.storage.session.get('auto-clear-journal'))['auto-clear-journal'] as JournalEntry[]) ?? []);
  let entries = await read();
  for (let i = 0; i < 150 && entries.length < length; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    entries = await read();
  }
  return entries;
}

/** Waits until the jar holds only the necessary cookies (or 15 s), and says what it holds. */
async function clearedJar(page: Page): Promise<string[]> {
  let now = await names(page);
  for (let i = 0; i < 150 && now.some((n) => CLEARED.includes(n)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = await names(page);
  }
  return now;
}

/** Opens tabs from the extension's page, all at once, and waits until each has loaded. */
async function openTabs(page: Page, urls: string[], inNewWindow = false): Promise<{ tabIds: number[]; windowId?: number }> {
  return page.evaluate(
    async (urls, inNewWindow) => {
      let tabIds: number[];
      let windowId: number | undefined;
      if (inNewWindow) {
        const created = await chrome.windows.create({ url: urls });
        windowId = created!.id!;
        tabIds = created!.tabs!.map((t) => t.id!);
      } else {
        tabIds = (await Promise.all(urls.map((url) => chrome.tabs.create({ url, active: false })))).map((t) => t.id!);
      }
      for (let i = 0; i < 300; i++) {
        const tabs = await Promise.all(tabIds.map((id) => chrome.tabs.get(id)));
        if (tabs.every((t) => t.status === 'complete' && t.url?.startsWith('https://data.issy.com/'))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { tabIds, windowId };
    },
    urls,
    inNewWindow,
  );
}

describe('automatic clearing in chromium, as the browser runs it', () => {
  const session = useSession((ports, options) => launchChromium(built('chrome-mv3'), ports, [], options));
  let worker: Awaited<ReturnType<typeof workerControl>>;

  beforeAll(async () => {
    const { control, browser } = session;
    // The visitor's choice recorded on the portal, before automatic clearing is chosen.
    await (await browser.openPage('https://data.issy.com/?consent=1')).close();
    await control.evaluate(async () => {
      await chrome.storage.local.set({
        'auto-clear-grace-ms-for-tests': 300, // a key nothing in the extension writes
        'auto-clear': { 'data.issy.com': { onLastTabClosed: true, atStartup: false } },
      });
    });
    worker = await workerControl(control, browser.extensionOrigin);
  });

  it('clears when the close of the portal’s last tab is what starts the stopped worker, and journals it', async () => {
    const portal = await session.browser.openPage('https://data.issy.com/');
    try {
      expect(await names(session.control)).toEqual([...CLEARED, ...NECESSARY].sort());
      await worker.stop();
      expect(worker.isRunning()).toBe(false);
    } finally {
      // Closed even when the worker could not be stopped: an open portal tab would keep the next tests from clearing.
      await portal.close();
    }
    await worker.started();
    expect(await clearedJar(session.control)).toEqual(NECESSARY);
    const [entry, ...older] = await journal(session.control, 1);
    expect(older).toEqual([]);
    expect(entry).toMatchObject({ site: 'data.issy.com', trigger: 'last-tab-closed' });
    expect(entry!.removed.map((c) => c.name).sort()).toEqual(CLEARED);
  });

  it('clears once a window holding the portal’s last two tabs closes', async () => {
    const before = (await journal(session.control, 0)).length;
    const { windowId } = await openTabs(session.control, ['https://data.issy.com/', 'https://data.issy.com/?deux'], true);
    expect(await names(session.control)).toEqual([...CLEARED, ...NECESSARY].sort());
    await session.control.evaluate((id) => chrome.windows.remove(id), windowId!);
    expect(await clearedJar(session.control)).toEqual(NECESSARY);
    expect(await journal(session.control, before + 1)).toHaveLength(before + 1);
  });

  it('does not clear while the fourth of four portal tabs opened at once stays open', async () => {
    const before = (await journal(session.control, 0)).length;
    const { tabIds } = await openTabs(session.control, [1, 2, 3, 4].map((i) => `https://data.issy.com/?onglet=${i}`));
    expect(await names(session.control)).toEqual([...CLEARED, ...NECESSARY].sort());
    await session.control.evaluate((ids) => chrome.tabs.remove(ids), tabIds.slice(0, 3));
    // Well past the grace delay (300 ms here), the portal still has a tab: nothing is cleared.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await names(session.control)).toEqual([...CLEARED, ...NECESSARY].sort());
    expect(await journal(session.control, before)).toHaveLength(before);
    // Its last tab closed, it is.
    await session.control.evaluate((id) => chrome.tabs.remove(id), tabIds[3]!);
    expect(await clearedJar(session.control)).toEqual(NECESSARY);
    expect(await journal(session.control, before + 1)).toHaveLength(before + 1);
  });
});

/**
 * Whether Firefox's event page is running, asked from a page of the extension that never talks to
 * it (accessibility.html): a page that sends messages would keep it awake.
 */
const backgroundRunning = (page: Page) =>
  page.evaluate(() => ((globalThis as any).browser.extension.getViews() as Window[]).some((view) => view.location.pathname.includes('background')));

describe.each(engines.filter(([name]) => name === 'firefox-mv3'))('automatic clearing in %s, the event page suspended', (_, launch) => {
  // Suspended after one idle second rather than thirty.
  const session = useSession(launch, { prefs: { 'extensions.background.idle.timeout': 1000 } });
  let quiet: Page;

  beforeAll(async () => {
    const { control, browser } = session;
    // Switched on first: the visit that records the consent is then cleared once its tab
    // closes, before the test begins, and not at some moment during it.
    await control.evaluate(async () => {
      await chrome.storage.local.set({
        'auto-clear-grace-ms-for-tests': 300,
        'auto-clear': { 'data.issy.com': { onLastTabClosed: true, atStartup: false } },
      });
    });
    await (await browser.openPage('https://data.issy.com/?consent=1')).close();
    quiet = await browser.openExtensionPage('accessibility.html');
    expect(await journal(quiet, 1)).toHaveLength(1);
    // The control page is a page of the extension that talks to the background: closed, nothing keeps it awake.
    await control.close();
  });

  it('clears when the close of the portal’s last tab is what wakes the suspended event page, and journals it', async () => {
    const portal = await session.browser.openPage('https://data.issy.com/');
    expect(await names(quiet)).toEqual([...CLEARED, ...NECESSARY].sort());
    // The event page runs (the tab's load woke it), as the page can tell.
    expect(await backgroundRunning(quiet)).toBe(true);
    let running = true;
    for (let i = 0; i < 300 && running; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      running = await backgroundRunning(quiet);
    }
    expect(running).toBe(false);
    await portal.close();
    expect(await clearedJar(quiet)).toEqual(NECESSARY);
    // One entry more than the setup's, the newest first.
    const [entry, ...older] = await journal(quiet, 2);
    expect(older).toHaveLength(1);
    expect(entry).toMatchObject({ site: 'data.issy.com', trigger: 'last-tab-closed' });
    expect(entry!.removed.map((c) => c.name).sort()).toEqual(CLEARED);
  });
});
