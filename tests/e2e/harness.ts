import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { StoredCookie } from '@/lib/cookies/model';

/** The host names the replica answers for: three portals, their parent domains, and a site that is not a portal. */
export const REPLICA_HOSTS = ['data.issy.com', 'issy.com', 'geo.issy.com', 'opendata.ville-exemple.fr', 'ville-exemple.fr', 'elsewhere.example'];

export interface Ports {
  http: number;
  https: number;
}

/** How a test wants the browser: light or dark pages (`prefers-color-scheme`). */
export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** A profile directory the browser keeps when it closes, to be launched again on it (Chromium). */
  profile?: string;
  /** Preferences of this launch (Firefox): `extensions.background.idle.timeout` suspends the event page sooner. */
  prefs?: Record<string, string | number | boolean>;
  /** The browser's own language, which Témoin's follows unless the visitor chose one: French unless told. */
  language?: 'fr' | 'en';
}

/** A real browser with the built extension loaded, whichever engine it is. */
export interface ExtensionBrowser {
  name: 'chromium' | 'firefox';
  browser: Browser;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` */
  extensionOrigin: string;
  /** Opens a web page in a new tab and waits for it to load. */
  openPage(url: string): Promise<Page>;
  /** Opens one of the extension's pages (`popup.html?tabId=3`, `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Grants an optional host permission as the visitor's « Autoriser » would, through the real
   * `permissions.request` on a real click. Only where the browser lets a test answer its prompt
   * (Firefox); Chromium offers no way to, so it has none.
   */
  grantHostPermission?(pattern: string): Promise<void>;
  /**
   * Opens the real toolbar popup, on the active tab of the focused window, as the visitor's
   * click on Témoin's icon does. Only where a test can (Chromium's `action.openPopup`); the
   * other tests open `popup.html?tabId=` in a tab.
   */
  openToolbarPopup?(): Promise<Page>;
  close(): Promise<void>;
}

/** Runs in an extension page: every cookie of a domain in every partition of the default store. */
export async function allCookies(page: Page, domain = 'issy.com'): Promise<StoredCookie[]> {
  return page.evaluate(async (domain) => {
    const details: Record<string, unknown> = { domain, partitionKey: {} };
    if (navigator.userAgent.includes('Firefox')) details.firstPartyDomain = null;
    const cookies = await (globalThis as any).browser?.cookies?.getAll?.(details) ??
      await new Promise((resolve) => chrome.cookies.getAll(details as chrome.cookies.GetAllDetails, resolve));
    return cookies as StoredCookie[];
  }, domain);
}

/** What tells two cookies apart: their store, partition, domain, path and name. */
export const cookieKey = (c: StoredCookie) => JSON.stringify([c.storeId, c.partitionKey?.topLevelSite ?? '', c.domain, c.path, c.name]);

/** A jar in a fixed order, to compare whole: every attribute counts. */
export const sortedJar = (cookies: StoredCookie[]) => [...cookies].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));

/**
 * The same, each expiry to the second: a cookie Témoin recreates, or a page writes again, keeps
 * its date but not always its fraction of a second.
 */
export const sortedJarToSecond = (cookies: StoredCookie[]) =>
  sortedJar(cookies).map(({ expirationDate, ...c }) => ({ ...c, expires: Math.round(expirationDate ?? 0) }));

/** Runs in an extension page: the id of the tab showing exactly `url`. */
export async function tabAt(page: Page, url: string): Promise<number> {
  return page.evaluate(async (u) => {
    const tabs: chrome.tabs.Tab[] = await new Promise((resolve) => chrome.tabs.query({}, resolve));
    const tab = tabs.find((t) => t.url === u);
    if (!tab?.id) throw new Error(`no tab at ${u}`);
    return tab.id;
  }, url);
}

/** Runs in an extension page: the id of the tab showing `url`. */
export async function tabIdOf(page: Page, urlPattern: string): Promise<number> {
  return page.evaluate(async (pattern) => {
    const tabs: chrome.tabs.Tab[] = await new Promise((resolve) => chrome.tabs.query({ url: pattern }, resolve));
    if (!tabs[0]?.id) throw new Error(`no tab for ${pattern}`);
    return tabs[0].id;
  }, urlPattern);
}

/**
 * Runs in an extension page: the id of the most recently opened tab. Works without access to
 * the tab's site, when its URL is hidden from Témoin.
 */
export async function newestTabId(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const tabs: chrome.tabs.Tab[] = await new Promise((resolve) => chrome.tabs.query({}, resolve));
    return Math.max(...tabs.map((tab) => tab.id ?? -1));
  });
}

/** The text of a cookie's row, once the row is there with its folded details (they load just after the row). */
export async function rowText(page: Page, name: string): Promise<string> {
  const handle = await page.waitForFunction(
    (n) => {
      const row = [...document.querySelectorAll('li.cookie')].find((li) => li.querySelector('code.name')?.textContent === n);
      const details = row?.querySelector<HTMLElement>('.details');
      if (!row || details?.childElementCount === 0) return false;
      // Firefox leaves out of `innerText` what a clipped (folded) box holds: its text is added then.
      const whole = (row as HTMLElement).innerText;
      return details && !details.innerText.trim() ? `${whole} ${details.textContent}` : whole;
    },
    { timeout: 10_000 },
    name,
  );
  return ((await handle.jsonValue()) as string).replace(/\s+/g, ' ');
}

/**
 * Clicks an enabled button by its label, as a visitor would: a real, trusted click. A busy button
 * is `aria-disabled` (it keeps focus) rather than `disabled`: it is waited for too.
 */
export async function clickButton(page: Page, label: string) {
  const find = () =>
    page.waitForFunction(
      (l) =>
        [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === l && !b.disabled && b.getAttribute('aria-disabled') !== 'true',
        ) ?? false,
      { timeout: 10_000 },
      label,
    ) as Promise<ElementHandle<HTMLButtonElement>>;
  let button = await find();
  await settled(button);
  // Drawn again while it settled: the button now in the page is the one to click.
  if (!(await button.evaluate((b) => b.isConnected))) button = await find();
  await button.click();
}

/**
 * Waits until an element stays in place for 100 ms (or 5 s): a page still drawing what it read
 * may move it, and a click aimed at where it was would land beside it. Timers rather than frames:
 * a page in a tab behind others gets no frame.
 */
export async function settled(element: ElementHandle<Element>) {
  await element.evaluate(async (el) => {
    const where = () => JSON.stringify(el.getBoundingClientRect());
    const frame = () => new Promise((resolve) => setTimeout(resolve, 50));
    const until = Date.now() + 5000;
    let before = where();
    for (let still = 0; still < 2 && Date.now() < until; ) {
      await frame();
      const now = where();
      still = now === before ? still + 1 : 0;
      before = now;
    }
  });
}

export async function waitForText(page: Page, text: string) {
  await page.waitForFunction((t) => document.body.innerText.replace(/\s+/g, ' ').includes(t), { timeout: 10_000 }, text);
}

/** What the page's live region says, once it matches: « Suppression annulée sur data.issy.com : 3 cookies restaurés. » */
export async function waitForOutcome(page: Page, pattern: RegExp): Promise<string> {
  const handle = await page.waitForFunction(
    (source) => {
      const text = document.querySelector('[data-live-region]')?.textContent?.replace(/\s+/g, ' ').trim();
      return text && new RegExp(source).test(text) ? text : false;
    },
    { timeout: 10_000 },
    pattern.source,
  );
  return (await handle.jsonValue()) as string;
}

/** Calls `permissions.request` from an extension page, on a trusted click, and returns its answer. */
export async function requestPermission(page: Page, pattern: string): Promise<boolean> {
  await page.evaluate((pattern) => {
    const button = document.createElement('button');
    button.id = 'test-request-permission';
    button.onclick = () => {
      // Firefox's `chrome` namespace answers by callback; its `browser` one by promise.
      const api = ((globalThis as any).browser ?? chrome) as typeof chrome;
      api.permissions.request({ origins: [pattern] }).then(
        (granted) => (button.dataset.answer = String(granted)),
        (error: Error) => (button.dataset.answer = `error: ${error.message}`),
      );
    };
    document.body.prepend(button);
  }, pattern);
  await page.click('#test-request-permission');
  const answer = await page.waitForFunction(
    () => document.getElementById('test-request-permission')?.dataset.answer ?? false,
    { timeout: 10_000 },
  );
  await page.evaluate(() => document.getElementById('test-request-permission')?.remove());
  const value = (await answer.jsonValue()) as string;
  if (value.startsWith('error')) throw new Error(value);
  return value === 'true';
}

/**
 * An extension page is drawn once its language is loaded (each page's main.ts awaits it before
 * mounting): what the page says can be read only then, not at its `load` event.
 */
export async function drawn(page: Page): Promise<Page> {
  await page.waitForFunction(() => {
    const app = document.getElementById('app');
    return !app || app.childElementCount > 0;
  }, { timeout: 15_000, polling: 50 });
  return page;
}

/** Clicks an export button of `popup` and reads the file it hands to the browser. */
export async function exported(popup: Page, label: string): Promise<string> {
  await popup.evaluate(() => {
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      void blob.text().then((text) => ((window as any).lastExport = text));
      return original(blob);
    };
    (window as any).lastExport = undefined;
  });
  await clickButton(popup, label);
  const handle = await popup.waitForFunction(() => (window as any).lastExport ?? false, { timeout: 10_000 });
  return (await handle.jsonValue()) as string;
}
