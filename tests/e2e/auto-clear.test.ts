/**
 * Automatic clearing: chosen per portal in the options page, done when the portal's last tab
 * closes, by the plan of the manual clear, written in « Historique des nettoyages » with an undo.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredCookie } from '@/lib/cookies/model';
import { engines } from './engines';
import { allCookies, clickButton, sortedJar, waitForText } from './harness';
import { useSession } from './session';

const names = (cookies: StoredCookie[]) => [...new Set(cookies.map((c) => c.name))].sort();

describe.each(engines)('in %s', (_engine, launch) => {
  const session = useSession(launch);
  let options: Page;
  let before: StoredCookie[];

  beforeAll(async () => {
    const { browser, control } = session;
    // The grace delay, shortened for the test (a key nothing in the extension writes).
    await control.evaluate(async () => {
      const api = ((globalThis as any).browser ?? chrome) as typeof chrome;
      await api.storage.local.set({ 'auto-clear-grace-ms-for-tests': 300 });
    });
    options = await browser.openExtensionPage('options.html');
    await waitForText(options, 'Nettoyage automatique');
    // The visitor ticks the box for data.issy.com.
    await options.evaluate(() => {
      const fieldset = [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'data.issy.com')!;
      const label = [...fieldset.querySelectorAll('label')].find((l) => l.textContent!.includes('dernier onglet'))!;
      label.querySelector('input')!.click();
    });
    await options.waitForFunction(
      async () => {
        const api = ((globalThis as any).browser ?? chrome) as typeof chrome;
        const stored = (await api.storage.local.get('auto-clear'))['auto-clear'] as Record<string, { onLastTabClosed: boolean }> | undefined;
        return stored?.['data.issy.com']?.onLastTabClosed === true;
      },
      { timeout: 10_000 },
    );
  });

  it('clears what the manual clear ticks when the portal’s last tab closes, and nothing else', async () => {
    const portal = await session.browser.openPage('https://data.issy.com/?consent=1');
    await portal.goto('https://data.issy.com/', { waitUntil: 'load' });
    before = sortedJar(await allCookies(session.control));
    expect(names(before)).toEqual(['_ga', '_hjSessionUser_3141', '_pk_id.1.a1b2', 'cookies_preferences', 'csrftoken', 'django_language', 'ods_embed', 'sessionid']);
    await portal.close();
    let after: StoredCookie[] = before;
    // Until the clearing is over (or 15 s): every cookie the plan ticks is gone.
    for (let i = 0; i < 150 && names(after).some((n) => ['_ga', '_hjSessionUser_3141', '_pk_id.1.a1b2', 'ods_embed'].includes(n)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await allCookies(session.control);
    }
    expect(names(after)).toEqual(['cookies_preferences', 'csrftoken', 'django_language', 'sessionid']);
    // The necessary and platform cookies stay exactly as they were.
    expect(sortedJar(after)).toEqual(before.filter((c) => names(after).includes(c.name)));
  });

  it('lists the clearing in « Historique des nettoyages », and undoes it exactly', async () => {
    await options.bringToFront();
    await options.waitForFunction(() => document.querySelector('.journal-entry')?.textContent?.includes('dernier onglet fermé') ?? false, {
      timeout: 10_000,
    });
    const entry = (await options.evaluate(() => document.querySelector('.journal-entry')!.textContent!)).replace(/\s+/g, ' ');
    expect(entry).toContain('data.issy.com');
    expect(entry).toMatch(/4 cookies supprimés/);
    expect(entry).toContain('_ga');
    await clickButton(options, 'Annuler ce nettoyage');
    await options.waitForFunction(() => !document.querySelector('.journal-entry button'), { timeout: 10_000 });
    expect(sortedJar(await allCookies(session.control))).toEqual(before);
  });
});
