/**
 * Témoin as a visitor uses it: the built extension in a real browser, on a replica of
 * data.issy.com that sets cookies the way the portal does (see tests/replica/server.mjs).
 */
import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredCookie } from '../../lib/cookies/model';
import { engines } from './engines';
import { allCookies, clickButton, newestTabId, rowText, sortedJar, tabIdOf, waitForOutcome, waitForText } from './harness';
import { useSession } from './session';

const PORTAL = 'https://data.issy.com/';
const names = (cookies: StoredCookie[]) => cookies.map((c) => c.name).sort();

describe.each(engines)('in %s', (_engine, launch) => {
  const session = useSession(launch);

  let portal: Page;
  let popup: Page;
  beforeEach(async () => {
    // A visitor who accepted the banner: the portal's cookies and the consent record.
    portal = await session.browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    const tabId = await tabIdOf(session.control, `${PORTAL}*`);
    popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('li.cookie', { timeout: 10_000 });
    return async () => {
      await popup.close();
      await portal.close();
    };
  });

  it('shows the four charter cookies with Opendatasoft and their French purposes', async () => {
    const expected = {
      sessionid: "Se souvenir de l'utilisateur d'une page à une autre.",
      django_language: 'Se souvenir de la langue du visiteur',
      csrftoken: 'Récupérer des données via des appels API',
      cookies_preferences: 'Se souvenir du choix opéré par le visiteur concernant les cookies',
    };
    for (const [name, purpose] of Object.entries(expected)) {
      const row = await rowText(popup, name);
      expect(row).toContain('Opendatasoft');
      expect(row).toContain(purpose);
      expect(row).not.toContain('Non déclaré');
    }
    expect(await rowText(popup, 'sessionid')).toContain('HttpOnly');
    // The page itself was read too (document.cookie), not only the cookies API.
    expect(await popup.evaluate(() => document.body.innerText)).not.toContain('La page n’a pas répondu');
    expect(await rowText(popup, 'sessionid')).toContain('2 semaines');
  });

  it('shows _ga on the parent domain and a cookie set by page script as « Non déclaré »', async () => {
    const ga = await rowText(popup, '_ga');
    expect(ga).toContain('Non déclaré');
    expect(ga).toContain('domaine parent');
    expect(await rowText(popup, '_hjSessionUser_3141')).toContain('Non déclaré');
  });

  it('shows the partitioned cookie', async () => {
    const row = await rowText(popup, 'ods_embed');
    expect(row).toContain('partitionné');
    expect(row).toContain('Non déclaré');
  });

  it('refreshes when the page sets a cookie', async () => {
    await portal.evaluate(() => {
      document.cookie = 'late_cookie=1; path=/; max-age=600';
    });
    expect(await rowText(popup, 'late_cookie')).toContain('Non déclaré');
  });

  it('resets the preferences: removes only the consent record, reloads the page, and undoes exactly', async () => {
    const before = sortedJar(await allCookies(session.control));
    expect(names(before)).toContain('cookies_preferences');
    await portal.evaluate(() => ((window as any).notReloaded = true));

    await clickButton(popup, 'Réinitialiser mes préférences cookies');
    await waitForOutcome(popup, /^Préférences réinitialisées : 1 cookie supprimé\. La page va se recharger\.$/);
    const after = sortedJar(await allCookies(session.control));
    expect(after).toEqual(before.filter((c) => c.name !== 'cookies_preferences'));
    // Reloaded, the portal finds no choice and shows its banner again.
    await portal.waitForFunction(() => !(window as any).notReloaded && !document.getElementById('banner')?.hidden, {
      timeout: 10_000,
    });

    await clickButton(popup, 'Annuler la réinitialisation');
    await waitForOutcome(popup, /^Réinitialisation annulée : 1 cookie restauré\. La page va se recharger\.$/);
    expect(sortedJar(await allCookies(session.control))).toEqual(before);
  });

  it('clears the non-essential cookies from the options page, keeping the necessary ones, and undoes exactly', async () => {
    const before = sortedJar(await allCookies(session.control));
    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'À supprimer');
    await clickButton(options, 'Supprimer les cookies non essentiels');
    const outcome = await waitForOutcome(options, /cookies supprimés/);

    const after = await allCookies(session.control);
    expect(names(after)).toEqual(['cookies_preferences', 'csrftoken', 'django_language', 'sessionid']);
    const removed = before.length - after.length;
    expect(removed).toBeGreaterThanOrEqual(3); // _ga, _hjSessionUser_3141, ods_embed, and what earlier tests added
    expect(outcome).toBe(`Cookies non essentiels supprimés sur data.issy.com : ${removed} cookies supprimés.`);

    await clickButton(options, 'Annuler la suppression');
    expect(await waitForOutcome(options, /restaurés/)).toBe(`Suppression annulée sur data.issy.com : ${removed} cookies restaurés.`);
    expect(sortedJar(await allCookies(session.control))).toEqual(before);
    await options.close();
  });

  it('says plainly when a tab is not on a covered site', async () => {
    const other = await session.browser.openPage('http://elsewhere.example/');
    const tabId = await newestTabId(session.control);
    const page = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(page, 'Ce site n’est pas couvert par Témoin.');
    await page.close();
    await other.close();
  });
});
