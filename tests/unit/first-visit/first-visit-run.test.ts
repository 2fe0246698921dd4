/**
 * The first-visit test as one transaction, against the in-memory jar: pages that write as they
 * unload or on a timer, a background stopped mid-test, a browser closed mid-test, and the other
 * commands asked while a test runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { issyCharter } from '@/lib/charter/issy';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { cookiesSet, reportSentences } from '@/lib/first-visit/shown';
import { bytesOf, SESSION_BUDGET } from '@/lib/storage-budget';
import { meanwhile } from '../support/fake-clock';
import { everyTabLoaded } from '../support/first-visit-background';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';
import { messagesOf } from '../support/messages';

const french = await messagesOf('fr');

const PORTAL = 'https://data.issy.com/';
const sorted = (cookies: StoredCookie[]) => [...cookies].sort((a, b) => cookieKey(a).localeCompare(cookieKey(b)));

type Run = typeof import('@/lib/first-visit/run');
let run: Run;
/** The commands, loaded with the test's modules (a background's modules share one lock and queue). */
let clearNonEssential: typeof import('@/lib/actions/clear').clearNonEssential;
let previewClear: typeof import('@/lib/actions/clear').previewClear;
let resetPreferences: typeof import('@/lib/actions/reset').resetPreferences;
let undo: typeof import('@/lib/actions/undo').undo;
let jar: MemoryCookies;
/** The ids every page of the portal keeps in memory from its load, and writes again on a timer or as it goes. */
let pages: Map<number, { id: string; timer?: ReturnType<typeof setInterval> }>;
/** Whether the portal's pages run the tracker. */
let tracker: boolean;

/** A cookie written by a page, as the browser reports it to the background. */
async function pageWrites(name: string, value: string) {
  const written = cookie({ name, value, expirationDate: 1_800_000_000 });
  await jar.set({ url: PORTAL, name, value, sameSite: 'lax', expirationDate: 1_800_000_000 });
  run.firstVisitCookieChanged(written, false, false);
}

/**
 * A tracker in each portal page: it reads `_pk_id` at load (or makes one), writes it every 20 ms,
 * and once more a moment after the page is left (its `pagehide` write lands late).
 */
function watchPages() {
  fakeBrowser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url === undefined || !tracker) return;
    const page = pages.get(tabId);
    if (page) {
      clearInterval(page.timer);
      pages.delete(tabId);
      setTimeout(() => void pageWrites('_pk_id.1.a1b2', page.id), 100);
    }
    if (change.url.startsWith(PORTAL)) {
      const id = jar.jar.find((c) => c.name === '_pk_id.1.a1b2')?.value ?? `id-${Math.random()}`;
      const loaded: { id: string; timer?: ReturnType<typeof setInterval> } = { id };
      loaded.timer = setInterval(() => void pageWrites('_pk_id.1.a1b2', loaded.id), 20);
      pages.set(tabId, loaded);
    }
  });
}

async function openPortal(url = PORTAL): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
  await fakeBrowser.tabs.update(tab.id!, { url });
  return tab.id!;
}

/** The background's modules loaded again, speaking French (tests/unit/setup.ts loaded the table into the first ones). */
async function loadRun(): Promise<Run> {
  (await import('@/lib/i18n/messages')).setMessages('fr', french);
  return import('@/lib/first-visit/run');
}

beforeEach(async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  fakeBrowser.reset();
  vi.resetModules();
  jar = new MemoryCookies([...portalJar(), cookie({ name: '_pk_id.1.a1b2', value: 'visitor-id', expirationDate: 1_800_000_000 })]).install();
  // Pages cannot be scripted here: their storage is left alone (the end-to-end tests cover it).
  everyTabLoaded();
  pages = new Map();
  tracker = true;
  watchPages();
  run = await loadRun();
  ({ clearNonEssential, previewClear } = await import('@/lib/actions/clear'));
  ({ resetPreferences } = await import('@/lib/actions/reset'));
  ({ undo } = await import('@/lib/actions/undo'));
});

afterEach(() => {
  for (const page of pages.values()) clearInterval(page.timer);
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('a first-visit test', () => {
  it('starts without the visitor’s id, though their page writes it as it unloads', async () => {
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 5));
    await vi.advanceTimersByTimeAsync(300);
    const during = jar.jar.filter((c) => c.name === '_pk_id.1.a1b2');
    expect(during).toHaveLength(1);
    expect(during[0]!.value).not.toBe('visitor-id');
    await meanwhile(run.endFirstVisit());
  });

  it('puts the jar back exactly, though the test’s page writes its id as it unloads and on a timer', async () => {
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 5));
    await vi.advanceTimersByTimeAsync(300);
    await meanwhile(run.endFirstVisit());
    // Long after the end, the pages loaded again write what they read: the visitor's own.
    await vi.advanceTimersByTimeAsync(1000);
    expect(sorted(jar.jar)).toEqual(before);
    const [report] = await run.reportsItem.getValue();
    expect(report!.restored.failed).toEqual([]);
  });

  it('leaves the visitor’s other portal tab unloaded during the test, and loads it again after', async () => {
    const before = sorted(jar.jar);
    const tested = await openPortal();
    const other = await openPortal(`${PORTAL}explore/`);
    await meanwhile(run.startFirstVisit(tested, 5));
    expect((await fakeBrowser.tabs.get(other)).url).toBe('about:blank');
    // A portal tab the visitor opens during the test reads the test's id, and keeps writing it.
    const opened = await openPortal();
    await vi.advanceTimersByTimeAsync(300);
    await meanwhile(run.endFirstVisit());
    await vi.advanceTimersByTimeAsync(1000);
    expect((await fakeBrowser.tabs.get(other)).url).toBe(`${PORTAL}explore/`);
    expect((await fakeBrowser.tabs.get(opened)).url).toBe(PORTAL);
    expect(sorted(jar.jar)).toEqual(before);
  });

  it('is put back by a background that starts again mid-test', async () => {
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 30));
    await vi.advanceTimersByTimeAsync(300);
    expect(jar.jar.some((c) => c.value === 'sessionid-value')).toBe(false);
    // The background stops: its memory and timers are gone; the browser's storage stays.
    vi.clearAllTimers();
    for (const page of pages.values()) page.timer = setInterval(() => void pageWrites('_pk_id.1.a1b2', page.id), 20);
    vi.resetModules();
    run = await loadRun();
    await meanwhile(run.recoverFirstVisit());
    await vi.advanceTimersByTimeAsync(1000);
    expect(sorted(jar.jar)).toEqual(before);
    expect(await run.setAsideItem.getValue()).toBeNull();
    const [report] = await run.reportsItem.getValue();
    expect(report!.stopped).toBe('le test a été interrompu');
  });

  it('is put back at the next start of a browser closed mid-test: session storage wiped, local storage kept', async () => {
    jar.jar.push(cookie({ name: 'visitor_session', session: true, expirationDate: undefined }));
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 30));
    await vi.advanceTimersByTimeAsync(300);
    // Written on disk: lasting cookies only, values and all; nothing of the session.
    const onDisk = await run.setAsideItem.getValue();
    expect(onDisk!.cookies.map((c) => c.name)).toContain('sessionid');
    expect(onDisk!.cookies.map((c) => c.name)).not.toContain('visitor_session');
    // The browser closes: the background, the pages, session storage and session cookies go
    // (the tab comes back with the browser's session, the test's cookies in its jar).
    vi.clearAllTimers();
    pages.clear();
    await fakeBrowser.storage.session.clear();
    jar.jar = jar.jar.filter((c) => !c.session);
    vi.resetModules();
    run = await loadRun();
    await meanwhile(run.recoverFirstVisit());
    const expected = sorted([...portalJar(), cookie({ name: '_pk_id.1.a1b2', value: 'visitor-id', expirationDate: 1_800_000_000 })]);
    expect(sorted(jar.jar)).toEqual(expected);
    expect(await run.setAsideItem.getValue()).toBeNull();
    const [report] = await run.reportsItem.getValue();
    expect(report!.stopped).toBe('le navigateur a été fermé pendant le test');
    expect(report!.restored.failed).toEqual([]);
  });

  it('refuses, in French, a clear, a reset or an undo on the portal while it runs, and loses nothing', async () => {
    tracker = false;
    const before = sorted(jar.jar);
    const preview = await previewClear(issyCharter);
    const cleared = await clearNonEssential(issyCharter, preview.toDelete.map((c) => c.id));
    const afterClear = sorted(jar.jar);
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 30));
    const refused = /^Un test de première visite est en cours sur data\.issy\.com\u00a0: Témoin ne touche pas/;
    await expect(undo(cleared.undoId!)).rejects.toThrow(refused);
    await expect(clearNonEssential(issyCharter, preview.toDelete.map((c) => c.id))).rejects.toThrow(refused);
    await expect(resetPreferences(new URL(PORTAL), '0', tabId)).rejects.toThrow(refused);
    await meanwhile(run.endFirstVisit());
    await vi.advanceTimersByTimeAsync(500);
    expect(sorted(jar.jar)).toEqual(afterClear);
    // The undo entry was kept: after the test, it restores what the clear removed.
    const undone = await undo(cleared.undoId!);
    expect(undone.failed).toEqual([]);
    expect(sorted(jar.jar)).toEqual(before);
  });

  it('makes automatic clearing wait for its end, then clear the visitor’s own cookies', async () => {
    tracker = false;
    const { autoClear } = await import('@/lib/auto-clear/run');
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 30));
    let cleared = false;
    const clearing = autoClear('data.issy.com', '0', 'last-tab-closed').then((entry) => ((cleared = true), entry));
    await vi.advanceTimersByTimeAsync(500);
    expect(cleared).toBe(false);
    await meanwhile(run.endFirstVisit());
    const entry = await clearing;
    expect(entry.error).toBeUndefined();
    expect(entry.removed.map((c) => c.name).sort()).toEqual(['_ga', '_hjSessionUser_3141', '_pk_id.1.a1b2', 'ods_embed']);
    // What it removed was the visitor's: undo gives back the visitor's own id.
    await undo(entry.undoId!);
    expect(jar.jar.find((c) => c.name === '_pk_id.1.a1b2')?.value).toBe('visitor-id');
  });

  it('leaves a cookie at a path Chromium cannot address where it is, and says so, rather than duplicate it', async () => {
    tracker = false;
    jar.jar.push(cookie({ name: 'odd', path: '/a b' }), cookie({ name: 'accent', path: '/é' }));
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 5));
    expect(jar.jar.filter((c) => c.name === 'odd' || c.name === 'accent')).toHaveLength(2);
    await meanwhile(run.endFirstVisit());
    expect(sorted(jar.jar)).toEqual(before);
    const [report] = await run.reportsItem.getValue();
    expect(report!.restored.untouched!.map((c) => c.path).sort()).toEqual(['/a b', '/é']);
    expect(report!.restored.failed).toEqual([]);
  });
});

/** A cookie as long as a browser takes: 4 096 bytes for name and value, 1 024 for the path. */
const long = (i: number) =>
  cookie({ name: `_flood${String(i).padStart(4, '0')}_${'n'.repeat(3000)}`, value: 'v'.repeat(1000), path: `/${i}/${'p'.repeat(1000)}` });

describe('a first-visit test, within its room', () => {
  it('refuses to start, in French, a jar too large to be set aside within its share, and changes nothing', async () => {
    tracker = false;
    jar.jar.push(...Array.from({ length: 450 }, (_, i) => long(i))); // about 2.3 MB
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    await expect(meanwhile(run.startFirstVisit(tabId, 5))).rejects.toThrow(
      /^Vos cookies et le stockage de ce portail sont trop volumineux pour que Témoin les mette de côté le temps du test \(\d+\u00a0Ko, au plus 2048\u00a0Ko\)\u00a0: le test n’a pas commencé, et rien n’a été changé\.$/,
    );
    expect(sorted(jar.jar)).toEqual(before);
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe(PORTAL);
    expect(await run.setAsideItem.getValue()).toBeNull();
    expect(await run.reportsItem.getValue()).toEqual([]);
  });

  it('removes none of the visitor’s cookies when the browser refuses to write their copy, and says so in French', async () => {
    tracker = false;
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(meanwhile(run.startFirstVisit(tabId, 5))).rejects.toThrow(
      /^Le navigateur n’a pas pu enregistrer la copie de vos cookies mise de côté\u00a0: l’espace de stockage de Témoin est plein\.$/,
    );
    await vi.advanceTimersByTimeAsync(500);
    expect(sorted(jar.jar)).toEqual(before);
    expect((await fakeBrowser.tabs.get(tabId)).url).toBe(PORTAL);
  });

  it('keeps the report of a flood within its share, says what it left out, and puts the jar back', async () => {
    tracker = false;
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 30));
    // The first visit's page sets 300 cookies with long names and paths.
    for (let i = 0; i < 300; i++) {
      const flood = long(i);
      jar.jar.push(flood);
      run.firstVisitCookieChanged(flood, false, false);
    }
    await meanwhile(run.endFirstVisit());
    const reports = await run.reportsItem.getValue();
    expect(bytesOf('first-visit-reports', reports)).toBeLessThanOrEqual(SESSION_BUDGET.firstVisitReports);
    const [report] = reports;
    expect(report!.leftOut!.cookies).toBeGreaterThan(0);
    expect(report!.cookies.length).toBeGreaterThan(0);
    expect(cookiesSet(report!)).toBe(300);
    expect(reportSentences(report!)).toEqual([
      `Rapport abrégé pour tenir dans la place que Témoin lui réserve\u00a0: ${report!.cookies.length} des 300 cookies déposés y figurent, les ${300 - report!.cookies.length} autres n’y sont pas.`,
    ]);
    expect(report!.restored.failed).toEqual([]);
    expect(sorted(jar.jar)).toEqual(before);
  });

  it('shows a report the browser refused to keep, says so, and still puts the jar back', async () => {
    tracker = false;
    const before = sorted(jar.jar);
    const tabId = await openPortal();
    await meanwhile(run.startFirstVisit(tabId, 30));
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation((async (items: Record<string, unknown>) => {
      if ('first-visit-reports' in items) throw new Error('Session storage quota bytes exceeded.');
      return set(items);
    }) as never);
    await meanwhile(run.endFirstVisit());
    expect(sorted(jar.jar)).toEqual(before);
    const { report } = await run.firstVisitStatus(tabId);
    expect(report!.restored.failed).toEqual([]);
    expect(report!.notSaved).toBe(
      'Le navigateur n’a pas pu enregistrer le rapport du test\u00a0: l’espace de stockage de Témoin est plein. Ce rapport disparaîtra quand Témoin s’arrêtera.',
    );
  });
});
