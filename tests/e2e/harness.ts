import type { Browser, Page } from 'puppeteer-core';
import type { StoredCookie } from '@/lib/cookie';

export interface Ports {
  http: number;
  https: number;
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
  close(): Promise<void>;
}

/** Runs in an extension page: every cookie of issy.com in every partition of the default store. */
export async function allCookies(page: Page): Promise<StoredCookie[]> {
  return page.evaluate(async () => {
    const details: Record<string, unknown> = { domain: 'issy.com', partitionKey: {} };
    if (navigator.userAgent.includes('Firefox')) details.firstPartyDomain = null;
    const cookies = await (globalThis as any).browser?.cookies?.getAll?.(details) ??
      await new Promise((resolve) => chrome.cookies.getAll(details as chrome.cookies.GetAllDetails, resolve));
    return cookies as StoredCookie[];
  });
}

/** Runs in an extension page: the id of the tab showing `url`. */
export async function tabIdOf(page: Page, urlPattern: string): Promise<number> {
  return page.evaluate(async (pattern) => {
    const tabs: chrome.tabs.Tab[] = await new Promise((resolve) => chrome.tabs.query({ url: pattern }, resolve));
    if (!tabs[0]?.id) throw new Error(`no tab for ${pattern}`);
    return tabs[0].id;
  }, urlPattern);
}
