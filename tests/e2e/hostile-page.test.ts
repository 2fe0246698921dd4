/**
 * What a hostile portal page can make Témoin do, in each real browser: the page links an account
 * action as its "cookie" page, names cookies and keys like others, holds 80 000 storage keys and a
 * consent record with Object's keys dated 2099; its server hangs, redirects elsewhere, serves the
 * charter as a download, nests it a megabyte deep, writes formulas in it.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { engines } from './engines';
import { clickButton, exported, rowText, tabIdOf, waitForOutcome, waitForText } from './harness';
import { useSession } from './session';

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));

/**
 * Waits for `text` in the popup, longer than `waitForText` allows (a fetch may take its 8 s), and
 * says what the popup shows instead when it does not come.
 */
async function waitLong(page: Page, text: string, timeout = 30_000) {
  try {
    await page.waitForFunction((t) => document.body.innerText.replace(/\s+/g, ' ').includes(t), { timeout }, text);
  } catch {
    throw new Error(`« ${text} » not shown; the popup shows: ${(await bodyText(page)).slice(0, 600)}`);
  }
}

describe.each(engines)('a hostile page, in %s', (engine, launch) => {
  const session = useSession(launch);
  let popup: Page;
  /** The popup for the hostile page's tab, to open it again. */
  let popupPath: string;

  it('fetches only the charter, without the visitor’s cookies, never the account page the page links as « cookie »', async () => {
    session.replica.setIssyCharter('published');
    // A first visit leaves the portal's cookies, which the hostile page's own load then carries.
    await (await session.browser.openPage('https://data.issy.com/')).close();
    popup = await session.openPopupOn('https://data.issy.com/?hostile=1');
    popupPath = `popup.html?tabId=${await tabIdOf(session.control, 'https://data.issy.com/*')}`;
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    // The first page's load read the charter already: read again from the hostile page's links.
    await clickButton(popup, 'Relire la charte');
    await waitForOutcome(popup, /^Charte relue sur le site/);
    const requests = session.replica.requests().filter((r) => r.host === 'data.issy.com');
    expect(requests.filter((r) => r.path.startsWith('/account/') || r.path.startsWith('/explore/'))).toEqual([]);
    const charter = requests.filter((r) => r.path.startsWith('/terms/'));
    expect(charter.length).toBeGreaterThan(0);
    expect(charter.every((r) => !r.withCookies)).toBe(true);
    // The page itself did send its cookies: a credentialed fetch would have carried them.
    expect(requests.some((r) => r.path === '/?hostile=1' && r.withCookies)).toBe(true);
  });

  it('draws look-alike cookie names with their hidden characters and the finding « Nom trompeur »', async () => {
    for (const shown of ['sessionid[U+200B]', 'sessi[U+043E]nid', '[U+202E]disnoisses']) {
      const row = await rowText(popup, shown);
      expect(row).toContain('Nom trompeur');
      expect(row).toContain('Non déclaré');
    }
    expect(await rowText(popup, 'sessi[U+043E]nid')).toContain('il s’affiche comme « sessionid » mais contient U+043E (lettre cyrillique о)');
    // The real one is still the declared one.
    expect(await rowText(popup, 'sessionid')).not.toContain('Nom trompeur');
  });

  it('lists 500 of the 80 000 storage keys and counts the rest', async () => {
    await waitForText(popup, 'Autres traceurs (80 001)');
    await waitForText(popup, '… et 79 500 autres');
    expect(await popup.evaluate(() => document.querySelectorAll('.keys > li').length)).toBe(501);
    await waitForText(popup, '_hj[U+0456]d');
  });

  it('shows the consent record’s keys __proto__, constructor and toString as they are, and flags its date in 2099', async () => {
    const consent = await popup.evaluate(() => document.querySelector('.consent')!.textContent!.replace(/\s+/g, ' '));
    expect(consent).toContain('__proto__ accepté');
    expect(consent).toContain('constructor refusé');
    expect(consent).toContain('toString accepté');
    expect(consent).not.toMatch(/\[object|native code/);
    expect(consent).toContain('une date à venir, impossible');
    const row = await rowText(popup, 'cookies_preferences');
    expect(row).toContain('Le choix enregistré se dit fait le 1 janvier 2099, une date à venir');
    // The date does not hide how long the choice is kept.
    expect(row).toContain('la CNIL recommande de le redemander au bout de 6 mois environ');
  });

  it('writes a CSV where no cell starts a formula, split on commas or semicolons', async () => {
    session.replica.setIssyCharter('formula');
    await clickButton(popup, 'Relire la charte');
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    await popup.waitForFunction(() => document.body.innerText.includes('=HYPERLINK'), { timeout: 10_000 });
    const csv = (await exported(popup, 'Tableau CSV')).replace(/^\ufeff/, '');
    expect(csv).toContain('HYPERLINK');
    for (const separator of [',', ';']) {
      for (const line of csv.split(/\r\n|\r|\n/)) {
        for (const cell of line.split(separator)) expect(cell.replace(/^[ "]+/, '')).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('refuses a charter served as application/octet-stream, even named .html', async () => {
    session.replica.setIssyCharter('octet');
    await clickButton(popup, 'Relire la charte');
    await waitLong(popup, 'la page de la charte n’est pas une page web (application/octet-stream)');
    await waitForText(popup, 'Copie intégrée du');
  });

  it('refuses a charter a redirect brought from another site, and never calls it « publiée sur le site »', async () => {
    session.replica.setIssyCharter('elsewhere');
    await clickButton(popup, 'Relire la charte');
    // With the other site's name where the browser follows the redirect (Chromium, Firefox MV3), without where it refuses to.
    await waitLong(popup, 'la page de la charte renvoie vers un autre site');
    expect(await bodyText(popup)).not.toContain('Charte publiée sur le site');
  });

  it('ends « Lecture de la charte… » with a French reason when the charter page hangs, and does not retry at the next opening', async () => {
    session.replica.setIssyCharter('hanging');
    await clickButton(popup, 'Relire la charte');
    await waitLong(popup, 'le site n’a pas répondu à temps');
    expect(await bodyText(popup)).not.toContain('Lecture de la charte…');
    const asked = session.replica.requests().length;
    const again = await session.browser.openExtensionPage(popupPath);
    await waitForText(again, 'le site n’a pas répondu à temps');
    expect(await bodyText(again)).not.toContain('Lecture de la charte…');
    // A retry started by this opening reaches the replica some time after the popup is drawn:
    // counted now, it could still be on its way. So the charter page answers again, and the
    // visitor asks for a reading: it can only start once any reading under way has ended, so by
    // the time it is said, a retry would have asked for the hanging page after `asked`.
    session.replica.setIssyCharter('published');
    await clickButton(again, 'Relire la charte');
    await waitForOutcome(again, /^Charte relue sur le site/).catch(async (error: Error) => {
      const said = await again.evaluate(() => document.querySelector('[data-live-region]')?.textContent);
      throw new Error(`${error.message}; said « ${said} »; charter pages asked since: ${JSON.stringify(session.replica.requests().slice(asked).filter((r) => r.charter))}`);
    });
    const since = session.replica.requests().slice(asked).filter((r) => r.charter);
    expect(since.filter((r) => r.charter !== 'published')).toEqual([]);
    expect(since.length).toBeGreaterThan(0);
    await again.close();
  });

  it('refuses a megabyte of nested markup before parsing it, and stays responsive, at this opening and the next', async () => {
    session.replica.setIssyCharter('nested');
    await clickButton(popup, 'Relire la charte');
    await waitLong(popup, 'charte refusée : balises de la charte imbriquées sur plus de 256 niveaux');
    // Still answering: the filter reacts at once, and shows exactly the rows whose name holds « sessionid ».
    const shownNames = () => popup.evaluate(() => [...document.querySelectorAll('li.cookie code.name')].map((c) => c.textContent!));
    const expected = (await shownNames()).filter((name) => name.toLowerCase().includes('sessionid'));
    expect(expected).toEqual(expect.arrayContaining(['sessionid', 'sessionid[U+200B]']));
    await popup.type('input[type=search]', 'sessionid');
    await popup.waitForFunction(
      (names) => JSON.stringify([...document.querySelectorAll('li.cookie code.name')].map((c) => c.textContent)) === names,
      { timeout: 10_000 },
      JSON.stringify(expected),
    );
    const again = await session.browser.openExtensionPage(popupPath);
    await waitForText(again, 'charte refusée');
    await rowText(again, 'sessionid');
    await again.close();
  });

  if (engine === 'chromium') {
    it('shows two partitions of one site that differ only by a cross-site ancestor as two rows', async () => {
      await session.control.evaluate(async () => {
        for (const hasCrossSiteAncestor of [false, true]) {
          await chrome.cookies.set({
            url: 'https://data.issy.com/',
            name: 'ods_frame',
            value: String(hasCrossSiteAncestor),
            secure: true,
            sameSite: 'no_restriction',
            expirationDate: Date.now() / 1000 + 86_400,
            partitionKey: { topLevelSite: 'https://issy.com', hasCrossSiteAncestor },
          } as chrome.cookies.SetDetails);
        }
      });
      const fresh = await session.browser.openExtensionPage(popupPath);
      const rows = await fresh.waitForFunction(
        () => {
          const found = [...document.querySelectorAll('li.cookie')].filter((li) => li.querySelector('code.name')?.textContent === 'ods_frame');
          // Both rows, with their folded details (they load just after the row).
          const complete = found.length === 2 && found.every((li) => li.querySelector('.details')!.childElementCount > 0);
          return complete ? found.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ')) : false;
        },
        { timeout: 10_000 },
      );
      const texts = (await rows.jsonValue()) as string[];
      expect(texts.filter((t) => t.includes('partition https://issy.com (cadre intersite)'))).toHaveLength(1);
      await fresh.close();
    });
  }
});
