/**
 * The first-visit test's two guards against a page's late writes, each on the case only it
 * handles, against the in-memory jar: the quiet wait after the pages are left (a write that lands
 * a moment after its page is gone), and the rounds of the swap (a write that lands while Témoin is
 * removing cookies, at the start or at the end), with their bound (a page that never stops).
 * Here the pages write only what each test says, when it says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { meanwhile, settlesWithin } from '../support/fake-clock';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';
import { messagesOf } from '../support/messages';

const french = await messagesOf('fr');

const PORTAL = 'https://data.issy.com/';
const sorted = (cookies: StoredCookie[]) => [...cookies].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));

type Run = typeof import('@/lib/first-visit/run');
let run: Run;
let jar: MemoryCookies;
/** Called once, right after the next removal the browser makes (then forgotten). */
let onNextRemoval: (() => Promise<void>) | undefined;

/** A cookie a page of the portal writes, as the browser reports it to the background. */
async function pageWrites(name: string, value: string) {
  await jar.set({ url: PORTAL, name, value, sameSite: 'lax', expirationDate: 1_800_000_000 });
  run.firstVisitCookieChanged(cookie({ name, value, expirationDate: 1_800_000_000 }), false, false);
}

/** The cookie as the jar holds it after `pageWrites`. */
const written = (name: string, value: string) => cookie({ name, value, expirationDate: 1_800_000_000 });

/** Runs `write` `ms` after the portal's page in `tabId` is left (its `pagehide` write lands late). */
function whenLeft(tabId: number, ms: number, write: () => Promise<void>) {
  const listener = (id: number, change: { url?: string }) => {
    if (id !== tabId || change.url === undefined || change.url.startsWith(PORTAL)) return;
    fakeBrowser.tabs.onUpdated.removeListener(listener);
    setTimeout(() => void write(), ms);
  };
  fakeBrowser.tabs.onUpdated.addListener(listener);
}

async function openPortal(url = PORTAL): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
  await fakeBrowser.tabs.update(tab.id!, { url });
  return tab.id!;
}

const named = (name: string) => jar.jar.filter((c) => c.name === name);

beforeEach(async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  fakeBrowser.reset();
  vi.resetModules();
  jar = new MemoryCookies([...portalJar(), written('_pk_id.1.a1b2', 'visitor-id')]).install();
  onNextRemoval = undefined;
  const remove = jar.remove;
  jar.remove = async (details) => {
    const removed = await remove(details);
    const then = onNextRemoval;
    onNextRemoval = undefined;
    await then?.();
    return removed;
  };
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
  // Every tab of the fake browser has loaded (it keeps no status of its own).
  const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => {
    const tab = await get(id);
    if (!tab) throw new Error(`No tab with id: ${id}`);
    return { ...tab, status: 'complete' };
  }) as never);
  (await import('@/lib/i18n/messages')).setMessages('fr', french);
  run = await import('@/lib/first-visit/run');
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a first-visit test, against a page’s late writes', () => {
  it('waits for what the visitor’s page writes a moment after it is left, and gives it back at the end', async () => {
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    // Its `pagehide` beacon's answer sets a cookie 300 ms after the page is gone.
    whenLeft(tabId, 300, () => pageWrites('last_seen', 'visitor-left'));
    await meanwhile(run.startFirstVisit(tabId, 5));
    // The first visit starts without it…
    expect(named('last_seen')).toEqual([]);
    expect(named('_pk_id.1.a1b2')).toEqual([]);
    await meanwhile(run.endFirstVisit());
    // …and the visitor gets it back, as their page last wrote it.
    expect(sorted(jar.jar)).toEqual(sorted([...before, written('last_seen', 'visitor-left')]));
    const [report] = await run.reportsItem.getValue();
    expect(report!.restored).toEqual({ cookies: before.length + 1, failed: [], storage: true });
  });

  it('sets aside again what the visitor’s page writes while their cookies are being removed', async () => {
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    // The last answer to the page that was left lands while Témoin removes the visitor's cookies.
    whenLeft(tabId, 0, async () => {
      onNextRemoval = () => pageWrites('last_seen', 'visitor-left');
    });
    await meanwhile(run.startFirstVisit(tabId, 5));
    expect(named('last_seen')).toEqual([]);
    await meanwhile(run.endFirstVisit());
    expect(sorted(jar.jar)).toEqual(sorted([...before, written('last_seen', 'visitor-left')]));
  });

  it('removes at the end what the test’s page writes while the test’s cookies are being removed', async () => {
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 5));
    // The test's page sets its own cookie and id; its last write lands during the end's removals.
    await pageWrites('_pk_id.1.a1b2', 'first-visitor-id');
    await pageWrites('first_visit', 'test');
    onNextRemoval = () => pageWrites('test_left', 'test');
    await meanwhile(run.endFirstVisit());
    expect(sorted(jar.jar)).toEqual(before);
    const [report] = await run.reportsItem.getValue();
    expect(report!.restored).toEqual({ cookies: before.length, failed: [], storage: true });
  });

  it('starts, and ends, within a bounded time beside a portal that never stops writing', async () => {
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    // What Témoin cannot unload (a worker of the portal's) writes every 100 ms, and again each
    // time a cookie is removed, for ever.
    let writes = 0;
    const again = async () => {
      writes++;
      await pageWrites('beacon', `b${writes}`);
      onNextRemoval = again;
    };
    whenLeft(tabId, 0, async () => {
      onNextRemoval = again;
      setInterval(() => void pageWrites('beacon', `b${++writes}`), 100);
    });
    // The quiet wait gives up after 5 s, and the swap is made at most three times.
    expect(await settlesWithin(run.startFirstVisit(tabId, 5), 30_000)).toBe(true);
    expect(writes).toBeGreaterThan(50);
    expect(named('_pk_id.1.a1b2')).toEqual([]);
    expect(await settlesWithin(run.endFirstVisit(), 30_000)).toBe(true);
    // The visitor's own cookies are all back, beside whatever the portal wrote last.
    expect(sorted(jar.jar.filter((c) => c.name !== 'beacon'))).toEqual(before);
    expect(await run.setAsideItem.getValue()).toBeNull();
  });
});
