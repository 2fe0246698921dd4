/**
 * `npm run screenshots`: the stores' pictures, in store/screenshots/<lang>/, from the replica of
 * data.issy.com. Each shows Témoin's real pages as drawn by Chromium; the 1280 × 800 pictures set
 * them beside a caption, the 440 × 280 tile (Chrome Web Store) is the icon, the name and one
 * line. Chrome wants 1280 × 800 and 440 × 280 exactly, in 24-bit colour without transparency:
 * each picture is checked for both. Once in French, once in English: the browser set to each
 * language, Témoin following it, the captions written for each.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/chromium';
import { tabIdOf, waitForText } from '../e2e/harness';
import { startReplica } from '../e2e/session';

/** What each language's pictures say beside Témoin, and what Témoin shows once it is ready. */
const languages = {
  fr: {
    popupTitle: 'Chaque cookie du portail, comparé à sa charte',
    popupText: 'Qui le dépose, à quoi il sert, combien de temps il reste&#8239;; ce que la charte ne déclare pas est signalé «&nbsp;Non déclaré&nbsp;».',
    tile: 'Les cookies d’un portail open data, selon sa propre charte',
    charterRead: 'Charte publiée sur le site, lue le',
    choice: 'Votre choix enregistré',
    clear: 'Supprimer les cookies non essentiels',
  },
  en: {
    popupTitle: 'Every cookie of the portal, checked against its charter',
    popupText: 'Who sets it, what it is for, how long it stays; what the charter does not declare is marked “Undeclared”.',
    tile: 'An open-data portal’s cookies, as its own charter declares them',
    charterRead: 'Site’s charter, read on',
    choice: 'Your recorded choice',
    clear: 'Clear non-essential cookies',
  },
} as const;

/** Width, height and PNG colour type (2: RGB, no alpha) of a PNG file, from its IHDR chunk. */
function pngFacts(path: string) {
  const png = readFileSync(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] };
}

const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

const style = `
  * { box-sizing: border-box; margin: 0; }
  body { width: var(--w); height: var(--h); overflow: hidden; font-family: system-ui, sans-serif;
    background: #1d3557; color: #f4f6f9; display: flex; align-items: center; }
  h1 { font-size: 44px; line-height: 1.15; font-weight: 700; }
  p { font-size: 24px; line-height: 1.4; margin-top: 24px; color: #dce3ec; }
  img.shot { border-radius: 8px; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.45); }
`;

/** A page of `width` × `height` made of `body`, photographed opaque. */
async function compose(page: Page, lang: string, width: number, height: number, body: string, path: string) {
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>:root{--w:${width}px;--h:${height}px}${style}</style></head><body>${body}</body></html>`);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => img.decode()));
  });
  await page.screenshot({ path, omitBackground: false });
}

describe.each(Object.entries(languages))('in %s', (lang, words) => {
  it('takes the stores’ screenshots', async () => {
    const OUT = `store/screenshots/${lang}`;
    mkdirSync(OUT, { recursive: true });
    const replica = await startReplica();
    const browser = await launchChromium(resolve('.output/chrome-mv3'), { http: replica.httpPort, https: replica.httpsPort }, [], { language: lang as 'fr' | 'en' });
    try {
      const portal = await browser.openPage('https://data.issy.com/?consent=1');
      await portal.goto('https://data.issy.com/', { waitUntil: 'load' });
      const options = await browser.openExtensionPage('options.html');
      const tabId = await tabIdOf(options, 'https://data.issy.com/*');

      // The popup at its toolbar size, drawn at 1.25 × so that it reads well beside the caption.
      const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
      await popup.setViewport({ width: 400, height: 600, deviceScaleFactor: 1.25 });
      await waitForText(popup, words.charterRead);
      await waitForText(popup, words.choice);
      expect(await popup.$$('li.cookie')).toHaveLength(8);
      const popupShot = await popup.screenshot();

      const canvas = await browser.openPage('about:blank');
      await compose(
        canvas,
        lang,
        1280,
        800,
        `<div style="display:flex;align-items:center;gap:64px;padding:0 72px">
          <div style="flex:1">
            <h1>${words.popupTitle}</h1>
            <p>${words.popupText}</p>
          </div>
          <img class="shot" src="${dataUrl(popupShot)}" width="500" height="750" alt="">
        </div>`,
        `${OUT}/popup-1280x800.png`,
      );

      // The options page as a visitor sees it, in a window of the store's size. A tab behind
      // others is not drawn: it comes to the front first.
      await options.bringToFront();
      await options.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
      await options.reload();
      await options.waitForSelector('li.cookie');
      await waitForText(options, words.clear);
      await options.screenshot({ path: `${OUT}/options-1280x800.png` });

      const icon = readFileSync('public/icon/128.png');
      await canvas.bringToFront();
      await compose(
        canvas,
        lang,
        440,
        280,
        `<div style="display:flex;align-items:center;gap:24px;padding:0 32px">
          <img src="${dataUrl(icon)}" width="96" height="96" alt="">
          <div>
            <h1 style="font-size:40px">Témoin</h1>
            <p style="font-size:19px;margin-top:10px">${words.tile}</p>
          </div>
        </div>`,
        `${OUT}/tile-440x280.png`,
      );

      for (const [name, width, height] of [
        ['popup-1280x800', 1280, 800],
        ['options-1280x800', 1280, 800],
        ['tile-440x280', 440, 280],
      ] as const) {
        expect(pngFacts(`${OUT}/${name}.png`), name).toEqual({ width, height, colourType: 2 });
      }
    } finally {
      await browser.close();
      await replica.close();
    }
  });
});
