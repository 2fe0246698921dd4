/**
 * Témoin in an English browser: the options page speaks English (its `lang`, its words, no
 * French sentence left beside the charter's own text, which keeps its `lang`), axe finds no
 * violation there, and the language chosen on the options page is the one the options page,
 * the popup opened next and the toolbar badge speak.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { engines } from './engines';
import { clickButton, tabIdOf, waitForText } from './harness';
import { useSession } from './session';

/**
 * The page's words a visitor reads as text, without what may be French in an English page:
 * the charter's own text and any other passage marked `lang="fr"` (the language choice's
 * « Français »), and cookie names (`<code>`), which are the sites' own.
 */
function shownText(page: Page, leaving = ''): Promise<string> {
  return page.evaluate((leaving) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const skipped = ['[lang^="fr"]:not(html)', 'code', 'script', 'style', '[hidden]', ...(leaving ? [leaving] : [])].join(', ');
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skipped)) continue;
      // Folded details stay in the page's text for a screen reader: they count too.
      parts.push(node.textContent ?? '');
    }
    return parts.join(' ').replace(/\s+/g, ' ');
  }, leaving);
}

/**
 * What the options page shows that other parts of Témoin write: a cookie's details and findings
 * (the popup's rows and the audit's words, shown in the clearing preview too).
 */
const OTHER_AREAS = '.choice .details, .choice .toggle, .choice .who, .choice .category, details > :not(summary)';

/** Waits for a text that comes after a charter page is fetched and measured, which may take a while under load. */
async function waitLong(page: Page, text: string) {
  try {
    await page.waitForFunction((t) => document.body.innerText.replace(/\s+/g, ' ').includes(t), { timeout: 30_000 }, text);
  } catch {
    throw new Error(`« ${text} » not shown; the page shows: ${(await textOf(page)).replace(/\s+/g, ' ').slice(0, 600)}`);
  }
}

/** The page's text now, or nothing while it reloads. */
function textOf(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText).catch(() => '');
}

/** Letters and typography only French uses, and words common in French and absent from English. */
const FRENCH_LETTERS = /[àâçéèêëîïôûùœ«»]/i;
const FRENCH_WORDS = /\b(les|des|une|est|pas|vos|votre|aucun|aucune|dans|pour|avec|cette|sont|du|sur|non déclarés?|cookies non)\b/i;
/** Names, the same in both languages: the product's, a French institution's. */
const NAMES = /Témoin|Défenseur des droits/g;

/** The French left in a text: each sentence-sized piece that looks French, to read in a failure. */
export function frenchIn(text: string): string[] {
  return text
    .replace(NAMES, 'Temoin')
    .split(/(?<=[.!?:;])\s+|\s+[—·]\s+/)
    .filter((piece) => FRENCH_LETTERS.test(piece) || FRENCH_WORDS.test(piece));
}

describe('the French detector', () => {
  it('finds French in French sentences and none in their English', () => {
    expect(frenchIn('Témoin supprime ici les cookies que vous cochez.')).toHaveLength(1);
    expect(frenchIn('Aucun cookie non essentiel pour ce site.')).toHaveLength(1);
    expect(frenchIn('Cookies à toujours conserver')).toHaveLength(1);
    expect(frenchIn('Here Témoin deletes the cookies you tick. Clear non-essential cookies.')).toEqual([]);
    expect(frenchIn('No non-essential cookies for this site. Cookies to always keep')).toEqual([]);
  });
});

describe.each(engines)('in %s, English', (_engine, launch) => {
  const session = useSession(launch, { language: 'en' });
  let tabId: number;

  beforeAll(async () => {
    // A usual visit of the replica's portal, so that the options page has cookies to offer.
    const portal = await session.browser.openPage('https://data.issy.com/?consent=1');
    await portal.goto('https://data.issy.com/', { waitUntil: 'load' });
    tabId = await tabIdOf(session.control, 'https://data.issy.com/*');
  });

  /** The toolbar badge's title on the portal's tab, as the background last set it. */
  function badgeTitle(): Promise<string> {
    return session.control.evaluate(
      (tabId) =>
        new Promise<string>((resolve) => {
          const action = (chrome.action ?? (chrome as any).browserAction) as typeof chrome.action;
          action.getTitle({ tabId }, resolve);
        }),
      tabId,
    );
  }

  it('shows the options page in English, with no French sentence left, and axe finds no violation', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'Clear non-essential cookies');
    await waitForText(options, 'Cookies to always keep');
    const page = await options.evaluate(() => ({ lang: document.documentElement.lang, title: document.title, h1: document.querySelector('h1')?.textContent }));
    expect(page).toEqual({ lang: 'en', title: 'Témoin — options', h1: 'Témoin — non-essential cookies' });
    // The options page's own words (the rows' details, findings and guesses are the audit's and the popup's, below).
    const text = await shownText(options, OTHER_AREAS);
    expect(text).toContain('Here Témoin deletes the cookies you tick.');
    expect(frenchIn(text)).toEqual([]);
    // The detector sees the French this page would have: the body's whole text has the choice's « Français ».
    expect(frenchIn(await options.evaluate(() => document.body.innerText))).not.toEqual([]);
    const violations = await axeViolations(options);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await options.close();
  });

  it('shows the accessibility statement and the privacy policy in English', async () => {
    for (const [path, heading] of [
      ['accessibility.html', 'Accessibility statement'],
      ['privacy.html', 'Témoin privacy policy'],
    ] as const) {
      const page = await session.browser.openExtensionPage(path);
      await waitForText(page, heading);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(frenchIn(await shownText(page))).toEqual([]);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await page.close();
    }
  });

  it('says the badge title in English', async () => {
    await expect.poll(badgeTitle, { timeout: 10_000 }).toMatch(/^Témoin — (\d+ cookies? not declared in the charter|all cookies are declared in the charter)$/);
  });

  // ── The popup, an export, and the words the options page borrows from them ─────────────
  // These pass once the popup's and the audit's words are in English too (other parts of Témoin).
  it('shows no French on the options page at all, the cookies’ details and findings included', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'Clear non-essential cookies');
    expect(frenchIn(await shownText(options))).toEqual([]);
    await options.close();
  });

  it('shows the popup on the portal at 400 × 600 in English, with no French left but the charter’s', async () => {
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.setViewport({ width: 400, height: 600 });
    await popup.waitForSelector('li.cookie', { timeout: 10_000 });
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    await waitForText(popup, 'Clear non-essential cookies');
    await waitForText(popup, 'Reset my cookie preferences');
    await waitForText(popup, 'Test a first visit');
    expect(frenchIn(await shownText(popup))).toEqual([]);
    const violations = await axeViolations(popup);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // The readable report, the first of the export buttons, opened as the visitor would open the file.
    await popup.evaluate(() => {
      const original = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => {
        void blob.text().then((text) => ((window as any).lastExport = text));
        return original(blob);
      };
    });
    await popup.evaluate(() => (document.querySelector('section.export button') as HTMLButtonElement).click());
    const html = (await (await popup.waitForFunction(() => (window as any).lastExport ?? false, { timeout: 10_000 })).jsonValue()) as string;
    // Shown as a browser shows the saved file: in a page of its own (Firefox does not let a test
    // write a whole document into an extension page).
    const report = await session.browser.openPage('about:blank');
    await report.setContent(html);
    expect(await report.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(frenchIn(await shownText(report))).toEqual([]);
    await report.close();
    await popup.close();
  });

  // ── The language chosen on the options page ─────────────────────────────────────────────
  it('speaks French on the options page, the next popup and the badge once Français is chosen', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'Interface language');
    await options.click('input[name="language"][value="fr"]');
    // The page reloads in the language chosen (read across the reload: an evaluation may meet none).
    await expect.poll(() => textOf(options), { timeout: 20_000 }).toContain('Cookies à toujours conserver');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr');
    // The same detector finds the French page French.
    expect(frenchIn(await options.evaluate(() => document.body.innerText)).length).toBeGreaterThan(3);
    expect(await options.evaluate(() => (document.querySelector('input[name="language"][value="fr"]') as HTMLInputElement).checked)).toBe(true);

    await expect.poll(badgeTitle, { timeout: 10_000 }).toMatch(/^Témoin — (\d+ cookies? non déclarés? dans la charte|tous les cookies sont déclarés dans la charte)$/);

    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('li.cookie', { timeout: 10_000 });
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    await waitForText(popup, 'Supprimer les cookies non essentiels');
    await popup.close();

    // Back to the browser's language: English again.
    await options.click('input[name="language"][value="auto"]');
    await expect.poll(() => textOf(options), { timeout: 20_000 }).toContain('Cookies to always keep');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    await options.close();
  });

  it('says why the charter was refused in the language chosen, not the browser’s, and in the other once the choice changes', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'Interface language');
    await options.click('input[name="language"][value="fr"]');
    await expect.poll(() => textOf(options), { timeout: 20_000 }).toContain('Cookies à toujours conserver');
    // The charter is measured in the portal's page, which has the browser's English at most.
    session.replica.setIssyCharter('nested');
    try {
      const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
      await clickButton(popup, 'Relire la charte');
      await waitLong(popup, 'La charte publiée n’a pas pu être lue : charte refusée : balises de la charte imbriquées sur plus de 256 niveaux.');
      await popup.close();
    } finally {
      session.replica.setIssyCharter('published');
    }
    // The failure is kept (not read again before its back-off): said again in English once English is chosen.
    await options.click('input[name="language"][value="auto"]');
    await expect.poll(() => textOf(options), { timeout: 20_000 }).toContain('Cookies to always keep');
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitLong(popup, 'The published charter could not be read: charter refused: charter tags nested more than 256 levels deep.');
    expect(frenchIn(await shownText(popup))).toEqual([]);
    await popup.close();
    await options.close();
  });
});
