/**
 * Text at the visitor's size and pages that reflow (WCAG 1.4.4, 1.4.10): body text of at least
 * 13 px at the browser's default settings (Chromium shrinks extension pages' text to 75 % unless
 * the page says otherwise), sizes that follow the visitor's default font size, no sideways
 * scrolling at 320 px, and nothing cut off with text at 200 %.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageEngines } from './engines';
import { tabIdOf, waitForText } from './harness';
import { useSession } from './session';

const PORTAL = 'https://data.issy.com/';

/** Font sizes in CSS pixels as the screen shows them (a zoomed page counts its zoom). */
function sizes(page: Page) {
  return page.evaluate(() => {
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize) * ((el as any).currentCSSZoom ?? 1);
    const texts = [...document.querySelectorAll('body *')].filter(
      (el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) && (el as HTMLElement).offsetParent !== null,
    );
    // Counted too: over no element at all, the smallest size would be `Infinity`, and pass.
    return { body: px(document.body), texts: texts.length, smallest: Math.min(...texts.map(px)) };
  });
}

/** What sticks out sideways: the page's own scroll, and any element wider than its box lets it be seen. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clipped = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        return /hidden|clip/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && !el.closest('.visually-hidden') && el.checkVisibility();
      })
      .map((el) => el.outerHTML.slice(0, 80));
    // What is on show: not the inside of a closed <details>, not text kept for screen readers.
    const shown = (el: Element) => el.checkVisibility() && !el.closest('.visually-hidden');
    const outside = [...document.querySelectorAll('body *')]
      .filter((el) => shown(el) && el.getBoundingClientRect().right > root.clientWidth + 1)
      .map((el) => el.outerHTML.slice(0, 80));
    return { scroll: root.scrollWidth - root.clientWidth, clipped, outside };
  });
}

// Sizes and reflow are the renderer's: Chromium and one Firefox build (see `pageEngines`).
describe.each(pageEngines)('in %s', (_engine, launch) => {
  const session = useSession(launch);
  let popup: Page;
  let options: Page;

  beforeAll(async () => {
    const portal = await session.browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    // More than eight cookies: the popup shows its filter row.
    await session.control.evaluate(async () => {
      const api = (globalThis as any).browser?.cookies ?? chrome.cookies;
      for (const name of ['extra_a', 'extra_b', 'extra_c']) await api.set({ url: 'https://data.issy.com/', name, value: '1' });
    });
    popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, `${PORTAL}*`)}`);
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    await popup.waitForSelector('input[type=search]');
    options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'À supprimer');
    // A name on the keep list: its « Retirer » button is in the layout too.
    await options.type('#keep-name', 'un_nom_de_cookie_assez_long_pour_deborder');
    await options.keyboard.press('Enter');
    await options.waitForSelector('button[aria-label^="Retirer un_nom"]');
  });

  it('shows body text at 14 px and nothing under 13 px at default settings', async () => {
    for (const page of [popup, options]) {
      const { body, texts, smallest } = await sizes(page);
      console.log(`${_engine}: body ${body} px, smallest ${smallest} px over ${texts} elements with text`);
      expect(body).toBe(14);
      // The popup's report and the options page's panels are on show: dozens of elements with text.
      expect(texts).toBeGreaterThan(20);
      expect(smallest).toBeGreaterThanOrEqual(13);
      expect(smallest).toBeLessThanOrEqual(14);
    }
  });

  it('follows the visitor’s default font size', async () => {
    for (const page of [popup, options]) {
      // What a larger default size in the browser's settings does: the root's size changes.
      await page.evaluate(() => (document.documentElement.style.fontSize = '20px'));
      expect((await sizes(page)).body).toBe(17.5);
      await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    }
  });

  it.each([320, 280])('needs no sideways scrolling at %i px', async (width) => {
    for (const page of [popup, options]) {
      await page.setViewport({ width, height: 700 });
      expect(await overflow(page)).toEqual({ scroll: 0, clipped: [], outside: [] });
    }
  });

  it('cuts nothing off with text at 200 %', async () => {
    for (const page of [popup, options]) {
      await page.setViewport({ width: 800, height: 700 });
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      expect(await overflow(page)).toEqual({ scroll: 0, clipped: [], outside: [] });
      await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    }
  });
});
