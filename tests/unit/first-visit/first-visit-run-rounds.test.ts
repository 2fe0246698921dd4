/**
 * The first-visit test's two guards against a page's late writes, each on the case only it
 * handles, against the in-memory jar: the quiet wait after the pages are left (a write that lands
 * a moment after its page is gone), and the rounds of the swap (a write that lands while Témoin is
 * removing cookies, at the start or at the end), with their bound (a page that never stops).
 * Here the pages write only what each test says, when it says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { meanwhile, settlesWithin } from '../support/fake-clock';
import { firstVisitBackground, openPortal, pageWrites as writes, PORTAL, sorted, stopBackground, whenLeft, written, type Background } from '../support/first-visit-background';
import { messagesOf } from '../support/messages';

const french = await messagesOf('fr');

let bg: Background;
const pageWrites = (name: string, value: string) => writes(bg, name, value);
const named = (name: string) => bg.jar.jar.filter((c) => c.name === name);

beforeEach(async () => {
  bg = await firstVisitBackground(french);
});

afterEach(stopBackground);

describe('a first-visit test, against a page’s late writes', () => {
  it('waits for what the visitor’s page writes a moment after it is left, and gives it back at the end', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    // Its `pagehide` beacon's answer sets a cookie 300 ms after the page is gone.
    whenLeft(tabId, 300, () => pageWrites('last_seen', 'visitor-left'));
    await meanwhile(bg.run.startFirstVisit(tabId, 5));
    // The first visit starts without it…
    expect(named('last_seen')).toEqual([]);
    expect(named('_pk_id.1.a1b2')).toEqual([]);
    await meanwhile(bg.run.endFirstVisit());
    // …and the visitor gets it back, as their page last wrote it.
    expect(sorted(bg.jar.jar)).toEqual(sorted([...before, written('last_seen', 'visitor-left')]));
    const [report] = await bg.run.reportsItem.getValue();
    expect(report!.restored).toEqual({ cookies: before.length + 1, failed: [], storage: true });
  });

  it('sets aside again what the visitor’s page writes while their cookies are being removed', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    // The last answer to the page that was left lands while Témoin removes the visitor's cookies.
    whenLeft(tabId, 0, async () => {
      bg.onNextRemoval = () => pageWrites('last_seen', 'visitor-left');
    });
    await meanwhile(bg.run.startFirstVisit(tabId, 5));
    expect(named('last_seen')).toEqual([]);
    await meanwhile(bg.run.endFirstVisit());
    expect(sorted(bg.jar.jar)).toEqual(sorted([...before, written('last_seen', 'visitor-left')]));
  });

  it('removes at the end what the test’s page writes while the test’s cookies are being removed', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 5));
    // The test's page sets its own cookie and id; its last write lands during the end's removals.
    await pageWrites('_pk_id.1.a1b2', 'first-visitor-id');
    await pageWrites('first_visit', 'test');
    bg.onNextRemoval = () => pageWrites('test_left', 'test');
    await meanwhile(bg.run.endFirstVisit());
    expect(sorted(bg.jar.jar)).toEqual(before);
    const [report] = await bg.run.reportsItem.getValue();
    expect(report!.restored).toEqual({ cookies: before.length, failed: [], storage: true });
  });

  it('starts, and ends, within a bounded time beside a portal that never stops writing', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    // What Témoin cannot unload (a worker of the portal's) writes every 100 ms, and again each
    // time a cookie is removed, for ever.
    let writes = 0;
    const again = async () => {
      writes++;
      await pageWrites('beacon', `b${writes}`);
      bg.onNextRemoval = again;
    };
    whenLeft(tabId, 0, async () => {
      bg.onNextRemoval = again;
      setInterval(() => void pageWrites('beacon', `b${++writes}`), 100);
    });
    // The quiet wait gives up after 5 s, and the swap is made at most three times.
    expect(await settlesWithin(bg.run.startFirstVisit(tabId, 5), 30_000)).toBe(true);
    expect(writes).toBeGreaterThan(50);
    expect(named('_pk_id.1.a1b2')).toEqual([]);
    expect(await settlesWithin(bg.run.endFirstVisit(), 30_000)).toBe(true);
    // The visitor's own cookies are all back, beside whatever the portal wrote last.
    expect(sorted(bg.jar.jar.filter((c) => c.name !== 'beacon'))).toEqual(before);
    expect(await bg.run.setAsideItem.getValue()).toBeNull();
  });

  it('starts at once beside a quiet portal', async () => {
    const tabId = await openPortal();
    expect(await settlesWithin(bg.run.startFirstVisit(tabId, 5), 2000)).toBe(true);
    expect(named('_pk_id.1.a1b2')).toEqual([]);
  });

  it('waits for a page that takes its time to leave, and for what it writes as it goes', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    // Sent to a blank page, the portal's page stays a moment (its navigation has not begun), then
    // runs its handlers while the blank page loads; its last write lands as the tab completes.
    let leftAt: number | undefined;
    fakeBrowser.tabs.onUpdated.addListener((id, change) => {
      if (id === tabId && change.url === 'about:blank' && leftAt === undefined) {
        leftAt = Date.now();
        setTimeout(() => void pageWrites('last_seen', 'visitor-left'), 2050);
      }
    });
    const get = vi.mocked(fakeBrowser.tabs.get).getMockImplementation() as unknown as (id: number) => Promise<Record<string, unknown>>;
    vi.mocked(fakeBrowser.tabs.get).mockImplementation((async (id: number) => {
      const tab = await get(id);
      const since = leftAt === undefined ? Infinity : Date.now() - leftAt;
      if (id !== tabId || since >= 2000) return tab;
      if (since < 300) return { ...tab, url: PORTAL, status: 'complete' };
      if (since < 1000) return { ...tab, url: PORTAL, pendingUrl: 'about:blank', status: 'loading' };
      return { ...tab, url: 'about:blank', status: 'loading' };
    }) as never);
    await meanwhile(bg.run.startFirstVisit(tabId, 5));
    expect(named('last_seen')).toEqual([]);
    await meanwhile(bg.run.endFirstVisit());
    expect(sorted(bg.jar.jar)).toEqual(sorted([...before, written('last_seen', 'visitor-left')]));
  });

  it('removes none of the visitor’s cookies when their copy cannot be written at the swap, and loads their page again', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    let removals = 0;
    bg.onNextRemoval = async () => void removals++;
    // The first copy (storage only) is written; the one with the cookies is refused.
    let copies = 0;
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((async (items: Record<string, unknown>) => {
      if ('first-visit' in items && items['first-visit'] !== null && ++copies > 1) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    }) as never);
    await expect(meanwhile(bg.run.startFirstVisit(tabId, 5))).rejects.toThrow(
      'Le navigateur n’a pas pu enregistrer la copie de vos cookies mise de côté\u00a0: l’espace de stockage de Témoin est plein.',
    );
    await meanwhile(bg.run.endFirstVisit());
    expect(removals).toBe(0);
    expect(sorted(bg.jar.jar)).toEqual(before);
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe(PORTAL);
    expect(await bg.run.reportsItem.getValue()).toEqual([]);
  });

  it('has the visitor’s cookies on disk before it removes the first of them', async () => {
    const tabId = await openPortal();
    let onDisk: string[] | undefined;
    bg.onNextRemoval = async () => {
      onDisk = (await bg.run.setAsideItem.getValue())?.cookies.map((c) => c.name);
    };
    await meanwhile(bg.run.startFirstVisit(tabId, 5));
    expect(onDisk).toContain('_pk_id.1.a1b2');
    expect(onDisk).toContain('sessionid');
    await meanwhile(bg.run.endFirstVisit());
  });
});
