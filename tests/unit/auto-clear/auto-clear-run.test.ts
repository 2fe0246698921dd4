/**
 * What an automatic clearing writes in its journal (lib/auto-clear/run.ts), against the in-memory
 * jar: failures beside what was removed and its undo, no line when nothing was to be cleared, the
 * journal's length and room, a journal the browser refuses to write; and which tabs show the
 * portal in which store, as each browser tells it (Firefox names a tab's store, Chromium lists
 * each store's tabs; a tab still loading the portal shows it already).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GRACE_MS, JOURNAL_LENGTH, type JournalEntry } from '@/lib/auto-clear/settings';
import { bytesOf, SESSION_BUDGET } from '@/lib/storage-budget';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';
import { messagesOf } from '../support/messages';

const french = await messagesOf('fr');
const CONTAINER = 'firefox-container-1';
const PORTAL = 'https://data.issy.com/explore/';
const NECESSARY = ['cookies_preferences', 'csrftoken', 'django_language', 'sessionid'];

let run: typeof import('@/lib/auto-clear/run');
let jar: MemoryCookies;

const journal = async (): Promise<JournalEntry[]> =>
  ((await fakeBrowser.storage.session.get('auto-clear-journal'))['auto-clear-journal'] as JournalEntry[]) ?? [];
const names = (storeId = '0') => jar.jar.filter((c) => c.storeId === storeId).map((c) => c.name).sort();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  fakeBrowser.reset();
  vi.resetModules();
  jar = new MemoryCookies(portalJar()).install();
  (await import('@/lib/i18n/messages')).setMessages('fr', french);
  run = await import('@/lib/auto-clear/run');
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the journal of automatic clearing', () => {
  it('journals what the browser refused to remove beside what it removed, and the undo of that', async () => {
    jar.refuseRemoval.add('_ga');
    const entry = await run.autoClear('data.issy.com', '0', 'startup');
    expect(entry.removed.map((c) => c.name).sort()).toEqual(['_hjSessionUser_3141', 'ods_embed']);
    expect(entry.failed).toEqual([
      { cookie: { name: '_ga', domain: '.issy.com', path: '/' }, reason: 'le navigateur a refusé la suppression' },
    ]);
    expect(entry).toMatchObject({ site: 'data.issy.com', storeId: '0', trigger: 'startup' });
    expect(entry.error).toBeUndefined();
    expect(await journal()).toEqual([entry]);
    // Its undo gives back what was removed.
    const { undo } = await import('@/lib/actions/undo');
    await undo(entry.undoId!);
    expect(names()).toEqual(portalJar().map((c) => c.name).sort());
  });

  it('journals a clearing where every removal was refused, with no undo to offer', async () => {
    for (const name of ['_ga', '_hjSessionUser_3141', 'ods_embed']) jar.refuseRemoval.add(name);
    const entry = await run.autoClear('data.issy.com', '0', 'startup');
    expect(entry.removed).toEqual([]);
    expect(entry.failed.map((f) => f.cookie.name).sort()).toEqual(['_ga', '_hjSessionUser_3141', 'ods_embed']);
    expect(entry.undoId).toBeUndefined();
    expect(await journal()).toEqual([entry]);
  });

  it('leaves no line for a portal with nothing to clear', async () => {
    jar.jar = jar.jar.filter((c) => NECESSARY.includes(c.name));
    const entry = await run.autoClear('data.issy.com', '0', 'last-tab-closed');
    expect(entry).toMatchObject({ removed: [], failed: [] });
    expect(entry.undoId).toBeUndefined();
    expect(await journal()).toEqual([]);
    expect(names()).toEqual(NECESSARY);
  });

  it(`keeps the latest ${JOURNAL_LENGTH} clearings, the newest first`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < JOURNAL_LENGTH + 2; i++) {
      jar.jar.push(cookie({ name: '_ga', domain: '.issy.com', hostOnly: false, value: `v${i}` }));
      ids.unshift((await run.autoClear('data.issy.com', '0', 'startup')).id);
    }
    expect((await journal()).map((e) => e.id)).toEqual(ids.slice(0, JOURNAL_LENGTH));
  });

  it('shortens, and shows so, names of thousands of characters that would not fit its room', async () => {
    // Each cookie at a browser's limit: a name of 4 000 characters, at a path of 1 000.
    const long = Array.from({ length: 150 }, (_, i) =>
      cookie({ name: `_t${String(i).padStart(3, '0')}${'n'.repeat(4000)}`, path: `/${i}${'p'.repeat(1000)}`, value: 'v' }),
    );
    // At 64 characters, a name or a path is kept whole.
    const edge = cookie({ name: `_e${'n'.repeat(62)}`, path: `/${'p'.repeat(63)}` });
    jar.jar.push(...long, edge);
    // The browser refuses to remove one: its failure is shortened too.
    jar.refuseRemoval.add(long[149]!.name);
    const entry = await run.autoClear('data.issy.com', '0', 'startup');
    expect(entry.removed).toHaveLength(153);
    const [kept] = await journal();
    expect(kept!.id).toBe(entry.id);
    expect(bytesOf('auto-clear-journal', [kept])).toBeLessThanOrEqual(SESSION_BUDGET.journal);
    const shortened = kept!.removed.find((c) => c.name.startsWith('_t000'))!;
    expect(shortened.name).toBe(`_t000${'n'.repeat(59)}…`);
    expect(shortened.path).toBe(`/0${'p'.repeat(62)}…`);
    // Short names are kept whole.
    expect(kept!.removed.filter((c) => !c.name.startsWith('_t')).map((c) => c.name).sort()).toEqual([edge.name, '_ga', '_hjSessionUser_3141', 'ods_embed']);
    expect(kept!.removed.find((c) => c.name === edge.name)!.path).toBe(edge.path);
    expect(kept!.failed.map((f) => f.cookie)).toEqual([{ name: `_t149${'n'.repeat(59)}…`, domain: 'data.issy.com', path: `/149${'p'.repeat(60)}…` }]);
  });

  it('keeps an entry that fits as it is, a long name included', async () => {
    jar.jar.push(cookie({ name: `_t${'n'.repeat(4000)}`, path: `/${'p'.repeat(1000)}` }));
    const entry = await run.autoClear('data.issy.com', '0', 'startup');
    expect(await journal()).toEqual([entry]);
    expect(entry.removed.map((c) => c.name.length).sort((a, b) => b - a)[0]).toBe(4002);
  });

  it('still clears when the browser refuses to write the journal, and says so in the console', async () => {
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation((async (items: Record<string, unknown>) => {
      if ('auto-clear-journal' in items) throw new Error('Session storage quota bytes exceeded.');
      return set(items);
    }) as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const entry = await run.autoClear('data.issy.com', '0', 'startup');
    expect(entry.removed).toHaveLength(3);
    expect(names()).toEqual(NECESSARY);
    expect(warn).toHaveBeenCalledWith(
      '[témoin] Le navigateur n’a pas pu enregistrer l’historique des nettoyages\u00a0: l’espace de stockage de Témoin est plein.',
    );
  });
});

interface Tab {
  id: number;
  url?: string;
  pendingUrl?: string;
  cookieStoreId?: string;
}

describe('which tabs show the portal, as each browser tells it', () => {
  let tabs: Map<number, Tab>;
  /** Chromium's list of each store's tabs. */
  let storeTabs: Record<string, number[]>;

  beforeEach(async () => {
    tabs = new Map();
    storeTabs = { '0': [], [CONTAINER]: [] };
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [...tabs.values()].map((t) => ({ ...t }))) as never);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async (id: number) => {
      const tab = tabs.get(id);
      if (!tab) throw new Error(`No tab with id: ${id}.`);
      return { ...tab };
    }) as never);
    jar.getAllCookieStores = async () => Object.entries(storeTabs).map(([id, tabIds]) => ({ id, tabIds }));
    for (const c of portalJar()) jar.jar.push({ ...c, storeId: CONTAINER });
    await fakeBrowser.storage.local.set({ 'auto-clear': { 'data.issy.com': { onLastTabClosed: true, atStartup: false } } });
  });

  /** The background starts, and records the tabs open. */
  async function start() {
    await run.recordOpenTabs();
  }

  async function close(id: number) {
    tabs.delete(id);
    for (const ids of Object.values(storeTabs)) ids.splice(ids.indexOf(id) >>> 0, ids.includes(id) ? 1 : 0);
    await run.tabChanged(id, undefined, true);
  }

  it('clears the store Chromium lists a closed tab in, and only it', async () => {
    tabs.set(1, { id: 1, url: PORTAL });
    storeTabs[CONTAINER] = [1];
    await start();
    await close(1);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 100);
    expect(names(CONTAINER)).toEqual(NECESSARY);
    expect(names('0')).toContain('_ga');
  });

  it('clears the store Firefox names for a tab, whatever the stores list', async () => {
    tabs.set(1, { id: 1, url: PORTAL, cookieStoreId: CONTAINER });
    await start();
    await close(1);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 100);
    expect(names(CONTAINER)).toEqual(NECESSARY);
    expect(names('0')).toContain('_ga');
  });

  it('counts a tab in no listed store as the default store’s', async () => {
    tabs.set(1, { id: 1, url: PORTAL });
    await start();
    await close(1);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 100);
    expect(names('0')).toEqual(NECESSARY);
    expect(names(CONTAINER)).toContain('_ga');
  });

  it('waits the full grace delay, ten seconds, before clearing', async () => {
    tabs.set(1, { id: 1, url: PORTAL });
    await start();
    await close(1);
    await vi.advanceTimersByTimeAsync(GRACE_MS - 100);
    expect(names('0')).toContain('_ga');
    await vi.advanceTimersByTimeAsync(200);
    expect(names('0')).toEqual(NECESSARY);
  });

  it('does not clear while a tab is still loading the portal (Chromium’s pendingUrl)', async () => {
    tabs.set(1, { id: 1, url: PORTAL });
    tabs.set(2, { id: 2, url: 'https://elsewhere.example/', pendingUrl: PORTAL });
    await start();
    await close(1);
    await vi.advanceTimersByTimeAsync(GRACE_MS * 2);
    expect(names('0')).toContain('_ga');
    // Once that one closes too, the portal is cleared.
    await close(2);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 100);
    expect(names('0')).toEqual(NECESSARY);
  });

  it('ignores a tab the browser gives without an id', async () => {
    tabs.set(1, { id: 1, url: PORTAL });
    await start();
    vi.mocked(fakeBrowser.tabs.query).mockImplementation((async () => [{ url: PORTAL }]) as never);
    await close(1);
    await vi.advanceTimersByTimeAsync(GRACE_MS + 100);
    expect(names('0')).toEqual(NECESSARY);
  });
});
