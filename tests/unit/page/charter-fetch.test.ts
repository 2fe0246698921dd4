// @vitest-environment jsdom
/**
 * What a hostile portal page can make Témoin fetch: only charter paths, without the visitor's
 * cookies, for a bounded time, a web page of the portal's own origin, and not again at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { charterIsStale, CHARTER_MAX_AGE_MS, CHARTER_RETRY_MS, retryDelay } from '@/lib/charter/choose';
import {
  CHARTER_PAGE_TYPES,
  charterCandidates,
  fetchCharterPage,
  isCharterLink,
  MAX_CHARTER_BYTES,
} from '@/lib/page/fetch-charter';
import { charterRecord, recordAttempt, recordFailure } from '@/lib/charter/records';
import { setMessages } from '@/lib/i18n/messages';
import { say } from '@/lib/i18n/said';
import { messagesOf } from '../support/messages';

const origin = location.origin;
const charterHtml = '<!doctype html><h1>Charte</h1><table><tr><td>sessionid</td></tr></table>';

function answer(body: string, init: ResponseInit & { url?: string } = {}): Response {
  const response = new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });
  Object.defineProperty(response, 'url', { value: init.url ?? '' });
  return response;
}

afterEach(() => vi.unstubAllGlobals());

describe('which links of the page Témoin may fetch as its charter', () => {
  it.each([
    ['/account/logout/?next=cookie'],
    ['/account/logout/'],
    ['/logout?cookies=1'],
    ['/api/cookies/delete'],
    ['/explore/?q=cookie'],
    ['/terms/cookies-policy/?next=/account/'],
    ['/user/cookie-settings/'],
    ['https://evil.example/terms/cookies-policy/'],
    ['/terms/cookies-policy/#top'],
    ['/'],
  ])('never %s', (path) => {
    expect(isCharterLink(new URL(path, origin).href, origin)).toBe(false);
  });

  it.each([['/terms/cookies-policy/'], ['/pages/cookies/'], ['/pages/charte-donnees-personnelles/?flg=fr'], ['/p/politique-cookies']])(
    'a charter path: %s',
    (path) => {
      expect(isCharterLink(new URL(path, origin).href, origin)).toBe(true);
    },
  );

  it('takes two footer links at most, judged by their path, then the known paths', () => {
    const links = ['/account/logout/?next=cookie', '/pages/cookies/', '/pages/charte/', '/pages/cookies-2/'].map((p) => `https://data.issy.com${p}`);
    expect(charterCandidates('https://data.issy.com/explore/', links, 'fr')).toEqual([
      'https://data.issy.com/pages/cookies/',
      'https://data.issy.com/pages/charte/',
      'https://data.issy.com/terms/cookies-policy/?flg=fr',
      'https://data.issy.com/terms/cookies-information?flg=fr',
    ]);
  });

  it('puts nothing of the page’s language attribute in the address but a language code', () => {
    expect(charterCandidates('https://data.issy.com/', [], '&x=1')).toEqual([
      'https://data.issy.com/terms/cookies-policy/',
      'https://data.issy.com/terms/cookies-information',
    ]);
  });
});

describe('fetching the charter page', () => {
  const fetched = (candidates = [`${origin}/terms/cookies-policy/`], timeoutMs = 8000) =>
    fetchCharterPage(candidates, MAX_CHARTER_BYTES, timeoutMs, CHARTER_PAGE_TYPES);
  /** The page, its refusal in words as the popup says it (in French unless told otherwise). */
  const run = async (...args: Parameters<typeof fetched>) => {
    const page = await fetched(...args);
    return page.ok ? page : { ...page, reason: say(page.reason) };
  };

  it('asks with a GET that carries no cookie and no referrer', async () => {
    const fetch = vi.fn(async (url: string, _init: RequestInit) => answer(charterHtml, { url }));
    vi.stubGlobal('fetch', fetch);
    expect(await run()).toEqual({ ok: true, url: `${origin}/terms/cookies-policy/`, html: charterHtml });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('prefers a later page with a table, and reads a charter written without one when no page has a table', async () => {
    const prose = '<main><h1>Cookies</h1><p>Nom : sessionid ; Finalité : session ; Durée : session</p></main>';
    const pages: Record<string, string> = { [`${origin}/a/`]: prose, [`${origin}/b/`]: charterHtml };
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(pages[url]!, { url })));
    expect(await run([`${origin}/a/`, `${origin}/b/`])).toEqual({ ok: true, url: `${origin}/b/`, html: charterHtml });
    expect(await run([`${origin}/a/`])).toEqual({ ok: true, url: `${origin}/a/`, html: prose });
  });

  it('gives up on a page that never answers, and says so', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      ),
    );
    expect(await run(undefined, 20)).toMatchObject({ ok: false, reason: 'le site n’a pas répondu à temps' });
  });

  it('gives up on a page whose body never ends', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('<table>'));
            init.signal!.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          },
        });
        const response = new Response(body, { headers: { 'content-type': 'text/html' } });
        return Object.defineProperty(response, 'url', { value: url });
      }),
    );
    expect(await run(undefined, 20)).toMatchObject({ ok: false, reason: 'le site n’a pas répondu à temps' });
  });

  it.each([
    ['application/octet-stream; name=charte.html'],
    ['application/json'],
    ['text/plain; x=text/html'],
    [''],
  ])('refuses a page served as %j', async (type) => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(charterHtml, { url, headers: { 'content-type': type } })));
    const page = await run();
    expect(page.ok).toBe(false);
    expect(page).toMatchObject({ reason: expect.stringContaining('n’est pas une page web') });
  });

  it.each([['text/html'], ['TEXT/HTML; charset=ISO-8859-1'], ['application/xhtml+xml']])('takes a page served as %j', async (type) => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(charterHtml, { url, headers: { 'content-type': type } })));
    expect(await run()).toMatchObject({ ok: true });
  });

  it('refuses a page that a redirect brought from another origin', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(charterHtml, { url: 'https://elsewhere.example/charte.html' })));
    expect(await run()).toEqual({
      ok: false,
      reason: 'la page de la charte renvoie vers un autre site (elsewhere.example)',
      url: `${origin}/terms/cookies-policy/`,
    });
  });

  it('tells the page found but refused, not a later address that does not exist', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/a') ? answer(charterHtml, { url, headers: { 'content-type': 'application/octet-stream' } }) : answer('', { url, status: 404 }),
      ),
    );
    expect(await run([`${origin}/a`, `${origin}/b`])).toMatchObject({
      reason: 'la page de la charte n’est pas une page web (application/octet-stream)',
      url: `${origin}/a`,
    });
  });

  it('says so when a redirect to another site fails to be followed', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        if (init.redirect === 'follow') throw new TypeError('NetworkError when attempting to fetch resource.');
        return { type: 'opaqueredirect' } as Response;
      }),
    );
    expect(await run()).toMatchObject({ ok: false, reason: 'la page de la charte renvoie vers un autre site' });
  });

  it('says the site cannot be reached when it cannot', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await run()).toMatchObject({ ok: false, reason: 'site injoignable' });
  });

  it('refuses a page over the size limit without reading it all', async () => {
    const big = `<table>${'x'.repeat(MAX_CHARTER_BYTES)}</table>`;
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(big, { url })));
    expect(await run()).toMatchObject({ ok: false, reason: 'page de la charte trop grande (plus de 2\u00a0Mo)' });
  });

  it('keeps why it refused a page as a key and its substitutions, said in the language spoken where it is shown', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer('', { url, status: 404 })));
    const page = await fetched();
    // Made in the portal's page, where the visitor's chosen language is not loaded: no sentence.
    expect(page).toEqual({ ok: false, reason: { key: 'error.charter.notFound', subs: [404] }, url: `${origin}/terms/cookies-policy/` });
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(charterHtml, { url, headers: { 'content-type': '' } })));
    const untyped = await fetched();
    expect(untyped).toMatchObject({ reason: { key: 'error.charter.notWebPage', subs: [{ key: 'error.charter.noType', subs: [] }] } });
    setMessages('en', await messagesOf('en'));
    expect(say(!page.ok ? page.reason : '')).toBe('page not found (error 404)');
    expect(say(!untyped.ok ? untyped.reason : '')).toBe('the charter page is not a web page (no type given)');
  });

  it('never fetches another origin, whatever it is given', async () => {
    const fetch = vi.fn(async (url: string) => answer(charterHtml, { url }));
    vi.stubGlobal('fetch', fetch);
    expect(await run(['https://evil.example/terms/cookies-policy/'])).toMatchObject({ ok: false });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('after a failed or unfinished reading', () => {
  beforeEach(() => fakeBrowser.reset());

  it('waits an hour, then twice as long after each further failure, up to a day', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map(retryDelay)).toEqual([1, 2, 4, 8, 16, 24, 24].map((h) => h * CHARTER_RETRY_MS));
    expect(retryDelay(99)).toBe(CHARTER_MAX_AGE_MS);
  });

  it('counts failures in a row and does not read again before the delay', async () => {
    await recordFailure('data.issy.com', 'le site n’a pas répondu à temps');
    await recordFailure('data.issy.com', 'le site n’a pas répondu à temps');
    const record = await charterRecord('data.issy.com');
    expect(record?.failure?.count).toBe(2);
    const at = Date.parse(record!.failure!.at);
    expect(charterIsStale(record, at + CHARTER_RETRY_MS + 1000)).toBe(false);
    expect(charterIsStale(record, at + 2 * CHARTER_RETRY_MS + 1000)).toBe(true);
  });

  it('does not start a reading again at the next opening when the last one never ended', async () => {
    await recordAttempt('data.issy.com');
    const record = await charterRecord('data.issy.com');
    const at = Date.parse(record!.attempt!);
    expect(charterIsStale(record, at + 60_000)).toBe(false);
    expect(charterIsStale(record, at + CHARTER_RETRY_MS + 1000)).toBe(true);
  });

  it('forgets the unfinished reading once it is recorded as failed', async () => {
    await recordAttempt('data.issy.com');
    await recordFailure('data.issy.com', 'charte refusée');
    expect(await charterRecord('data.issy.com')).not.toHaveProperty('attempt');
  });
});

describe('a page that never answers Témoin', () => {
  it('is read as unreadable after a few seconds, not waited for', async () => {
    vi.useFakeTimers();
    const executeScript = vi.fn(() => new Promise(() => {})); // a page whose scripts keep it busy
    const scripting = (fakeBrowser as unknown as { scripting: Record<string, unknown> }).scripting ?? {};
    (fakeBrowser as unknown as { scripting: Record<string, unknown> }).scripting = { ...scripting, executeScript };
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Témoin', version: '0.1.0' });
    try {
      const { probeTab, PAGE_PROBE_LIMIT_MS } = await import('@/lib/page/inject');
      const probe = probeTab(1);
      await vi.advanceTimersByTimeAsync(PAGE_PROBE_LIMIT_MS + 1);
      expect(await probe).toBeUndefined();
      expect(executeScript).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
