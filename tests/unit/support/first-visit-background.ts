/**
 * The background of a first-visit test, for a test file's `beforeEach`: fake timers, an empty fake
 * browser whose tabs have all loaded, the in-memory jar holding the portal's cookies and the
 * visitor's Matomo id, and `lib/first-visit/run.ts` loaded afresh, speaking French. Pages write
 * only what each test makes them write (`pageWrites`); their storage cannot be scripted here.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import type { MessagesJson } from '@/lib/i18n/messages';
import { cookie, MemoryCookies, portalJar } from './memory-cookies';

export const PORTAL = 'https://data.issy.com/';

export type Run = typeof import('@/lib/first-visit/run');

export const sorted = (cookies: StoredCookie[]) => [...cookies].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));

/** A lasting cookie of the portal's host, as a page writes it and the jar then holds it. */
export const written = (name: string, value: string) => cookie({ name, value, expirationDate: 1_800_000_000 });

export interface Background {
  run: Run;
  jar: MemoryCookies;
  /** Called once, right after the next removal the browser makes (then forgotten). */
  onNextRemoval?: () => Promise<void>;
}

/** Starts the fake timers and browser, fills the jar, and loads the module. */
export async function firstVisitBackground(french: MessagesJson): Promise<Background> {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  fakeBrowser.reset();
  vi.resetModules();
  const jar = new MemoryCookies([...portalJar(), written('_pk_id.1.a1b2', 'visitor-id')]).install();
  const background = { jar } as Background;
  const remove = jar.remove;
  jar.remove = async (details) => {
    const removed = await remove(details);
    const then = background.onNextRemoval;
    background.onNextRemoval = undefined;
    await then?.();
    return removed;
  };
  everyTabLoaded();
  (await import('@/lib/i18n/messages')).setMessages('fr', french);
  background.run = await import('@/lib/first-visit/run');
  return background;
}

/** The background's version, and every tab of the fake browser loaded (it keeps no status of its own). */
export function everyTabLoaded(): void {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
  const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => {
    const tab = await get(id);
    if (!tab) throw new Error(`No tab with id: ${id}`);
    return { ...tab, status: 'complete' };
  }) as never);
}

/** A cookie a page of the portal writes, as the browser reports it to the background. */
export async function pageWrites(background: Background, name: string, value: string): Promise<void> {
  await background.jar.set({ url: PORTAL, name, value, sameSite: 'lax', expirationDate: 1_800_000_000 });
  background.run.firstVisitCookieChanged(written(name, value), false, false);
}

/** Runs `write` `ms` after the portal's page in `tabId` is left (its `pagehide` write lands late). */
export function whenLeft(tabId: number, ms: number, write: () => Promise<void>): void {
  const listener = (id: number, change: { url?: string }) => {
    if (id !== tabId || change.url === undefined || change.url.startsWith(PORTAL)) return;
    fakeBrowser.tabs.onUpdated.removeListener(listener);
    setTimeout(() => void write(), ms);
  };
  fakeBrowser.tabs.onUpdated.addListener(listener);
}

export async function openPortal(url = PORTAL): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
  await fakeBrowser.tabs.update(tab.id!, { url });
  return tab.id!;
}

export function stopBackground(): void {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
}

/**
 * The pages' storage, behind a fake `browser.scripting`: localStorage by origin, sessionStorage by
 * tab, each a list of entries in order. A page answers the page script's requests (probe, take,
 * put) as lib/page/storage.ts does; a tab that shows no web page cannot be scripted.
 */
export interface PageStorage {
  local: Map<string, [string, string][]>;
  session: Map<number, [string, string][]>;
  /** Tabs whose page refuses every script (a page still loading, a site without permission). */
  unscriptable: Set<number>;
}

export function pageStorage(): PageStorage {
  const storage: PageStorage = { local: new Map(), session: new Map(), unscriptable: new Set() };
  const get = fakeBrowser.tabs.get;
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: {
    target: { tabId: number };
    files?: string[];
    args?: [string, string, unknown[]];
  }) => {
    const { tabId } = injection.target;
    const tab = await get(tabId);
    if (!tab.url?.startsWith('http') || storage.unscriptable.has(tabId)) throw new Error('Cannot access contents of the page.');
    const origin = new URL(tab.url).origin;
    const local = storage.local.get(origin) ?? [];
    const session = storage.session.get(tabId) ?? [];
    const probe = () => ({
      cookieNames: [],
      localStorageKeys: local.map(([key]) => key),
      sessionStorageKeys: session.map(([key]) => key),
      localStorageCount: local.length,
      sessionStorageCount: session.length,
      opendatasoftMarkup: true,
    });
    if (injection.files) return [{ result: probe() }];
    const [, name, args] = injection.args!;
    const answers: Record<string, () => unknown> = {
      probe,
      takeStorage: () => {
        storage.local.set(origin, []);
        storage.session.set(tabId, []);
        return { local, session };
      },
      putStorage: () => {
        const entries = args[0] as { local: [string, string][]; session: [string, string][] };
        storage.local.set(origin, [...entries.local]);
        storage.session.set(tabId, [...entries.session]);
        return true;
      },
      putSessionStorage: () => {
        storage.session.set(tabId, [...(args[0] as [string, string][])]);
        return true;
      },
    };
    return [{ result: answers[name]!() }];
  }) as never);
  return storage;
}
