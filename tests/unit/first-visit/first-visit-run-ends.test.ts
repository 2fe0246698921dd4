/**
 * How a first-visit test starts and ends, against the in-memory jar and pages whose storage the
 * page script can take and put back: what it refuses, its end when its time is up, when the
 * visitor leaves the portal or closes the tab, what its report says, and the visitor's storage
 * put back, in the tab, through a tab opened for it, or when the visitor returns.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { meanwhile } from '../support/fake-clock';
import {
  firstVisitBackground,
  openPortal,
  pageStorage,
  pageWrites as writes,
  PORTAL,
  sorted,
  stopBackground,
  type Background,
  type PageStorage,
} from '../support/first-visit-background';
import { restoredSentences } from '@/lib/first-visit/shown';
import { cookie } from '../support/memory-cookies';
import { messagesOf } from '../support/messages';

const french = await messagesOf('fr');
const ORIGIN = 'https://data.issy.com';
const ELSEWHERE = 'https://elsewhere.example/';

let bg: Background;
let pages: PageStorage;
const pageWrites = (name: string, value: string) => writes(bg, name, value);

beforeEach(async () => {
  bg = await firstVisitBackground(french);
  pages = pageStorage();
});

afterEach(stopBackground);

/** The fake browser removes the tab, then fails to find its window: the tab is gone all the same. */
const closeTab = (tabId: number) => fakeBrowser.tabs.remove(tabId).catch(() => {});

const latestReport = async () => (await bg.run.reportsItem.getValue())[0]!;

/**
 * The browser closes mid-test and starts again: the background's memory and timers go, and session
 * storage with them; the copy on disk stays, and the new background puts the jar back from it.
 */
async function browserRestarts(): Promise<void> {
  vi.clearAllTimers();
  await fakeBrowser.storage.session.clear();
  vi.resetModules();
  (await import('@/lib/i18n/messages')).setMessages('fr', french);
  bg.run = await import('@/lib/first-visit/run');
  await meanwhile(bg.run.recoverFirstVisit());
}

describe('a first-visit test, as it starts', () => {
  it('refuses, in French, a duration it does not offer, a tab off the portals, and a second test, and changes nothing', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    await expect(bg.run.startFirstVisit(tabId, 7)).rejects.toThrow('Durée de test non prévue\u00a0: 7\u00a0s.');
    const away = await openPortal(ELSEWHERE);
    await expect(bg.run.startFirstVisit(away, 5)).rejects.toThrow('Témoin ne couvre pas le site de cet onglet.');
    // Asked twice at once, as two popups would: the second is refused while the first starts.
    const first = bg.run.startFirstVisit(tabId, 5);
    await expect(bg.run.startFirstVisit(tabId, 5)).rejects.toThrow('Un test de première visite est déjà en cours.');
    await meanwhile(first);
    await expect(bg.run.startFirstVisit(tabId, 10)).rejects.toThrow('Un test de première visite est déjà en cours.');
    await meanwhile(bg.run.endFirstVisit());
    expect(sorted(bg.jar.jar)).toEqual(before);
    // Once over, another may start.
    await meanwhile(bg.run.startFirstVisit(tabId, 10));
    await meanwhile(bg.run.endFirstVisit());
    expect(sorted(bg.jar.jar)).toEqual(before);
  });

  it('runs in the tab’s own store, and leaves the other stores alone', async () => {
    const inContainer = cookie({ name: '_pk_id.1.a1b2', value: 'container-id', storeId: 'firefox-container-1' });
    bg.jar.jar.push(inContainer);
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 5));
    expect(bg.jar.jar.filter((c) => c.storeId === '0')).toEqual([]);
    expect(bg.jar.jar).toContainEqual(inContainer);
    // A page of the container writes meanwhile: not the test's.
    bg.run.firstVisitCookieChanged({ ...inContainer, value: 'other' }, false, false);
    await meanwhile(bg.run.endFirstVisit());
    expect((await latestReport()).cookies).toEqual([]);
  });

  it('takes the page’s storage aside, starts with none, and puts it back exactly in the tab at the end', async () => {
    pages.local.set(ORIGIN, [['ods-theme', 'dark'], ['ods-recent', '[1,2]']]);
    const tabId = await openPortal();
    pages.session.set(tabId, [['search', 'budget']]);
    await meanwhile(bg.run.startFirstVisit(tabId, 5));
    expect(pages.local.get(ORIGIN)).toEqual([]);
    expect(pages.session.get(tabId)).toEqual([]);
    // On disk, only what outlives the browser: the tab's sessionStorage is kept for the session.
    const onDisk = await bg.run.setAsideItem.getValue();
    expect(onDisk!.storage).toEqual({ local: [['ods-theme', 'dark'], ['ods-recent', '[1,2]']], session: [] });
    expect(onDisk!.sessionKeys).toBe(1);
    expect((await bg.run.asideSessionItem.getValue())!.entries).toEqual([['search', 'budget']]);
    // The first visit's page writes its own.
    pages.local.set(ORIGIN, [['ods-theme', 'light']]);
    await meanwhile(bg.run.endFirstVisit());
    expect(pages.local.get(ORIGIN)).toEqual([['ods-theme', 'dark'], ['ods-recent', '[1,2]']]);
    expect(pages.session.get(tabId)).toEqual([['search', 'budget']]);
    const report = await latestReport();
    expect(report.restored.storage).toBe(true);
    expect(report.restored.storageNote).toBeUndefined();
    // What the first visit's page held at the end, names only.
    expect(report.storage.map((s) => s.key)).toEqual(['ods-theme']);
    expect(await bg.run.asideSessionItem.getValue()).toBeNull();
  });
});

describe('a first-visit test, beside cookies it cannot move', () => {
  it('starts beside a large jar whose bulk lies at paths it leaves in place', async () => {
    // About 2.4 MB of values at paths Chromium cannot address: left where they are, not set aside.
    const odd = Array.from({ length: 600 }, (_, i) => cookie({ name: `odd${i}`, path: `/a b/${i}`, value: 'v'.repeat(4000) }));
    bg.jar.jar.push(...odd);
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 5));
    expect(bg.jar.jar.filter((c) => c.name.startsWith('odd'))).toHaveLength(600);
    await meanwhile(bg.run.endFirstVisit());
    expect(sorted(bg.jar.jar)).toEqual(before);
    const { restored } = await latestReport();
    expect(restored.untouched).toHaveLength(600);
    // They are the visitor's: not named among the test's cookies the browser would not remove.
    expect(restored.leftover).toBeUndefined();
  });

  it('refuses a jar too large before leaving any page', async () => {
    const long = Array.from({ length: 450 }, (_, i) =>
      cookie({ name: `_flood${String(i).padStart(4, '0')}_${'n'.repeat(3000)}`, value: 'v'.repeat(1000), path: `/${i}/${'p'.repeat(1000)}` }),
    );
    bg.jar.jar.push(...long);
    const tabId = await openPortal();
    const other = await openPortal(`${PORTAL}explore/`);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await expect(meanwhile(bg.run.startFirstVisit(tabId, 5))).rejects.toThrow(/^Vos cookies et le stockage de ce portail sont trop volumineux/);
    await meanwhile(bg.run.endFirstVisit());
    expect(update).not.toHaveBeenCalled();
    expect((await fakeBrowser.tabs.get(other)).url).toBe(`${PORTAL}explore/`);
  });
});

describe('a first-visit test, as it ends', () => {
  it('ends by itself once its time is up, says how long it watched, and puts the jar back', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    const started = await meanwhile(bg.run.startFirstVisit(tabId, 10));
    expect(started.running).toMatchObject({ site: 'data.issy.com', seconds: 10 });
    expect(started.running!.endsAt - started.running!.startedAt).toBe(10_000);
    expect(await bg.run.firstVisitStatus(tabId)).toEqual(started);
    await vi.advanceTimersByTimeAsync(9000);
    expect((await bg.run.firstVisitStatus(tabId)).running).toEqual(started.running);
    expect(await bg.run.reportsItem.getValue()).toEqual([]);
    await vi.advanceTimersByTimeAsync(3000);
    await meanwhile(bg.run.endFirstVisit());
    const report = await latestReport();
    expect(report).toMatchObject({ tabId, site: 'data.issy.com', page: PORTAL, storeId: '0', seconds: 10 });
    expect(report.stopped).toBeUndefined();
    expect(report.startedAt).toBe(new Date(started.running!.startedAt).toISOString());
    expect(sorted(bg.jar.jar)).toEqual(before);
    expect(await bg.run.firstVisitStatus(tabId)).toEqual({ report });
  });

  it('goes on while the visitor browses the portal in the tab, and ends when they leave it, saying so', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    await fakeBrowser.tabs.update(tabId, { url: `${PORTAL}explore/` });
    bg.run.firstVisitTabUpdated(tabId, `${PORTAL}explore/`, 'loading', `${PORTAL}explore/`);
    bg.run.firstVisitTabUpdated(tabId, undefined, 'complete', `${PORTAL}explore/`);
    await vi.advanceTimersByTimeAsync(3000);
    expect((await bg.run.firstVisitStatus(tabId)).running).toBeDefined();
    await fakeBrowser.tabs.update(tabId, { url: ELSEWHERE });
    bg.run.firstVisitTabUpdated(tabId, ELSEWHERE, 'loading', ELSEWHERE);
    await meanwhile(bg.run.endFirstVisit());
    expect((await latestReport()).stopped).toBe('vous avez quitté le portail pendant le test');
    expect(sorted(bg.jar.jar)).toEqual(before);
    // The visitor's tab stays where they took it.
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe(ELSEWHERE);
  });

  it('leaves the tested tab on the blank page the visitor opened in it', async () => {
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    await fakeBrowser.tabs.update(tabId, { url: 'about:blank' });
    bg.run.firstVisitTabUpdated(tabId, 'about:blank', 'loading', 'about:blank');
    await meanwhile(bg.run.endFirstVisit());
    expect((await latestReport()).stopped).toBe('vous avez quitté le portail pendant le test');
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe('about:blank');
  });

  it('notices, by asking every second, a tab taken elsewhere or closed without the browser telling', async () => {
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    await fakeBrowser.tabs.update(tabId, { url: ELSEWHERE });
    await vi.advanceTimersByTimeAsync(1500);
    await meanwhile(bg.run.endFirstVisit());
    expect((await latestReport()).stopped).toBe('vous avez quitté le portail pendant le test');

    const second = await openPortal();
    await meanwhile(bg.run.startFirstVisit(second, 30));
    await closeTab(second);
    await vi.advanceTimersByTimeAsync(1500);
    await meanwhile(bg.run.endFirstVisit());
    expect((await latestReport()).stopped).toBe('l’onglet a été fermé pendant le test');
  });

  it('ends when its tab is closed, and ignores other tabs closed', async () => {
    const before = sorted(bg.jar.jar);
    const tabId = await openPortal();
    const other = await openPortal(ELSEWHERE);
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    bg.run.firstVisitTabRemoved(other);
    bg.run.firstVisitTabUpdated(other, `${PORTAL}explore/`, 'loading', `${PORTAL}explore/`);
    expect((await bg.run.firstVisitStatus(tabId)).running).toBeDefined();
    await closeTab(tabId);
    bg.run.firstVisitTabRemoved(tabId);
    await meanwhile(bg.run.endFirstVisit());
    expect((await latestReport()).stopped).toBe('l’onglet a été fermé pendant le test');
    expect(sorted(bg.jar.jar)).toEqual(before);
  });

  it('reports what the portal set before the visitor’s choice, and when the choice was made', async () => {
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    await pageWrites('_pk_id.1.a1b2', 'first-visitor');
    await vi.advanceTimersByTimeAsync(100);
    await pageWrites('_pk_id.1.a1b2', 'first-visitor-again');
    // Neither Témoin's own writes, nor removals, nor another site's cookies count.
    bg.run.firstVisitCookieChanged(cookie({ name: 'own' }), false, true);
    bg.run.firstVisitCookieChanged(cookie({ name: 'gone' }), true, false);
    bg.run.firstVisitCookieChanged(cookie({ name: 'far', domain: 'elsewhere.example' }), false, false);
    await vi.advanceTimersByTimeAsync(100);
    await pageWrites('cookies_preferences', '%7B%7D');
    const choice = Date.now();
    await vi.advanceTimersByTimeAsync(100);
    await pageWrites('_ga', 'after-the-choice');
    await meanwhile(bg.run.endFirstVisit());
    const report = await latestReport();
    expect(report.choiceMadeAt).toBe(new Date(choice).toISOString());
    // The choice itself and what came after are not a first visit's.
    expect(report.cookies.map((c) => c.cookie.name)).toEqual(['_pk_id.1.a1b2']);
  });
});

describe('a first-visit test’s report', () => {
  it('names the test’s cookies the browser refused to remove at the end, and still gives the visitor theirs', async () => {
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    await pageWrites('stuck', 'test');
    bg.jar.refuseRemoval.add('stuck');
    await meanwhile(bg.run.endFirstVisit());
    const { restored } = await latestReport();
    expect(restored.leftover).toEqual([{ cookie: { name: 'stuck', domain: 'data.issy.com', path: '/' }, reason: 'le navigateur a refusé la suppression' }]);
    expect(restored.failed).toEqual([]);
    expect(bg.jar.jar.find((c) => c.name === '_pk_id.1.a1b2')?.value).toBe('visitor-id');
  });

  it('keeps the ten latest reports, the newest first', async () => {
    const tabId = await openPortal();
    const started: string[] = [];
    for (let i = 0; i < 11; i++) {
      const { running } = await meanwhile(bg.run.startFirstVisit(tabId, 5));
      started.unshift(new Date(running!.startedAt).toISOString());
      await meanwhile(bg.run.endFirstVisit());
    }
    expect((await bg.run.reportsItem.getValue()).map((r) => r.startedAt)).toEqual(started.slice(0, 10));
  });
});

describe('a first-visit test, putting the visitor’s storage back', () => {
  it('puts localStorage back through a tab of its own when the visitor left, and sessionStorage when they return', async () => {
    pages.local.set(ORIGIN, [['ods-theme', 'dark']]);
    const tabId = await openPortal();
    pages.session.set(tabId, [['search', 'budget']]);
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    await fakeBrowser.tabs.update(tabId, { url: ELSEWHERE });
    bg.run.firstVisitTabUpdated(tabId, ELSEWHERE, 'loading', ELSEWHERE);
    await meanwhile(bg.run.endFirstVisit());
    expect(pages.local.get(ORIGIN)).toEqual([['ods-theme', 'dark']]);
    // The tab it opened for that is closed again.
    expect((await fakeBrowser.tabs.query({})).filter((t) => t.url?.startsWith(ORIGIN))).toEqual([]);
    let report = await latestReport();
    expect(report.restored.storage).toBe(false);
    expect(report.restored.storageNote).toBe(
      'Le stockage de session de l’onglet sera remis en place quand vous reviendrez sur data.issy.com dans cet onglet.',
    );
    // Another tab coming to the portal does not take it, nor this tab elsewhere.
    const other = await openPortal();
    bg.run.firstVisitTabUpdated(other, undefined, 'complete', PORTAL);
    bg.run.firstVisitTabUpdated(tabId, undefined, 'complete', ELSEWHERE);
    await vi.advanceTimersByTimeAsync(100);
    expect(pages.session.get(other)).toBeUndefined();
    // The visitor comes back to the portal in that tab.
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
    await fakeBrowser.tabs.update(tabId, { url: `${PORTAL}explore/` });
    bg.run.firstVisitTabUpdated(tabId, undefined, 'complete', `${PORTAL}explore/`);
    await vi.advanceTimersByTimeAsync(100);
    expect(pages.session.get(tabId)).toEqual([['search', 'budget']]);
    expect(reload).toHaveBeenCalledWith(tabId);
    report = await latestReport();
    expect(report.restored.storage).toBe(true);
    expect(report.restored.storageNote).toBe('Le stockage de session de l’onglet a été remis en place à votre retour sur le portail.');
    // Once only.
    expect(await bg.run.sessionReturnItem.getValue()).toBeNull();
  });

  it('says the tab’s sessionStorage went with a tab closed during the test, and still puts localStorage back', async () => {
    pages.local.set(ORIGIN, [['ods-theme', 'dark']]);
    const tabId = await openPortal();
    pages.session.set(tabId, [['search', 'budget']]);
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    await closeTab(tabId);
    bg.run.firstVisitTabRemoved(tabId);
    await meanwhile(bg.run.endFirstVisit());
    expect(pages.local.get(ORIGIN)).toEqual([['ods-theme', 'dark']]);
    const { restored } = await latestReport();
    expect(restored.storage).toBe(false);
    expect(restored.storageNote).toBe('Le stockage de session de l’onglet testé a disparu avec l’onglet.');
    expect(await bg.run.sessionReturnItem.getValue()).toBeNull();
  });

  it('opens no tab to write back a localStorage the visitor did not have', async () => {
    const tabId = await openPortal();
    pages.session.set(tabId, [['search', 'budget']]);
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await closeTab(tabId);
    bg.run.firstVisitTabRemoved(tabId);
    await meanwhile(bg.run.endFirstVisit());
    expect(create).not.toHaveBeenCalled();
    expect((await latestReport()).restored.storageNote).toBe('Le stockage de session de l’onglet testé a disparu avec l’onglet.');
  });

  it('says nothing of sessionStorage after a browser closed mid-test when the tab had none', async () => {
    pages.local.set(ORIGIN, [['ods-theme', 'dark']]);
    const tabId = await openPortal();
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    await browserRestarts();
    const { restored } = await latestReport();
    expect(restored).toEqual({ cookies: 8, failed: [], storage: true });
  });

  it('leaves alone, after a browser closed before any cookie was removed, the tabs that now bear the old ids', async () => {
    // What a browser closed between the first copy and the swap leaves on disk.
    const other = await openPortal();
    await fakeBrowser.tabs.update(other, { url: 'about:blank' });
    const { setAsideItem } = bg.run;
    await setAsideItem.setValue({
      id: 'an-earlier-session',
      tabId: 99,
      site: 'data.issy.com',
      page: PORTAL,
      storeId: '0',
      scheme: 'https',
      seconds: 5,
      startedAt: 0,
      endsAt: 0,
      cookies: [],
      storage: { local: [], session: [] },
      unloaded: [{ tabId: other, url: `${PORTAL}explore/` }],
      untouched: [],
    });
    const before = sorted(bg.jar.jar);
    await meanwhile(bg.run.recoverFirstVisit());
    expect((await fakeBrowser.tabs.get(other)).url).toBe('about:blank');
    expect(sorted(bg.jar.jar)).toEqual(before);
    expect(await setAsideItem.getValue()).toBeNull();
  });

  it('says so when the portal’s localStorage could not be written back', async () => {
    pages.local.set(ORIGIN, [['ods-theme', 'dark']]);
    const tabId = await openPortal();
    pages.session.set(tabId, [['search', 'budget']]);
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    // The tab opened to write it cannot be scripted.
    const create = fakeBrowser.tabs.create.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async (props: { url?: string }) => {
      const tab = await create(props);
      pages.unscriptable.add(tab.id!);
      return tab;
    }) as never);
    await closeTab(tabId);
    bg.run.firstVisitTabRemoved(tabId);
    await meanwhile(bg.run.endFirstVisit());
    let { restored } = await latestReport();
    expect(restored.storage).toBe(false);
    expect(restored.storageNote).toBe(
      'Le stockage de session de l’onglet testé a disparu avec l’onglet. Le stockage local du portail n’a pas pu être remis en place.',
    );
    // Without sessionStorage, the general sentence says it.
    pages.local.set(ORIGIN, [['ods-theme', 'dark']]);
    const second = await openPortal();
    pages.unscriptable.delete(second);
    await meanwhile(bg.run.startFirstVisit(second, 30));
    pages.local.set(ORIGIN, [['ods-theme', 'light']]);
    await closeTab(second);
    bg.run.firstVisitTabRemoved(second);
    await meanwhile(bg.run.endFirstVisit());
    ({ restored } = await latestReport());
    expect(restored).toEqual({ cookies: 8, failed: [], storage: false });
    expect(restoredSentences(restored)).toContain('Le stockage de la page n’a pas pu être remis en place.');
  });

  it('says, after a browser closed mid-test, that the tab’s sessionStorage went with it', async () => {
    pages.local.set(ORIGIN, [['ods-theme', 'dark']]);
    const tabId = await openPortal();
    // Another of the visitor's portal pages, left blank for the test.
    const other = await openPortal(`${PORTAL}explore/`);
    pages.session.set(tabId, [['search', 'budget']]);
    await meanwhile(bg.run.startFirstVisit(tabId, 30));
    expect((await fakeBrowser.tabs.get(other)).url).toBe('about:blank');
    await browserRestarts();
    expect(pages.local.get(ORIGIN)).toEqual([['ods-theme', 'dark']]);
    const { restored, stopped } = await latestReport();
    expect(stopped).toBe('le navigateur a été fermé pendant le test');
    expect(restored.storageNote).toBe(
      'Le stockage de session de l’onglet testé a disparu avec la fermeture du navigateur, comme il disparaît toujours.',
    );
    // In the new session, that tab id names another tab, a blank one: it is not given the portal.
    expect((await fakeBrowser.tabs.get(other)).url).toBe('about:blank');
  });
});
