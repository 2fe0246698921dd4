/**
 * Accessibility as an auditor checks it (RGAA 4.1 / WCAG 2.1 AA): axe-core finds no violation in
 * any state of the popup or the options page, light and dark, in each engine; and each command,
 * run from the keyboard alone, leaves focus on something that is still there and says what it
 * did in the page's live region.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { engines } from './engines';
import { tabIdOf, waitForOutcome, waitForText } from './harness';
import { useSession } from './session';

const PORTAL = 'https://data.issy.com/';
const themes = ['light', 'dark'] as const;
const cases = engines.flatMap(([name, launch]) => themes.map((theme) => [name, theme, launch] as const));

/**
 * Presses Tab (Shift+Tab when `backwards`) until the focused element is the one `matches` finds,
 * as a keyboard-only visitor would.
 */
async function tabTo(page: Page, matches: (el: Element) => boolean, max = 120, backwards = false) {
  const source = matches.toString();
  for (let i = 0; i < max; i++) {
    const found = await page.evaluate((fn) => {
      const active = document.activeElement;
      return !!active && active !== document.body && (0, eval)(`(${fn})`)(active);
    }, source);
    if (found) return;
    if (backwards) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (backwards) await page.keyboard.up('Shift');
  }
  throw new Error(`Tab never reached ${source}`);
}

/** The focused element, described: its tag, accessible label or text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement!;
    return { tag: el.tagName.toLowerCase(), id: el.id, label: el.getAttribute('aria-label'), text: el.textContent!.replace(/\s+/g, ' ').trim() };
  });
}

async function expectNoViolations(page: Page, state: string) {
  const violations = await axeViolations(page);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe.each(cases)('in %s, %s theme', (engine, theme, launch) => {
  const session = useSession(launch, { colorScheme: theme });
  let popup: Page;

  async function expectTheme(page: Page) {
    const looks = await page.evaluate(() => ({
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      background: getComputedStyle(document.documentElement).backgroundColor,
    }));
    expect(looks.dark).toBe(theme === 'dark');
    expect(looks.background).toBe(theme === 'dark' ? 'rgb(18, 22, 28)' : 'rgb(244, 246, 249)');
  }

  it('popup, full report (findings, recorded choice, storage keys): no violation', async () => {
    const portal = await session.browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    await portal.evaluate(() => localStorage.setItem('ajs_anonymous_id', 'x'));
    popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, `${PORTAL}*`)}`);
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    await waitForText(popup, 'Autres traceurs');
    await waitForText(popup, 'Votre choix enregistré');
    await expectTheme(popup);
    // axe runs for real in this page: a nameless button planted in it is found.
    await popup.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'planted' })));
    expect((await axeViolations(popup)).map((v) => v.id)).toContain('button-name');
    await popup.evaluate(() => document.getElementById('planted')!.remove());
    await expectNoViolations(popup, 'full report');
  });

  it('popup, « Relire la charte » from the keyboard: focus stays on it, the result is said', async () => {
    await tabTo(popup, (el) => el.textContent?.trim() === 'Relire la charte');
    await popup.keyboard.press('Enter');
    expect(await waitForOutcome(popup, /^Charte relue sur le site/)).toMatch(/^Charte relue sur le site : /);
    expect((await focused(popup)).text).toBe('Relire la charte');
  });

  it('popup, reset from the keyboard: focus stays on the button, the result is said in full; no violation after', async () => {
    await tabTo(popup, (el) => el.textContent?.trim() === 'Réinitialiser mes préférences cookies');
    await popup.keyboard.press('Enter');
    expect(await waitForOutcome(popup, /^Préférences réinitialisées/)).toBe(
      'Préférences réinitialisées : 1 cookie supprimé. La page va se recharger.',
    );
    expect((await focused(popup)).text).toBe('Réinitialiser mes préférences cookies');
    await waitForText(popup, 'Annuler la réinitialisation');
    await expectNoViolations(popup, 'after reset');
  });

  it('popup, undo from the keyboard: the button goes, focus goes to the result; no violation after', async () => {
    await tabTo(popup, (el) => el.textContent?.trim() === 'Annuler la réinitialisation');
    await popup.keyboard.press('Enter');
    expect(await waitForOutcome(popup, /^Réinitialisation annulée/)).toBe('Réinitialisation annulée : 1 cookie restauré. La page va se recharger.');
    await popup.waitForFunction(() => document.activeElement?.id === 'command-summary', { timeout: 10_000 });
    expect((await focused(popup)).text).toContain('Réinitialisation annulée');
    await expectNoViolations(popup, 'after undo');
  });

  it('popup, a filter that matches nothing: said, and no violation', async () => {
    // More than eight cookies bring the filter.
    await session.control.evaluate(async () => {
      const api = (globalThis as any).browser?.cookies ?? chrome.cookies;
      for (const name of ['extra_a', 'extra_b', 'extra_c']) await api.set({ url: 'https://data.issy.com/', name, value: '1' });
    });
    await popup.waitForSelector('input[type=search]', { timeout: 10_000 });
    await tabTo(popup, (el) => el.getAttribute('type') === 'search');
    await popup.keyboard.type('zzz');
    expect(await waitForOutcome(popup, /ce filtre/)).toBe('Aucun cookie ne correspond à ce filtre.');
    await waitForText(popup, 'Aucun cookie ne correspond à ce filtre.');
    await expectNoViolations(popup, 'filter with no match');
    await popup.close();
  });

  it('options, before a clear: no violation', async () => {
    popup = await session.browser.openExtensionPage('options.html');
    await waitForText(popup, 'À supprimer');
    await expectTheme(popup);
    await expectNoViolations(popup, 'options before a clear');
  });

  it('options, clear from the keyboard: focus stays on the button, the result is said; no violation after', async () => {
    // The first panel of data.issy.com: ordinary browsing (Firefox names its stores when it has containers).
    await tabTo(popup, (el) => /^Supprimer les cookies non essentiels de data\.issy\.com( \(.+\))?$/.test(el.getAttribute('aria-label') ?? ''));
    await popup.keyboard.press('Enter');
    expect(await waitForOutcome(popup, /^Cookies non essentiels supprimés/)).toMatch(
      /^Cookies non essentiels supprimés sur data\.issy\.com( \(.+\))? : \d+ cookies supprimés\.$/,
    );
    expect((await focused(popup)).label).toMatch(/^Supprimer les cookies non essentiels de data\.issy\.com/);
    await expectNoViolations(popup, 'options after a clear');
  });

  it('options, undo the clear from the keyboard: the button goes, focus goes to the result; no violation after', async () => {
    await tabTo(popup, (el) => /^Annuler la suppression sur data\.issy\.com/.test(el.getAttribute('aria-label') ?? ''));
    await popup.keyboard.press('Enter');
    expect(await waitForOutcome(popup, /^Suppression annulée/)).toMatch(/^Suppression annulée sur data\.issy\.com( \(.+\))? : \d+ cookies restaurés\.$/);
    await popup.waitForFunction(() => /^summary-.+-data\.issy\.com$/.test(document.activeElement?.id ?? ''), { timeout: 10_000 });
    await expectNoViolations(popup, 'options after undo');
  });

  it('options, the keep list from the keyboard: added, removed, said, focus kept; no violation', async () => {
    await tabTo(popup, (el) => el.id === 'keep-name');
    await popup.keyboard.type('_pk_id');
    await popup.keyboard.press('Enter');
    expect(await waitForOutcome(popup, /ajouté/)).toBe('« _pk_id » ajouté aux cookies à toujours conserver.');
    await popup.waitForSelector('button[aria-label="Retirer _pk_id de la liste"]');
    await expectNoViolations(popup, 'keep list');
    // Back from the name field to the list above it.
    await tabTo(popup, (el) => el.getAttribute('aria-label') === 'Retirer _pk_id de la liste', 20, true);
    await popup.keyboard.press('Enter');
    const said = await waitForOutcome(popup, /retiré/).catch(async (error) => {
      const state = await popup.evaluate(() => ({
        live: document.querySelector('[data-live-region]')?.textContent,
        names: [...document.querySelectorAll('.names code')].map((c) => c.textContent),
        message: document.querySelector('.message')?.textContent,
      }));
      throw new Error(`${error}: focus ${JSON.stringify(await focused(popup))}, ${JSON.stringify(state)}`);
    });
    expect(said).toBe('« _pk_id » retiré des cookies à toujours conserver.');
    expect((await focused(popup)).text).toBe('« _pk_id » retiré des cookies à toujours conserver.');
    await popup.close();
  });

  it('the accessibility statement, reached from the options page: no violation', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    const href = await options.evaluate(
      () => [...document.querySelectorAll('a')].find((a) => a.textContent!.trim() === 'Déclaration d’accessibilité')?.getAttribute('href'),
    );
    expect(href).toBe('/accessibility.html');
    await options.close();
    const statement = await session.browser.openExtensionPage('accessibility.html');
    await waitForText(statement, 'partiellement conforme');
    await expectTheme(statement);
    await expectNoViolations(statement, 'accessibility statement');
    await statement.close();
  });

  it('popup on a site it does not cover, and on a tab that does not exist: headings, French, no violation', async () => {
    const other = await session.openPopupOn('http://elsewhere.example/');
    await waitForText(other, 'Ce site n’est pas couvert par Témoin.');
    await expectNoViolations(other, 'not covered');
    await other.close();

    const error = await session.browser.openExtensionPage('popup.html?tabId=999999');
    await waitForText(error, 'Témoin n’a pas pu lire les cookies de cet onglet.');
    expect(await error.evaluate(() => document.querySelector('[role=alert]')!.textContent)).toContain(
      'L’onglet n’existe plus (il a peut-être été fermé).',
    );
    await expectNoViolations(error, 'error');
    await error.close();
  });

  it('popup on a portal without cookies: no violation', async () => {
    const portal = await session.browser.openPage(PORTAL);
    await session.control.evaluate(async () => {
      const api = (globalThis as any).browser?.cookies ?? chrome.cookies;
      const details: Record<string, unknown> = { domain: 'issy.com', partitionKey: {} };
      if (navigator.userAgent.includes('Firefox')) details.firstPartyDomain = null;
      for (const c of await api.getAll(details)) {
        await api.remove({ url: `https://${c.domain.replace(/^\./, '')}${c.path}`, name: c.name, storeId: c.storeId, ...(c.partitionKey && { partitionKey: c.partitionKey }) });
      }
    });
    const empty = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, `${PORTAL}*`)}`);
    await waitForText(empty, 'Aucun cookie pour ce site pour l’instant.');
    await expectNoViolations(empty, 'no cookies');
    await empty.close();
    await portal.close();
  });

  // Only Firefox lets a test grant an optional host permission (see live-charter.test.ts).
  if (engine.startsWith('firefox')) it('another portal: the « Analyser » offer, two portals, removal; no violation', async () => {
    await session.browser.grantHostPermission!('*://*.ville-exemple.fr/*');
    const offer = await session.openPopupOn('https://opendata.ville-exemple.fr/?consent=1');
    await waitForText(offer, 'opendata.ville-exemple.fr est un portail Opendatasoft.');
    await expectNoViolations(offer, 'Analyser offer');
    await tabTo(offer, (el) => el.textContent?.trim() === 'Analyser ce portail');
    await offer.keyboard.press('Enter');
    expect(await waitForOutcome(offer, /^Portail .* analysé/)).toMatch(/^Portail opendata\.ville-exemple\.fr analysé : \d+ cookies, \d+ non déclarés?\.$/);
    await offer.waitForFunction(() => document.activeElement?.id === 'report-title', { timeout: 10_000 });
    await expectNoViolations(offer, 'another portal’s report');
    await offer.close();

    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'ajouté le');
    await options.waitForSelector('button[aria-label^="Supprimer les cookies non essentiels de opendata.ville-exemple.fr"]', { timeout: 10_000 });
    await expectNoViolations(options, 'two portals');
    await tabTo(options, (el) => el.getAttribute('aria-label') === 'Retirer opendata.ville-exemple.fr de la liste', 200);
    await options.keyboard.press('Enter');
    expect(await waitForOutcome(options, /^Portail .* retiré/)).toBe(
      'Portail opendata.ville-exemple.fr retiré de la liste : son autorisation est rendue au navigateur.',
    );
    expect((await focused(options)).text).toBe('Portail opendata.ville-exemple.fr retiré de la liste : son autorisation est rendue au navigateur.');
    await options.close();
  });
});
