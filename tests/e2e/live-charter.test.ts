/**
 * The charter as the portal publishes it: read live, compared with the bundled copy, and the
 * bundled copy used, with the reason, when the published page cannot be read. Then a second
 * Opendatasoft portal, analysed once the visitor grants its permission.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { engines } from './engines';
import { allCookies, clickButton, rowText, tabIdOf, waitForOutcome, waitForText } from './harness';
import { useSession } from './session';

describe.each(engines)('in %s', (_engine, launch) => {
  const session = useSession(launch);
  let popup: Page;

  it('reads the published charter, shows Matomo as declared by it, and says what changed', async () => {
    session.replica.setIssyCharter('extended');
    popup = await session.openPopupOn('https://data.issy.com/');
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    const matomo = await rowText(popup, '_pk_id.1.a1b2');
    expect(matomo).toContain('Matomo');
    expect(matomo).toContain('Compter les visites de façon anonyme pour améliorer la plateforme');
    expect(matomo).not.toContain('Non déclaré');
    await waitForText(popup, 'La charte a changé par rapport à la copie intégrée');
    await waitForText(popup, 'ajoutés : « _pk_* »');
    expect(await rowText(popup, 'sessionid')).toContain("Se souvenir de l'utilisateur d'une page à une autre.");
  });

  it('falls back to the bundled copy when the charter page is missing, and says why', async () => {
    session.replica.setIssyCharter('missing');
    await clickButton(popup, 'Relire la charte');
    await waitForText(popup, 'Copie intégrée du');
    await waitForText(popup, 'page introuvable (erreur 404)');
    expect(await rowText(popup, '_pk_id.1.a1b2')).toContain('Non déclaré');
  });

  it('falls back to the bundled copy when the charter page is garbage, and says why', async () => {
    session.replica.setIssyCharter('garbage');
    await clickButton(popup, 'Relire la charte');
    await waitForText(popup, 'charte illisible');
    await waitForText(popup, 'Copie intégrée du');
  });

  it('says what changed since the previous reading', async () => {
    session.replica.setIssyCharter('published');
    await clickButton(popup, 'Relire la charte');
    await waitForText(popup, 'La charte a changé depuis la lecture précédente');
    await waitForText(popup, 'retirés : « _pk_* »');
    expect(await rowText(popup, '_pk_id.1.a1b2')).toContain('Non déclaré');
  });
});

describe.each(engines)('with no popup open, in %s', (_engine, launch) => {
  const session = useSession(launch);

  it('reads the published charter when a page of the portal loads and the charter is due', async () => {
    session.replica.setIssyCharter('extended');
    await session.browser.openPage('https://data.issy.com/');
    // What the background keeps of the site's charter, once it has one: read in the page, no popup opened.
    const kept = await session.control.waitForFunction(
      async () => {
        const area = ((globalThis as any).browser ?? chrome).storage.local;
        const { charters } = await area.get('charters');
        return charters?.['data.issy.com']?.live ?? false;
      },
      { timeout: 20_000, polling: 200 },
    );
    const live = (await kept.jsonValue()) as { url: string; source: string; entries: { names: { prefix?: string }[] }[] };
    expect(live.source).toBe('live');
    expect(live.url).toMatch(/^https:\/\/data\.issy\.com\/terms\//);
    expect(live.entries.flatMap((e) => e.names)).toContainEqual({ prefix: '_pk_' });
    expect(session.replica.requests().filter((r) => r.path.startsWith('/terms/')).every((r) => !r.withCookies)).toBe(true);

    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, 'https://data.issy.com/*')}`);
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    expect(await rowText(popup, '_pk_id.1.a1b2')).toContain('Matomo');
    await popup.close();
  });
});

// Chromium gives a test no way to answer its permission prompt (`developerPrivate.addHostPermission`
// only grants the required hosts a visitor withheld, not optional ones); Firefox does, with
// `extensions.webextOptionalPermissionPrompts`, so the real `permissions.request` runs there.
const canGrant = engines.filter(([name]) => name === 'firefox');

describe.each(canGrant)('another portal, in %s', (_engine, launch) => {
  const session = useSession(launch);

  it('analyses another Opendatasoft portal once its permission is granted, then forgets it', async () => {
    const portalUrl = 'https://opendata.ville-exemple.fr/?consent=1';
    // Before the visitor allows it, Témoin cannot even see which site the tab shows.
    const before = await session.openPopupOn(portalUrl);
    await waitForText(before, 'Ce site n’est pas couvert par Témoin.');
    await before.close();

    // The visitor allows the site (in the browser's add-ons manager, or from the toolbar click
    // that lets Témoin see the tab), then asks Témoin to analyse it.
    await session.browser.grantHostPermission!('*://*.ville-exemple.fr/*');
    const other = await session.openPopupOn('https://opendata.ville-exemple.fr/');
    await waitForText(other, 'opendata.ville-exemple.fr est un portail Opendatasoft.');
    await clickButton(other, 'Analyser ce portail');

    await waitForText(other, 'Charte publiée sur le site, lue le');
    const sessionRow = await rowText(other, 'sessionid');
    expect(sessionRow).toContain('Opendatasoft');
    // The charter is in English: its words are shown under its language, Témoin's stay French.
    const langs = await other.evaluate(() => {
      const row = [...document.querySelectorAll('li.cookie')].find((li) => li.querySelector('code.name')?.textContent === 'sessionid')!;
      return [row.querySelector('.purpose')!.closest('[lang]')!.getAttribute('lang'), row.querySelector('.facts')!.closest('[lang]')!.getAttribute('lang')];
    });
    expect(langs).toEqual(['en', 'fr']);
    expect(sessionRow).toContain('Keeps a signed-in user signed in from one page to the next.');
    expect(await rowText(other, '_ga')).toContain('Tells visitors apart to count them anonymously.');
    expect(await rowText(other, '_ga_X1Y2Z3')).toContain('Google');
    expect(await rowText(other, 'AWSALB')).toContain('Non déclaré');

    // Clearing works there as on data.issy.com: the charter's necessary cookies stay.
    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'opendata.ville-exemple.fr');
    const before2 = await allCookies(session.control, 'ville-exemple.fr');
    // The portal's own panel, by its heading (the page has others: the language, data.issy.com).
    const panel = (await options.evaluateHandle(() => {
      const found = [...document.querySelectorAll('section.panel')].find((p) => p.querySelector('h2')?.textContent?.includes('opendata.ville-exemple.fr'))!;
      found.scrollIntoView();
      return found;
    })) as ElementHandle<Element>;
    const button = await panel.waitForSelector('button ::-p-text(Supprimer les cookies non essentiels)');
    await button!.click();
    await waitForOutcome(options, /supprimés sur opendata\.ville-exemple\.fr/);
    const after = await allCookies(session.control, 'ville-exemple.fr');
    // The consent record (cookies_preferences) is not declared by this portal's charter, but it
    // is an Opendatasoft platform cookie: kept by default, as the charter does not call it
    // non-essential.
    expect(after.map((c) => c.name).sort()).toEqual(['cookies_preferences', 'csrftoken', 'sessionid']);
    // _ga, _ga_X1Y2Z3, AWSALB and the page's Hotjar cookie.
    expect(before2.length - after.length).toBe(4);

    // Removing the portal gives its permission back.
    await clickButton(options, 'Retirer');
    await options.waitForFunction(() => !document.body.innerText.includes('ajouté le'));
    const granted = await session.control.evaluate(
      () => new Promise((resolve) => chrome.permissions.contains({ origins: ['*://*.ville-exemple.fr/*'] }, resolve)),
    );
    expect(granted).toBe(false);
    await options.close();
  });

  it('stops covering a portal whose permission the visitor withdraws in the browser', async () => {
    await session.browser.grantHostPermission!('*://*.ville-exemple.fr/*');
    const offer = await session.openPopupOn('https://opendata.ville-exemple.fr/?consent=1');
    await clickButton(offer, 'Analyser ce portail');
    await waitForText(offer, 'Charte publiée sur le site, lue le');
    await offer.close();
    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'opendata.ville-exemple.fr — ajouté le');

    // As the add-on manager does: the permission goes, Témoin's list is not touched.
    await session.control.evaluate(
      () => new Promise((resolve) => chrome.permissions.remove({ origins: ['*://*.ville-exemple.fr/*'] }, resolve)),
    );
    // The open options page drops the portal from its list and its panels.
    await options.waitForFunction(() => !document.body.innerText.includes('opendata.ville-exemple.fr'), { timeout: 10_000 });
    await waitForText(options, 'data.issy.com');
    // The background takes it out of the stored list.
    await session.control.waitForFunction(
      () =>
        new Promise((resolve) =>
          chrome.storage.local.get('portals', (items) => resolve(!((items.portals ?? []) as { host: string }[]).some((p) => p.host === 'opendata.ville-exemple.fr'))),
        ),
      { timeout: 10_000 },
    );
    await options.close();
    const again = await session.openPopupOn('https://opendata.ville-exemple.fr/');
    await waitForText(again, 'Ce site n’est pas couvert par Témoin.');
    await again.close();
  });
});
