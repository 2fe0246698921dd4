/**
 * Automatic clearing when the portal's last tab closes, as the background runs it
 * (lib/auto-clear/run.ts) over an in-memory jar, with the browser's tabs kept by the test. The
 * background may be stopped at any time and started again by the next event (a Chrome service
 * worker idles after about 30 s, a Firefox MV3 event page too): a "restart" below drops the
 * module and every timer it set, and keeps what the browser keeps (session storage, tabs, cookies).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reconcile, tabMoved, type PortalTabs } from '@/lib/auto-clear/tabs';
import type { JournalEntry } from '@/lib/auto-clear/settings';
import { setMessages } from '@/lib/i18n/messages';
import { say } from '@/lib/i18n/said';
import { messagesOf } from '../support/messages';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';

/** Every clearing starts with its preview: the test notes when, and what was open then. */
const hooks = vi.hoisted(() => ({ previewing: (_site: string, _storeId: string) => {} }));
vi.mock('@/lib/actions/clear', async (original) => {
  const actual = await original<typeof import('@/lib/actions/clear')>();
  return {
    ...actual,
    previewClear: (charter: Parameters<typeof actual.previewClear>[0], storeId?: string) => {
      hooks.previewing(charter.site, storeId ?? '0');
      return actual.previewClear(charter, storeId);
    },
  };
});

const issy = { site: 'data.issy.com', storeId: '0' };
const CONTAINER = 'firefox-container-1';
const GRACE = 1000;
const PORTAL = 'https://data.issy.com/explore/';
const ELSEWHERE = 'https://elsewhere.example/';

describe('the record of portal tabs', () => {
  it('says which portal a closed tab left, whatever other tabs it records', () => {
    expect(tabMoved({ 1: issy }, 1, undefined)).toEqual({ tabs: {}, left: issy });
    expect(tabMoved({ 1: issy, 2: issy }, 1, undefined)).toEqual({ tabs: { 2: issy }, left: issy });
  });

  it('judges each store alone: a container or a private window keeps its own cookies', () => {
    const container = { ...issy, storeId: CONTAINER };
    expect(tabMoved({ 1: issy }, 1, container)).toEqual({ tabs: { 1: container }, left: issy });
  });

  it('is left when the tab goes elsewhere, and not when it reloads the portal', () => {
    expect(tabMoved({ 1: issy }, 1, issy)).toEqual({ tabs: { 1: issy } });
    expect(tabMoved({ 1: issy }, 1, { site: 'opendata.ville-exemple.fr', storeId: '0' }).left).toEqual(issy);
  });

  it('says nothing of a tab that never showed a portal', () => {
    expect(tabMoved({ 1: issy }, 5, undefined)).toEqual({ tabs: { 1: issy } });
  });

  it('made true to the open tabs at start-up, counts a recorded tab that is gone as closed', () => {
    const recorded: PortalTabs = { 1: issy, 2: issy, 3: { ...issy, storeId: CONTAINER } };
    expect(reconcile(recorded, { 2: issy, 4: issy })).toEqual({ tabs: { 2: issy, 4: issy }, left: [issy, { ...issy, storeId: CONTAINER }] });
  });
});

interface Tab {
  id: number;
  url: string;
  cookieStoreId: string;
}

/** The browser as the background sees it: tabs, cookies, storage, time. */
class World {
  tabs = new Map<number, Tab>();
  jar = new MemoryCookies([]).install();
  nextId = 10;
  /** Every clearing's start: the portal, and whether the browser had a tab of it open then. */
  clearings: { site: string; storeId: string; openThen: boolean }[] = [];
  run!: typeof import('@/lib/auto-clear/run');

  constructor() {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [...this.tabs.values()].map((t) => ({ ...t }))) as any);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => {
      const tab = this.tabs.get(id);
      if (!tab) throw new Error(`No tab with id: ${id}.`);
      return { ...tab };
    }) as any);
    // Each store lists its tabs, as both browsers do.
    this.jar.getAllCookieStores = async () =>
      ['0', CONTAINER].map((id) => ({ id, tabIds: [...this.tabs.values()].filter((t) => t.cookieStoreId === id).map((t) => t.id) }));
    hooks.previewing = (site, storeId) => {
      const openThen = [...this.tabs.values()].some((t) => t.cookieStoreId === storeId && t.url === PORTAL);
      this.clearings.push({ site, storeId, openThen });
    };
  }

  /** The background starts (again): a new module, no timer of the one before, the tabs recorded. */
  async start(): Promise<void> {
    vi.clearAllTimers();
    vi.resetModules();
    this.run = await import('@/lib/auto-clear/run');
    void this.run.recordOpenTabs();
  }

  /** The portal's page sets its cookies, as the replica does. */
  seed(storeId: string) {
    for (const c of portalJar()) if (!this.jar.jar.some((j) => j.name === c.name && j.storeId === storeId)) this.jar.jar.push({ ...c, storeId });
  }

  open(url: string, storeId = '0'): number {
    const id = this.nextId++;
    this.tabs.set(id, { id, url, cookieStoreId: storeId });
    if (url === PORTAL) this.seed(storeId);
    void this.run.tabChanged(id, url);
    return id;
  }

  navigate(id: number, url: string) {
    const tab = this.tabs.get(id)!;
    tab.url = url;
    if (url === PORTAL) this.seed(tab.cookieStoreId);
    void this.run.tabChanged(id, url);
  }

  close(id: number) {
    this.tabs.delete(id);
    void this.run.tabChanged(id, undefined, true);
  }

  async settle(ms = 0) {
    await vi.advanceTimersByTimeAsync(ms);
  }

  async journal(): Promise<JournalEntry[]> {
    return ((await fakeBrowser.storage.session.get('auto-clear-journal'))['auto-clear-journal'] as JournalEntry[]) ?? [];
  }

  names(storeId = '0') {
    return this.jar.jar.filter((c) => c.storeId === storeId).map((c) => c.name).sort();
  }
}

const NECESSARY = ['cookies_preferences', 'csrftoken', 'django_language', 'sessionid'];
let world: World;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  await fakeBrowser.storage.local.set({
    'auto-clear': { 'data.issy.com': { onLastTabClosed: true, atStartup: false } },
    'auto-clear-grace-ms-for-tests': GRACE,
  });
  world = new World();
  await world.start();
  await world.settle();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('automatic clearing when the portal’s last tab closes', () => {
  it('clears after the grace delay, and journals it', async () => {
    const tab = world.open(PORTAL);
    await world.settle();
    world.close(tab);
    await world.settle(GRACE / 2);
    expect(world.names()).toContain('_ga');
    await world.settle(GRACE);
    expect(world.names()).toEqual(NECESSARY);
    const [entry] = await world.journal();
    expect(entry).toMatchObject({ site: 'data.issy.com', storeId: '0', trigger: 'last-tab-closed' });
    expect(entry!.removed.map((c) => c.name).sort()).toEqual(['_ga', '_hjSessionUser_3141', 'ods_embed']);
  });

  it('clears when the close is what wakes the background', async () => {
    const tab = world.open(PORTAL);
    await world.settle();
    // The worker stops; the visitor closes the tab; the close starts the background again.
    world.tabs.delete(tab);
    await world.start();
    void world.run.tabChanged(tab, undefined, true);
    await world.settle(GRACE + 100);
    expect(world.names()).toEqual(NECESSARY);
    expect(await world.journal()).toHaveLength(1);
  });

  it('clears when the background is stopped during the grace delay and started by a later event', async () => {
    const tab = world.open(PORTAL);
    await world.settle();
    world.close(tab);
    await world.settle(GRACE / 2);
    await world.start(); // the timer is gone with the worker
    await world.settle(GRACE);
    expect(world.names()).toEqual(NECESSARY);
    expect(world.clearings).toHaveLength(1);
  });

  it('clears once when a window with the portal’s last two tabs closes', async () => {
    const a = world.open(PORTAL);
    await world.settle();
    const b = world.open(PORTAL);
    await world.settle();
    world.close(a);
    world.close(b);
    await world.settle(GRACE + 100);
    expect(world.names()).toEqual(NECESSARY);
    expect(world.clearings).toHaveLength(1);
  });

  it.each([0, 1, 2, 3])('does not clear while one of four tabs opened at once is still open (tab %i)', async (stays) => {
    const tabs = [world.open(PORTAL), world.open(PORTAL), world.open(PORTAL), world.open(PORTAL)];
    await world.settle();
    for (const tab of tabs.filter((_, i) => i !== stays)) {
      world.close(tab);
      await world.settle();
    }
    await world.settle(GRACE * 3);
    expect(world.names()).toContain('_ga');
    expect(world.clearings).toEqual([]);
    world.close(tabs[stays]!);
    await world.settle(GRACE + 100);
    expect(world.names()).toEqual(NECESSARY);
  });

  it('does not clear when the visitor comes back within the grace delay', async () => {
    world.close(world.open(PORTAL));
    await world.settle(GRACE / 2);
    world.open(PORTAL);
    await world.settle(GRACE * 2);
    expect(world.clearings).toEqual([]);
  });

  it('does not clear a portal whose tab went elsewhere while another store still shows it', async () => {
    const here = world.open(PORTAL);
    world.open(PORTAL, CONTAINER);
    await world.settle();
    world.navigate(here, ELSEWHERE);
    await world.settle(GRACE + 100);
    expect(world.names()).toEqual(NECESSARY);
    expect(world.names(CONTAINER)).toContain('_ga');
    expect(world.clearings.map((c) => c.storeId)).toEqual(['0']);
  });

  it('does nothing for a portal where the visitor did not choose it', async () => {
    await fakeBrowser.storage.local.set({ 'auto-clear': {} });
    world.close(world.open(PORTAL));
    await world.settle(GRACE * 2);
    expect(world.clearings).toEqual([]);
  });
});

describe('the journal, read later', () => {
  it('keeps why nothing was cleared as a key and its substitutions, said in the language chosen when it is read', async () => {
    await world.run.autoClear('elsewhere.example', '0', 'startup');
    const [entry] = await world.journal();
    expect(entry!.error).toEqual({ key: 'error.notCovered', subs: ['elsewhere.example'] });
    expect(say(entry!.error!)).toBe('Témoin ne couvre pas elsewhere.example.');
    setMessages('en', await messagesOf('en'));
    expect(say(entry!.error!)).toBe('Témoin does not cover elsewhere.example.');
  });
});

describe('automatic clearing at browser start', () => {
  it('clears each portal so chosen in every store with cookies, and no other', async () => {
    await fakeBrowser.storage.local.set({ 'auto-clear': { 'data.issy.com': { onLastTabClosed: false, atStartup: true } } });
    world.seed('0');
    world.seed(CONTAINER);
    world.jar.jar.push(cookie({ name: '_ga', domain: '.ville-exemple.fr', hostOnly: false }));
    await world.run.clearAtStartup();
    expect(world.names('0')).toEqual([...NECESSARY, '_ga'].sort()); // ville-exemple.fr's _ga stays
    expect(world.names(CONTAINER)).toEqual(NECESSARY);
    const journal = await world.journal();
    expect(journal.map((e) => [e.site, e.storeId, e.trigger]).sort()).toEqual([
      ['data.issy.com', '0', 'startup'],
      ['data.issy.com', CONTAINER, 'startup'],
    ]);
  });

  it('clears nothing when no portal is chosen for it', async () => {
    world.seed('0');
    await world.run.clearAtStartup();
    expect(world.names('0')).toContain('_ga');
    expect(world.clearings).toEqual([]);
  });
});

/** One step of the visitor, or of the browser. */
type Step =
  | { kind: 'open'; count: number; portal: boolean; store: string }
  | { kind: 'navigate'; tab: number; portal: boolean }
  | { kind: 'close'; tabs: number[] }
  | { kind: 'sleep'; closing: number[] }
  | { kind: 'wait'; ms: number };

const portal = fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), count: fc.integer({ min: 1, max: 4 }), portal, store: fc.constantFrom('0', CONTAINER) }),
  fc.record({ kind: fc.constant('navigate' as const), tab: fc.nat(20), portal }),
  // Several tabs at once: a window closing.
  fc.record({ kind: fc.constant('close' as const), tabs: fc.uniqueArray(fc.nat(20), { minLength: 1, maxLength: 3 }) }),
  // The worker stops; tabs closed meanwhile are told to the next one.
  fc.record({ kind: fc.constant('sleep' as const), closing: fc.uniqueArray(fc.nat(20), { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(10, GRACE / 2, GRACE + 10, GRACE * 3) }),
);

describe('automatic clearing, whatever the order of tab events', () => {
  it('never clears while a tab of the portal is open in that store, and clears once after the last one stays closed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 20 }), async (steps) => {
        fakeBrowser.reset();
        vi.restoreAllMocks();
        await fakeBrowser.storage.local.set({
          'auto-clear': { 'data.issy.com': { onLastTabClosed: true, atStartup: false } },
          'auto-clear-grace-ms-for-tests': GRACE,
        });
        world = new World();
        await world.start();
        await world.settle();
        // What must happen, per store: since when the portal has had no tab, and how many clearings.
        const emptySince = new Map<string, number | undefined>();
        const expected = new Map<string, number>();
        const openIn = (store: string) => [...world.tabs.values()].some((t) => t.cookieStoreId === store && t.url === PORTAL);
        const observe = (store: string, was: boolean) => {
          if (was && !openIn(store)) emptySince.set(store, Date.now());
          if (openIn(store)) emptySince.set(store, undefined);
        };
        const ids = () => [...world.tabs.keys()];
        const pick = (i: number) => ids()[i % Math.max(1, ids().length)];
        // At the end the visitor closes every tab, and the grace delay passes.
        const end: Step[] = [{ kind: 'close', tabs: [...Array(40).keys()] }, { kind: 'wait', ms: GRACE * 2 }];
        for (const s of [...steps, ...end]) {
          const before = new Map(['0', CONTAINER].map((store) => [store, openIn(store)]));
          if (s.kind === 'open') for (let i = 0; i < s.count; i++) world.open(s.portal ? PORTAL : ELSEWHERE, s.store);
          if (s.kind === 'navigate' && ids().length) world.navigate(pick(s.tab)!, s.portal ? PORTAL : ELSEWHERE);
          if (s.kind === 'close') for (const id of new Set(s.tabs.map(pick))) if (id !== undefined) world.close(id);
          if (s.kind === 'sleep') {
            await world.settle();
            const closing = [...new Set(s.closing.map(pick))].filter((id) => id !== undefined);
            for (const id of closing) world.tabs.delete(id);
            await world.start();
            for (const id of closing) void world.run.tabChanged(id, undefined, true);
          }
          for (const [store, was] of before) observe(store, was);
          const ms = s.kind === 'wait' ? s.ms : 0;
          await world.settle(ms);
          for (const [store, since] of emptySince) {
            if (since !== undefined && Date.now() >= since + GRACE) {
              expected.set(store, (expected.get(store) ?? 0) + 1);
              emptySince.set(store, undefined);
            }
          }
        }
        expect(world.clearings.filter((c) => c.openThen)).toEqual([]);
        for (const store of ['0', CONTAINER]) {
          expect(world.clearings.filter((c) => c.storeId === store)).toHaveLength(expected.get(store) ?? 0);
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
