/**
 * The first-visit test as one transaction, in the real browsers: pages that write cookies as they
 * are left or on a timer, a second portal tab, « Annuler la suppression » asked during a test, a
 * visitor who leaves the portal and comes back, cookies at paths Chromium cannot address, and a
 * browser closed mid-test and started again on the same profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCookie } from '@/lib/cookies/model';
import { launchChromium } from './chromium';
import { built, engines } from './engines';
import { startTest } from './first-visit-steps';
import { allCookies, clickButton, type ExtensionBrowser, sortedJarToSecond, tabAt } from './harness';
import { startReplica, useSession, type Replica } from './session';

const PORTAL = 'https://data.issy.com/';

/** The popup's report of the test, once the test is over and the visitor put back. */
async function finished(popup: Page): Promise<string> {
  const handle = await popup.waitForFunction(
    () => {
      if (document.querySelector('.first-visit progress')) return false;
      const text = document.querySelector('.first-visit')?.textContent?.replace(/\s+/g, ' ').trim();
      return text?.includes('Test du') ? text : false;
    },
    { timeout: 60_000, polling: 200 },
  );
  return (await handle.jsonValue()) as string;
}

/** A cookie of the portal, once a page has written it. */
async function cookieNamed(control: Page, name: string): Promise<StoredCookie> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const found = (await allCookies(control)).find((c) => c.name === name);
    if (found) return found;
  }
  throw new Error(`no cookie ${name}`);
}

/** Asks a page until `check` holds, across the loads Témoin makes it go through. */
async function eventually<T>(page: Page, check: () => T, limitMs = 20_000): Promise<T> {
  let last: unknown;
  for (const deadline = Date.now() + limitMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    try {
      last = await page.evaluate(check);
      if (last) return last as T;
    } catch {
      // The page is being loaded again.
    }
  }
  throw new Error(`the page never got there (last: ${JSON.stringify(last)})`);
}

describe.each(engines)('in %s', (engine, launch) => {
  const session = useSession(launch);
  // Each test with the pages it opened only (a page left open would be a portal tab of the next test).
  afterEach(async () => {
    for (const page of await session.browser.browser.pages()) if (page !== session.control) await page.close().catch(() => {});
  });

  it('starts without the visitor’s id their page writes as it is left, and ends without the test’s id the test’s page writes as it goes', async () => {
    const { browser, control } = session;
    const portal = await browser.openPage(`${PORTAL}?consent=1&pagehide=1`);
    await portal.goto(`${PORTAL}?pagehide=1`, { waitUntil: 'load' });
    const before = sortedJarToSecond(await allCookies(control));
    const visitorId = before.find((c) => c.name === '_pk_id.1.a1b2')!.value;
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabAt(control, `${PORTAL}?pagehide=1`)}`);
    await startTest(popup, '5');
    // The first visit made its own id: the page left at the start did not hand it the visitor's.
    expect((await cookieNamed(control, '_pk_id.1.a1b2')).value).not.toBe(visitorId);
    const report = await finished(popup);
    expect(report).toContain('Vos cookies ont été remis en place');
    await eventually(portal, () => document.readyState === 'complete' && document.cookie.includes('_pk_id'));
    expect(sortedJarToSecond(await allCookies(control))).toEqual(before);
    await popup.close();
    await portal.close();
  });

  it('keeps a second portal tab’s timer out of the test, and a tab opened during the test out of the visitor’s jar', async () => {
    const { browser, control } = session;
    const tested = await browser.openPage(`${PORTAL}?timer=1`);
    const second = await browser.openPage(`${PORTAL}?timer=1&tab=2`);
    await eventually(second, () => (window as any).ticks >= 2);
    const before = sortedJarToSecond(await allCookies(control));
    const visitorId = before.find((c) => c.name === '_tt_visit')!.value;
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabAt(control, `${PORTAL}?timer=1`)}`);
    await startTest(popup, '10');
    expect((await cookieNamed(control, '_tt_visit')).value).not.toBe(visitorId);
    // A portal tab the visitor opens during the test reads the test's id, and writes it every 100 ms.
    const third = await browser.openPage(`${PORTAL}?timer=1&tab=3`);
    await eventually(third, () => (window as any).ticks >= 2);
    await finished(popup);
    // Every page of the portal was loaded again after the visitor's cookies came back, and writes what it read.
    for (const page of [tested, second, third]) await eventually(page, () => document.readyState === 'complete' && (window as any).ticks >= 3);
    expect(sortedJarToSecond(await allCookies(control))).toEqual(before);
    for (const page of [popup, tested, second, third]) await page.close();
  });

  it('refuses « Annuler la suppression » in French during a test, keeps the undo, and loses nothing', async () => {
    const { browser, control } = session;
    const portal = await browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    // The tested page sets nothing of its own (the replica's 404), so the jars compare exactly.
    await portal.goto(`${PORTAL}explore/`, { waitUntil: 'load' });
    const before = sortedJarToSecond(await allCookies(control));
    const options = await browser.openExtensionPage('options.html');
    await clickButton(options, 'Supprimer les cookies non essentiels');
    await options.waitForFunction(() => /supprimé/.test(document.querySelector('[data-command-summary]')?.textContent ?? ''), { timeout: 15_000, polling: 100 });
    const cleared = sortedJarToSecond(await allCookies(control));
    expect(cleared.length).toBeLessThan(before.length);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabAt(control, `${PORTAL}explore/`)}`);
    await startTest(popup, '10');
    await options.bringToFront();
    await clickButton(options, 'Annuler la suppression');
    await options.waitForFunction(
      () => /Suppression non annulée/.test(document.querySelector('[data-command-summary]')?.textContent ?? ''),
      { timeout: 15_000, polling: 100 },
    );
    expect(await options.evaluate(() => document.body.innerText)).toContain(
      'Un test de première visite est en cours sur data.issy.com\u00a0: Témoin ne touche pas à ces cookies',
    );
    await finished(popup);
    expect(sortedJarToSecond(await allCookies(control))).toEqual(cleared);
    // The undo is still there, and puts back exactly what the clear removed.
    await options.bringToFront();
    await clickButton(options, 'Annuler la suppression');
    await options.waitForFunction(() => /Suppression annulée/.test(document.querySelector('[data-command-summary]')?.textContent ?? ''), {
      timeout: 15_000,
      polling: 100,
    });
    expect(sortedJarToSecond(await allCookies(control))).toEqual(before);
    for (const page of [popup, options, portal]) await page.close();
  });

  it('puts the tab’s sessionStorage back when the visitor comes back to the portal after leaving mid-test, and says when', async () => {
    const { browser, control } = session;
    const portal = await browser.openPage(PORTAL);
    await portal.evaluate(() => sessionStorage.setItem('visitor_tab', 'onglet'));
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabAt(control, PORTAL)}`);
    await startTest(popup, '30');
    await eventually(portal, () => document.readyState === 'complete' && sessionStorage.getItem('visitor_tab') === null);
    await portal.goto('https://elsewhere.example/', { waitUntil: 'load' });
    const report = await finished(popup);
    expect(report).toContain('vous avez quitté le portail');
    expect(report).toContain('Le stockage de session de l’onglet sera remis en place quand vous reviendrez sur data.issy.com dans cet onglet.');
    // Not waited for: Témoin loads the page once more when it has put the storage back.
    void portal.goto(PORTAL).catch(() => {});
    expect(await eventually(portal, () => location.hostname === 'data.issy.com' && sessionStorage.getItem('visitor_tab'))).toBe('onglet');
    // Opened again, the popup's report says it.
    const again = await browser.openExtensionPage(`popup.html?tabId=${await tabAt(control, PORTAL)}`);
    await eventually(again, () => document.body.innerText.includes('a été remis en place à votre retour'));
    await again.close();
    await popup.close();
    await portal.close();
  });

  it('leaves cookies at paths Chromium cannot address as they are rather than duplicate them, and the report says what was done', async () => {
    const { browser, control } = session;
    const portal = await browser.openPage(`${PORTAL}?oddpaths=1`);
    const before = sortedJarToSecond(await allCookies(control));
    expect(before.filter((c) => c.name.startsWith('odd_')).map((c) => c.path).sort()).toEqual(['/a b', '/é']);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabAt(control, `${PORTAL}?oddpaths=1`)}`);
    await startTest(popup, '5');
    const report = await finished(popup);
    await eventually(portal, () => document.readyState === 'complete');
    expect(sortedJarToSecond(await allCookies(control))).toEqual(before);
    if (engine === 'chromium') {
      expect(report).toContain('Laissés tels quels pendant le test, car Chromium ne sait pas les recréer à leur chemin exact');
    }
    // The exported report says the same, and nothing more.
    await popup.evaluate(() => {
      const original = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => {
        void blob.text().then((text) => ((window as any).lastExport = text));
        return original(blob);
      };
    });
    await clickButton(popup, 'Rapport du test');
    const html = (await (await popup.waitForFunction(() => (window as any).lastExport ?? false, { timeout: 10_000 })).jsonValue()) as string;
    expect(html).toContain('Vos cookies ont été remis en place');
    if (engine === 'chromium') expect(html).toContain('Laissés tels quels pendant le test');
    await popup.close();
    await portal.close();
  });
});

describe('a browser closed during a test, in chromium', () => {
  let replica: Replica;
  let profile: string;
  let browser: ExtensionBrowser | undefined;
  const launch = () => launchChromium(built('chrome-mv3'), { http: replica.httpPort, https: replica.httpsPort }, [], { profile });

  beforeAll(async () => {
    replica = await startReplica();
    profile = mkdtempSync(join(tmpdir(), 'temoin-chromium-kept-'));
  });
  afterAll(async () => {
    await browser?.close();
    await replica?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('gets every cookie back exactly when the browser starts again on the same profile', async () => {
    browser = await launch();
    let control = await browser.openExtensionPage('options.html');
    const portal = await browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    const before = sortedJarToSecond(await allCookies(control));
    expect(before.map((c) => c.name)).toEqual(expect.arrayContaining(['cookies_preferences', 'sessionid']));
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabAt(control, PORTAL)}`);
    await startTest(popup, '30');
    const during = await allCookies(control);
    expect(during.find((c) => c.name === 'cookies_preferences')).toBeUndefined();
    await browser.close();
    browser = undefined;

    browser = await launch();
    control = await browser.openExtensionPage('options.html');
    let now: ReturnType<typeof sortedJarToSecond> = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      now = sortedJarToSecond(await allCookies(control));
      if (JSON.stringify(now) === JSON.stringify(before)) break;
    }
    expect(now).toEqual(before);
    const kept = await control.evaluate(async () => {
      const local = await chrome.storage.local.get('first-visit');
      const session = await chrome.storage.session.get('first-visit-reports');
      const reports = session['first-visit-reports'] as { stopped?: string; restored: { failed: unknown[] } }[] | undefined;
      return { local: local['first-visit'] ?? null, report: reports?.[0] };
    });
    // The copy on disk is gone once used, and the report says why the test stopped and what came back.
    expect(kept.local).toBeNull();
    expect(kept.report?.stopped).toBe('le navigateur a été fermé pendant le test');
    expect(kept.report?.restored.failed).toEqual([]);
  });
});
