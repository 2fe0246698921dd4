import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error a plain JavaScript module, also run by hand
import { startReplica as start } from '../replica/server.mjs';
import { newestTabId, type ExtensionBrowser, type LaunchOptions, type Ports } from './harness';

/** The replica portals (tests/replica/server.mjs). */
export interface Replica {
  httpPort: number;
  httpsPort: number;
  /** Which charter page data.issy.com serves. */
  setIssyCharter(
    mode: 'published' | 'extended' | 'newer' | 'unclear' | 'missing' | 'garbage' | 'hanging' | 'elsewhere' | 'octet' | 'nested' | 'formula',
  ): void;
  /** Every request the replica received, in order; data.issy.com's charter page's says which one it served. */
  requests(): { host: string; path: string; withCookies: boolean; charter?: string }[];
  /**
   * How the portals' pages behave: `misbehaving` sets a tracker before any choice and another
   * after a refusal; `flood` sets 1,200 cookies with long names and paths.
   */
  setBehaviour(mode: 'standard' | 'misbehaving' | 'flood'): void;
  close(): Promise<void>;
}

export const startReplica = start as () => Promise<Replica>;

/** What a describe block works with: the replica, the browser, and an extension page to look through. */
export interface Session {
  replica: Replica;
  browser: ExtensionBrowser;
  /** An extension page kept open to read the browser's cookies, tabs and permissions. */
  control: Page;
  /** Opens a page in a new tab, then the popup reporting on that tab. */
  openPopupOn(url: string): Promise<Page>;
}

/** Starts the replica and the browser before the block's tests, and stops both after. */
export function useSession(
  launch: (ports: Ports, options?: LaunchOptions) => Promise<ExtensionBrowser>,
  options?: LaunchOptions,
): Session {
  const session = {
    async openPopupOn(url: string) {
      await session.browser.openPage(url);
      // By the newest tab, not its URL: without permission for a site, Témoin cannot see it.
      const tabId = await newestTabId(session.control);
      return session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    },
  } as Session;
  beforeAll(async () => {
    session.replica = await startReplica();
    session.browser = await launch({ http: session.replica.httpPort, https: session.replica.httpsPort }, options);
    session.control = await session.browser.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.replica?.close();
  });
  return session;
}
