import { browser, type Browser } from 'wxt/browser';
import { coverageOf, type Coverage } from './coverage';

/** The web address a tab shows, or `undefined` for anything else (a browser page, a file, no address). */
export function webAddress(url: string | undefined): URL | undefined {
  if (!url || !/^https?:/.test(url)) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A tab's page: its web address when the browser shows it to Témoin, and Témoin's coverage of its site. */
export interface TabPortal {
  url?: URL;
  coverage?: Coverage;
}

/**
 * Is this tab a covered portal, and which one? `tab` is a tab's id (asked of the browser, which
 * rejects when the tab is gone), the tab itself, or an address a tab shows or is loading.
 * Without access to the tab's site (a host permission, or activeTab), the browser hides its URL.
 */
export async function portalOfTab(tab: number | Pick<Browser.tabs.Tab, 'url'>): Promise<TabPortal> {
  const url = webAddress((typeof tab === 'number' ? await browser.tabs.get(tab) : tab).url);
  if (!url) return {};
  const coverage = await coverageOf(url.hostname);
  return coverage ? { url, coverage } : { url };
}

/** Does the tab still show this host? `false` once the tab is closed. */
export async function stillOnSite(tabId: number, host: string): Promise<boolean> {
  const { url } = await portalOfTab(tabId).catch((): TabPortal => ({}));
  return url?.hostname === host;
}
