/**
 * The figures that need a real browser: the popup from opening to every row rendered, the
 * script Témoin runs in a portal page, and charter parsing with the browser's own DOMParser.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, CookieData, Page } from 'puppeteer-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReplica, type Replica } from '../tests/e2e/session';
import { launchChromium } from '../tests/e2e/chromium';
import type { ExtensionBrowser } from '../tests/e2e/harness';
import { noteMachine, record } from './results';
import { summarise } from './stats';

const OPENS = 25;
const PORTAL_PAGE = 'https://data.issy.com/terms/cookies-policy/'; // a portal page that sets no cookie itself

let replica: Replica;
let browser: ExtensionBrowser;
/** The copy of the extension the browser runs: the static page of rows is written there. */
let extensionDir: string;
let control: Page;
let portal: Page;

/**
 * The built extension, copied with one more file: a blank HTML page of the same extension, the
 * floor the popup is measured against (what opening any page of this extension costs).
 */
function extensionWithBlankPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'temoin-bench-'));
  cpSync(resolve('.output/chrome-mv3'), dir, { recursive: true });
  // One word, so that the floor has a first paint to compare with the popup's.
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Témoin</title><p>Témoin</p></html>');
  // The static page's one script, last in its body: the same mark as the popup's, once laid out.
  writeFileSync(join(dir, 'static-mark.js'), "void document.documentElement.offsetHeight; performance.mark('temoin:every-row-rendered');");
  return dir;
}

beforeAll(async () => {
  replica = await startReplica();
  extensionDir = extensionWithBlankPage();
  browser = await launchChromium(extensionDir, { http: replica.httpPort, https: replica.httpsPort });
  control = await browser.openExtensionPage('options.html');
  portal = await browser.openPage(PORTAL_PAGE);
  noteMachine('browser', await browser.browser.version());
});
afterAll(async () => {
  await browser?.close();
  await replica?.close();
});

const year = () => Math.floor(Date.now() / 1000) + 365 * 86_400;
const cookie = (name: string, domain = 'data.issy.com', extra: Partial<CookieData> = {}): CookieData => ({
  name,
  value: 'v',
  domain,
  path: '/',
  expires: year(),
  ...extra,
});

/** Replaces every cookie in the browser with the given jar. */
async function setJar(cookies: CookieData[]) {
  const context = browser.browser.defaultBrowserContext();
  const existing = await context.cookies();
  if (existing.length) await context.deleteCookie(...existing);
  for (let i = 0; i < cookies.length; i += 200) await context.setCookie(...cookies.slice(i, i + 200));
}

function portalJar(size: number): CookieData[] {
  const jar = [
    cookie('sessionid', 'data.issy.com', { httpOnly: true }),
    cookie('csrftoken'),
    cookie('django_language'),
    cookie('cookies_preferences'),
    cookie('_ga', '.issy.com'),
  ];
  for (let i = jar.length; i < size; i++) {
    // A tenth of them partitioned, as embedded widgets leave them.
    const partitioned = i % 10 === 0;
    jar.push(
      cookie(`_bench_${i}`, 'data.issy.com', partitioned
        ? { secure: true, sameSite: 'None', partitionKey: { sourceOrigin: 'https://issy.com', hasCrossSiteAncestor: false } }
        : {}),
    );
  }
  return jar;
}

const elsewhere = (count: number) =>
  Array.from({ length: count }, (_, i) => cookie(`other_${i}`, `site${i % 50}.example`));

/**
 * Opens a page of the extension as the toolbar popup, the way a visitor does (`action.openPopup`
 * on the portal's tab, which is active), and times it from the popup's navigation start.
 */
async function openAndTime(
  path: 'popup.html' | 'blank.html' | 'static.html',
  until: 'report' | 'load' | 'static',
  keep?: (page: Page) => Promise<void>,
): Promise<{ ms: number; fcp: number; every?: number }> {
  await portal.bringToFront();
  await control.evaluate(async (path) => {
    await chrome.action.setPopup({ popup: path });
    await chrome.action.openPopup();
  }, path);
  const target = await browser.browser.waitForTarget((t) => t.url() === `${browser.extensionOrigin}/${path}`);
  const page = await target.asPage();
  const handle = await page.waitForFunction(
    (until) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      if (until === 'load') {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return nav && nav.loadEventEnd > 0 && fcp ? { ms: nav.loadEventEnd, fcp: fcp.startTime } : false;
      }
      const inView = performance.getEntriesByName('temoin:report-rendered')[0];
      const every = performance.getEntriesByName('temoin:every-row-rendered')[0];
      if (until === 'static') return every && fcp ? { ms: every.startTime, every: every.startTime, fcp: fcp.startTime } : false;
      return inView && every && fcp ? { ms: inView.startTime, every: every.startTime, fcp: fcp.startTime } : false;
    },
    { timeout: 15_000, polling: 20 },
    until,
  );
  const timing = (await handle.jsonValue()) as { ms: number; fcp: number; every?: number };
  await keep?.(page);
  await page.close();
  return timing;
}

/**
 * Popup opens interleaved with opens of a blank page of the same extension (the floor). Asleep:
 * the background's service worker is stopped before each opening, as the browser does after
 * 30 s without an event; the popup then waits for it to start.
 */
async function popupFigures(label: string, { asleep = false } = {}) {
  const popup: number[] = [];
  const every: number[] = [];
  const fcp: number[] = [];
  const floor: number[] = [];
  const floorFcp: number[] = [];
  await openAndTime('popup.html', 'report'); // first open reads the charter: not counted
  const workers = await control.createCDPSession();
  await workers.send('ServiceWorker.enable');
  for (let i = 0; i < OPENS; i++) {
    if (asleep) {
      await workers.send('ServiceWorker.stopAllWorkers');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const open = await openAndTime('popup.html', 'report');
    popup.push(open.ms);
    every.push(open.every!);
    fcp.push(open.fcp);
    const blank = await openAndTime('blank.html', 'load');
    floor.push(blank.ms);
    floorFcp.push(blank.fcp);
  }
  await workers.detach();
  await control.evaluate(() => chrome.action.setPopup({ popup: 'popup.html' }));
  record(summarise(`popup, ${label}: blank extension page (floor)`, floor));
  record(summarise(`popup, ${label}: blank page's first contentful paint`, floorFcp));
  record(summarise(`popup, ${label}: first contentful paint`, fcp));
  record(summarise(`popup, ${label}: rows in view rendered`, popup));
  record(summarise(`popup, ${label}: rows in view, above the floor`, popup.map((ms, i) => ms - floor[i]!), asleep ? undefined : 30));
  record(summarise(`popup, ${label}: every row rendered`, every));
}

it('times the popup with 5 cookies', async () => {
  await setJar(portalJar(5));
  await popupFigures('5 cookies');
});

it('times the popup with 5 cookies, the background asleep', async () => {
  await setJar(portalJar(5));
  await popupFigures('5 cookies, background asleep', { asleep: true });
});

it('times the popup with 180 cookies on the portal (Chrome’s most)', async () => {
  await setJar(portalJar(180));
  await popupFigures('180 cookies');
});

/**
 * The popup's list against a static page of the same rows, side by side in one run: the page
 * is the popup's own markup once every row is there (its header and lists, without what loads
 * after them), with its style sheets and no script but the mark. What the popup adds to the
 * browser's own work of showing those rows is the difference.
 */
it('times the whole list of 180 cookies against a static page of the same rows', async () => {
  await setJar(portalJar(180));
  await openAndTime('popup.html', 'report'); // reads the charter: not counted
  await openAndTime('popup.html', 'report', async (page) => {
    await page.waitForFunction(() => document.querySelectorAll('li.cookie').length === 180, { timeout: 15_000 });
    const html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true) as HTMLElement;
      doc.querySelectorAll('script, link[rel=modulepreload]').forEach((el) => el.remove());
      // The report up to its lists: what follows them loads after the first paint.
      const lists = [...doc.querySelectorAll('main section')].filter((s) => s.querySelector('ul.cookies'));
      const last = lists.at(-1)!;
      while (last.nextSibling) last.nextSibling.remove();
      // The rows as they are at the popup's mark: their folded details are made after it, when
      // the browser is idle (lib/ui/row-details.svelte.ts), and may be there by now.
      doc.querySelectorAll('li.cookie .details').forEach((details) => details.replaceChildren());
      doc.querySelector('body')!.insertAdjacentHTML('beforeend', '<script src="/static-mark.js"></script>');
      return `<!doctype html>${doc.outerHTML}`;
    });
    writeFileSync(join(extensionDir, 'static.html'), html);
  });
  const popup: number[] = [];
  const page: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    popup.push((await openAndTime('popup.html', 'report')).every!);
    page.push((await openAndTime('static.html', 'static')).ms);
  }
  await control.evaluate(() => chrome.action.setPopup({ popup: 'popup.html' }));
  record(summarise('popup, 180 cookies: static page of the same rows, laid out', page));
  record(summarise('popup, 180 cookies: every row rendered, in the same run', popup));
  record(summarise('popup, 180 cookies: every row rendered, above the static page', popup.map((ms, i) => ms - page[i]!), 40));
});

it('times the popup with 180 cookies and 1,000 more of other sites', async () => {
  await setJar([...portalJar(180), ...elsewhere(1000)]);
  await popupFigures('180 + 1 000 elsewhere');
});

it('measures what Témoin runs inside a portal page', async () => {
  const session: CDPSession = await portal.createCDPSession();
  // Every script compiled in Témoin's world of the page: the page script (entrypoints/page.content.ts),
  // injected when the page has none, and each call the background makes into it.
  const isolated: { url: string; length: number }[] = [];
  session.on('Debugger.scriptParsed', (event) => {
    if ((event.executionContextAuxData as { type?: string } | undefined)?.type === 'isolated') isolated.push({ url: event.url, length: event.length ?? 0 });
  });
  await session.send('Debugger.enable');
  await session.send('Performance.enable');
  const scriptTime = async () =>
    (await session.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value * 1000;
  /** One opening: the page's script time, and the bytes compiled in Témoin's world. */
  const opening = async () => {
    const [time, parsed] = [await scriptTime(), isolated.length];
    await openAndTime('popup.html', 'report');
    return { ms: (await scriptTime()) - time, bytes: isolated.slice(parsed).reduce((sum, script) => sum + script.length, 0) };
  };
  const first: { ms: number; bytes: number }[] = [];
  const later: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < OPENS; i++) {
    // A page freshly loaded has no page script yet: the first opening injects it, the next asks it.
    await portal.reload({ waitUntil: 'load' });
    first.push(await opening());
    later.push(await opening());
  }
  await session.detach();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  record({ name: 'page script: bytes injected at the first opening on a page', unit: 'B', median: median(first.map((o) => o.bytes)),
    note: 'content-scripts/page.js, with the charter parser it runs only when the charter is due' });
  record({ name: 'page script: bytes injected at a later opening', unit: 'B', median: median(later.map((o) => o.bytes)), budget: 4096,
    note: 'a call into the page script already there' });
  record(summarise('page script: main-thread time at the first opening on a page', first.map((o) => o.ms)));
  record(summarise('page script: main-thread time at a later opening', later.map((o) => o.ms), 1));
  expect(isolated.some((script) => script.url.endsWith('/content-scripts/page.js'))).toBe(true);
});

it('parses charters with the browser’s DOMParser', async () => {
  const bundle = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: resolve('lib/charter/parse.ts'), formats: ['es'], fileName: 'parse' } },
  });
  const output = (Array.isArray(bundle) ? bundle[0]! : bundle) as { output: { code?: string }[] };
  const code = output.output[0]!.code!;
  const page = await browser.browser.newPage();
  await page.goto(PORTAL_PAGE, { waitUntil: 'load' });
  const largestFixture = readFileSync('tests/fixtures/charters/fr-several-sections.html', 'utf8');
  const row = (i: number) =>
    `<tr><td>Prestataire ${i}</td><td>Service ${i}</td><td>cookie_${i}; autre_${i}</td><td>Finalité du cookie numéro ${i}, décrite en une phrase.</td><td>13 mois</td></tr>`;
  let rows = '';
  for (let i = 0; rows.length < 1024 * 1024; i++) rows += row(i);
  const megabyte = `<!doctype html><h2>Cookies nécessaires</h2><table><tr><th>Prestataire</th><th>Service</th><th>Nom du cookie</th><th>Finalité</th><th>Durée</th></tr>${rows}</table>`;
  const times = await page.evaluate(
    async (code, pages, runs) => {
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      // Through a string, so the test runner does not rewrite this page-side import().
      const module = await (new Function('url', 'return import(url)') as (url: string) => Promise<object>)(url);
      const parse = (module as { parseCharter?: (doc: Document, meta: object) => { charter: { entries: unknown[] } } })
        .parseCharter;
      if (!parse) throw new Error('parseCharter not exported');
      const meta = { site: 'data.issy.com', url: 'https://data.issy.com/', fetchedAt: new Date().toISOString() };
      return pages.map((html) => {
        const dom: number[] = [];
        const parsing: number[] = [];
        let entries = 0;
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          const doc = new DOMParser().parseFromString(html, 'text/html');
          const t1 = performance.now();
          entries = parse(doc, meta).charter.entries.length;
          parsing.push(performance.now() - t1);
          dom.push(t1 - t0);
        }
        return { dom, parsing, entries };
      });
    },
    code,
    [largestFixture, megabyte],
    15,
  );
  await page.close();
  record(summarise('charter parse, largest fixture', times[0]!.parsing));
  record(summarise(`charter parse, 1 MB page (${times[1]!.entries} entries)`, times[1]!.parsing, 20));
  record(summarise('DOMParser alone, 1 MB page (browser’s share)', times[1]!.dom));
  expect(times[1]!.entries).toBeGreaterThan(1000);
});
