/**
 * A page that floods the jar: 1,200 cookies with names and paths as long as the browser takes.
 * Every change is reported to Témoin, which notes it in its timeline (session storage, 10 MB
 * for everything Témoin keeps there in Chromium). A reset and its undo must still work, and
 * say so in French. Chromium: its session storage has a quota a test can fill.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { built } from './engines';
import { allCookies, tabIdOf } from './harness';
import { SESSION_BUDGET, SESSION_QUOTA_BYTES } from '../../lib/storage-budget';
import { useSession } from './session';

/** Clicks an enabled button by its label, in the panel of a site when one is named. */
async function clickIn(page: Page, label: string, site?: string) {
  const button = await page.waitForFunction(
    (l, s) => {
      const root = s
        ? [...document.querySelectorAll('section.panel')].find((p) => p.querySelector('h2')?.textContent?.replace(/\s+/g, ' ').startsWith(s))
        : document;
      return [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === l && !b.disabled && b.getAttribute('aria-disabled') !== 'true') ?? false;
    },
    { timeout: 30_000, polling: 100 },
    label,
    site,
  );
  await button.asElement()!.evaluate((b) => (b as HTMLButtonElement).click());
}

/** The command's outcome, once it matches `pattern`. */
async function outcome(page: Page, pattern: RegExp, site?: string): Promise<string> {
  const handle = await page.waitForFunction(
    (source, s) => {
      const root = s
        ? [...document.querySelectorAll('section.panel')].find((p) => p.querySelector('h2')?.textContent?.replace(/\s+/g, ' ').startsWith(s))
        : document;
      // Spaces, the non-breaking ones included, as one space.
      const text = root?.querySelector('[data-command-summary]')?.textContent?.replace(/\s+/g, ' ').trim();
      return text && new RegExp(source).test(text) ? text : false;
    },
    { timeout: 150_000, polling: 500 },
    pattern.source,
    site,
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}; the page shows: ${(await page.evaluate(() => document.body.innerText)).slice(0, 300)}; flood cookies left: ${await flooded(page)}`);
  });
  return (await handle.jsonValue()) as string;
}

const ENGLISH = /\b(quota|exceeded|error|failed|undefined|storage)\b/i;
const flooded = async (page: Page) => (await allCookies(page)).filter((c) => c.name.startsWith('_flood')).length;

describe('a page that floods the jar, in chromium', () => {
  const session = useSession((ports, options) => launchChromium(built('chrome-mv3'), ports, [], options));

  it('keeps Témoin’s session storage within its quota, and reset and undo still work in French', async () => {
    const { control, replica, browser } = session;
    await (await browser.openPage('https://data.issy.com/?consent=1')).close();
    replica.setBehaviour('flood');
    const portal = await browser.openPage('https://data.issy.com/');
    await portal.waitForFunction(() => document.title.includes('inondé'), { timeout: 60_000 });
    replica.setBehaviour('standard');
    // Until the background has noted every change (its storage stops growing), or 60 s.
    let bytes = -1;
    for (let i = 0, same = 0; i < 60 && same < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const now = await control.evaluate(() => chrome.storage.session.getBytesInUse(null));
      same = now === bytes ? same + 1 : 0;
      bytes = now;
    }
    console.log(`session storage after the flood: ${bytes} bytes`);
    // Whatever the page does, the room undo needs stays free.
    expect(bytes).toBeLessThanOrEqual(SESSION_QUOTA_BYTES - SESSION_BUDGET.undo);
    const kept = await flooded(control);
    expect(kept).toBeGreaterThan(100);

    // The visitor's choice, recorded again after the flood (the browser evicted the oldest cookies).
    await (await browser.openPage('https://data.issy.com/?consent=1')).close();
    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(control, 'https://data.issy.com/*')}`);
    await clickIn(popup, 'Réinitialiser mes préférences cookies');
    const reset = await outcome(popup, /réinitialisées|échec|Aucun/);
    expect(reset).not.toMatch(ENGLISH);
    expect(reset).toMatch(/^Préférences réinitialisées : 1 cookie supprimé\./);
    await clickIn(popup, 'Annuler la réinitialisation');
    const undone = await outcome(popup, /annulée|échec/);
    expect(undone).not.toMatch(ENGLISH);
    expect(undone).toMatch(/^Réinitialisation annulée : 1 cookie restauré\./);
    expect((await allCookies(control)).some((c) => c.name === 'cookies_preferences')).toBe(true);
  }, 480_000);
});
