// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://data.issy.com/explore/"}
/**
 * A charter read where its HTML is: the background runs the page script in a portal tab (here
 * the test's own page, data.issy.com), which fetches and parses the charter; the background
 * checks what comes back and keeps it. When due, also with no popup open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCharter, readCharterIfDue } from '@/lib/background/charter-reading';
import { charterIsStale } from '@/lib/charter/choose';
import { issyCharter } from '@/lib/charter/issy';
import { charterRecord, recordFailure, recordReading } from '@/lib/charter/records';
import { setMessages } from '@/lib/i18n/messages';
import { say } from '@/lib/i18n/said';
import { CHARTER_READING_LIMIT_MS } from '@/lib/page/inject';
import { messagesOf } from '../support/messages';
import { runPageScript } from '@/lib/page/script';

const PORTAL = 'https://data.issy.com/explore/';
const charterPage = readFileSync(join(__dirname, '..', '..', 'fixtures', 'charte-cookies-modele-recent.html'), 'utf8');

type Injection = { files?: string[]; func?: (...args: unknown[]) => unknown; args?: unknown[] };
const VERSION = '0.1.0';
const runScript = () => runPageScript(VERSION);

/**
 * The browser's `scripting.executeScript`, run in this test's page as it would be in the tab's:
 * the page script, then calls into it. `answer` stands for the page when the background asks it
 * something other than what it shows (`probe`).
 */
function pageOfTab(answer?: (injection: Injection) => unknown) {
  const executeScript = vi.fn(async (injection: Injection) => {
    const asks = injection.args?.[1];
    const result =
      injection.files ? runScript() : answer && asks !== 'probe' ? await answer(injection) : await injection.func!(...injection.args!);
    return [{ frameId: 0, result }];
  });
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  return executeScript;
}

function portalServes(html: string) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
    const found = new URL(url).pathname === '/terms/cookies-policy/';
    const response = new Response(found ? html : 'absent', { status: found ? 200 : 404, headers: { 'content-type': 'text/html' } });
    return Object.defineProperty(response, 'url', { value: url });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Témoin', version: VERSION });
  for (const key of Object.keys(globalThis)) if (key.startsWith('temoinPage')) delete (globalThis as Record<string, unknown>)[key];
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a portal tab that loads, with no popup open', () => {
  it('reads the charter in the page when it is due, and keeps it', async () => {
    pageOfTab();
    const fetch = portalServes(charterPage);
    await readCharterIfDue(7, PORTAL);
    expect(fetch).toHaveBeenCalled();
    expect(fetch.mock.calls[0]![1]).toMatchObject({ credentials: 'omit' });
    const record = await charterRecord('data.issy.com');
    expect(record?.failure).toBeUndefined();
    expect(record?.live).toMatchObject({ site: 'data.issy.com', url: 'https://data.issy.com/terms/cookies-policy/', source: 'live' });
    expect(record!.live!.entries.flatMap((e) => e.names)).toContainEqual({ exact: 'sessionid' });
  });

  it('injects the page script once per page, and asks the one already there afterwards', async () => {
    const executeScript = pageOfTab();
    const { probeTab } = await import('@/lib/page/inject');
    expect(await probeTab(7)).toMatchObject({ opendatasoftMarkup: false });
    expect(await probeTab(7)).toMatchObject({ opendatasoftMarkup: false });
    expect(executeScript.mock.calls.filter(([injection]) => injection.files).length).toBe(1);
  });

  it('reads nothing when the last reading is less than a day old', async () => {
    await recordReading('data.issy.com', issyCharter, { ...issyCharter, source: 'live', fetchedAt: new Date().toISOString() }, []);
    const executeScript = pageOfTab();
    const fetch = portalServes(charterPage);
    await readCharterIfDue(7, PORTAL);
    expect(executeScript).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('waits out the back-off after a failed reading', async () => {
    await recordFailure('data.issy.com', 'site injoignable');
    pageOfTab();
    const fetch = portalServes(charterPage);
    await readCharterIfDue(7, PORTAL);
    expect(fetch).not.toHaveBeenCalled();
    expect((await charterRecord('data.issy.com'))?.failure?.reason).toBe('site injoignable');
  });

  it('reads nothing for a site Témoin does not cover', async () => {
    const executeScript = pageOfTab();
    await readCharterIfDue(7, 'https://elsewhere.example/');
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('records no failure when the page cannot run the page script at all', async () => {
    const executeScript = vi.fn(() => Promise.reject(new Error('Cannot access contents of the page')));
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    await readCharterIfDue(7, PORTAL);
    expect(executeScript).toHaveBeenCalled();
    expect(await charterRecord('data.issy.com')).toBeUndefined();
  });
});

describe('what the page answers, checked by the background', () => {
  const coverage = { site: 'data.issy.com', bundled: issyCharter };

  it('refuses a charter the page says is another site’s', async () => {
    pageOfTab(() => ({ charter: { ...issyCharter, site: 'evil.example', fetchedAt: new Date().toISOString() }, warnings: [] }));
    await readCharter(7, coverage, 'now');
    const record = await charterRecord('data.issy.com');
    expect(record?.live).toBeUndefined();
    expect(say(record!.failure!.reason)).toBe('charte invalide\u00a0: site');
  });

  it('refuses a charter read at another site’s address', async () => {
    pageOfTab(() => ({ charter: { ...issyCharter, url: 'https://evil.example/charte', fetchedAt: new Date().toISOString() }, warnings: [] }));
    await readCharter(7, coverage, 'now');
    expect(say((await charterRecord('data.issy.com'))!.failure!.reason)).toBe('charte invalide\u00a0: adresse d’un autre site');
  });

  it('keeps the page’s reason as a key of the charter’s errors and its substitutions, said in the language chosen when shown', async () => {
    const reason = { key: 'error.charter.refused', subs: [{ key: 'error.charter.pageTooBusy', subs: [{ number: 50_000 }] }] };
    pageOfTab(() => ({ failure: { reason, url: 'https://data.issy.com/terms/cookies-policy/' } }));
    await readCharter(7, coverage, 'now');
    const failure = (await charterRecord('data.issy.com'))!.failure!;
    expect(failure.reason).toEqual(reason);
    expect(say(failure.reason)).toMatch(/^charte refusée\u00a0: page de la charte trop chargée \(plus de 50\s000 balises\)$/);
    setMessages('en', await messagesOf('en'));
    expect(say(failure.reason)).toBe('charter refused: charter page too heavy (over 50,000 tags)');
  });

  it.each([
    ['a key outside the charter’s errors', { key: 'popup.title', subs: [] }],
    ['a substitution of another kind', { key: 'error.charter.notFound', subs: [{ html: '<b>' }] }],
    ['too many substitutions', { key: 'error.charter.notFound', subs: ['1', '2', '3', '4', '5'] }],
    ['sentences nested too deep', [1, 2, 3, 4, 5].reduce<unknown>((sub) => ({ key: 'error.charter.refused', subs: [sub] }), 'x')],
  ])('refuses a reason with %s', async (_, reason) => {
    pageOfTab(() => ({ failure: { reason } }));
    await readCharter(7, coverage, 'now');
    expect(say((await charterRecord('data.issy.com'))!.failure!.reason)).toBe('charte invalide\u00a0: raison');
  });

  it('keeps the reading’s warnings as keys of its own and their substitutions, and leaves anything else out', async () => {
    const warning = { key: 'charterStatus.warning.noRow', subs: [{ key: 'charterStatus.warning.table', subs: [1] }] };
    const charter = { ...issyCharter, url: 'https://data.issy.com/terms/cookies-policy/', fetchedAt: new Date().toISOString() };
    pageOfTab(() => ({ charter, warnings: [warning, { key: 'error.charter.none', subs: ['a', 'b'] }, { key: 'charterStatus.warning.noTable', subs: [{ evil: 1 }] }, 'words'] }));
    await readCharter(7, coverage, 'now');
    const record = await charterRecord('data.issy.com');
    expect(record?.warnings).toEqual([warning, 'words']);
    expect(record!.warnings.map(say)).toEqual(['Tableau 1\u00a0: aucune ligne ne déclare de cookie.', 'words']);
    setMessages('en', await messagesOf('en'));
    expect(record!.warnings.map(say)).toEqual(['Table 1: no row declares a cookie.', 'words']);
  });

  it('keeps a failure’s reason as text, and its address only when it is the site’s', async () => {
    pageOfTab(() => ({ failure: { reason: 'x'.repeat(10_000), url: 'https://evil.example/' } }));
    await readCharter(7, coverage, 'now');
    const failure = (await charterRecord('data.issy.com'))?.failure;
    expect(failure?.reason).toHaveLength(500);
    expect(failure).not.toHaveProperty('url');
  });

  it('reduces the domains an entry is declared on to registrable ones, with the site’s own', async () => {
    const entry = { provider: 'Google', names: [{ exact: '_ga' }], purpose: 'Mesure', category: 'statistics', domains: ['stats.example.co.uk'] };
    pageOfTab(() => ({ charter: { site: 'data.issy.com', url: PORTAL, source: 'live', fetchedAt: new Date().toISOString(), entries: [entry] }, warnings: [] }));
    await readCharter(7, coverage, 'now');
    expect((await charterRecord('data.issy.com'))?.live?.entries[0]?.domains).toEqual(['example.co.uk', 'issy.com']);
  });

  it('ends a reading the page never answers with a French reason, within its time limit', async () => {
    vi.useFakeTimers();
    pageOfTab(() => new Promise(() => {}));
    const reading = readCharter(7, coverage, 'now');
    await vi.advanceTimersByTimeAsync(CHARTER_READING_LIMIT_MS + 1);
    await reading;
    expect(say((await charterRecord('data.issy.com'))!.failure!.reason)).toBe('le site n’a pas répondu à temps');
  });

  it('records nothing when the page goes away before answering, so that the next page reads again', async () => {
    pageOfTab(() => Promise.reject(new Error('Frame with ID 0 was removed.')));
    await readCharter(7, coverage, 'when-due'); // tab 7 is gone
    const record = await charterRecord('data.issy.com');
    expect(record?.failure).toBeUndefined();
    expect(charterIsStale(record, Date.now())).toBe(true);
  });

  it('asks the next page once when the tab went on to another page of the site', async () => {
    const tab = await fakeBrowser.tabs.create({ url: PORTAL });
    let calls = 0;
    pageOfTab((injection) => {
      // The first page went away before answering; the next one answers.
      return ++calls === 1 ? undefined : injection.func!(...injection.args!);
    });
    portalServes(charterPage);
    await readCharter(tab.id!, coverage, 'when-due');
    expect(calls).toBe(2);
    expect((await charterRecord('data.issy.com'))?.live).toBeDefined();
  });

  it('reads in the tab of whoever waited when the reading it waited for lost its page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: PORTAL });
    const fetch = portalServes(charterPage);
    // Tab 7 closes while it reads; the popup's tab then reads.
    let asked = 0;
    pageOfTab(async (injection) => {
      if (++asked === 1) throw new Error('No tab with id: 7');
      return injection.func!(...injection.args!);
    });
    await Promise.all([readCharter(7, coverage, 'when-due'), readCharter(tab.id!, coverage, 'when-due')]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((await charterRecord('data.issy.com'))?.live).toBeDefined();
  });

  it('reads once for two askers at the same time', async () => {
    pageOfTab();
    const fetch = portalServes(charterPage);
    await Promise.all([readCharter(7, coverage, 'when-due'), readCharter(8, coverage, 'now'), readCharterIfDue(9, PORTAL)]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((await charterRecord('data.issy.com'))?.live).toBeDefined();
  });
});
