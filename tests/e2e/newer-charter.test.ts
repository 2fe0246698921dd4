/**
 * A charter in the newer Opendatasoft template, with no section heading: the category opens the
 * paragraph above each table. The platform's cookies must read as necessary and survive
 * clearing; and when a charter leaves their category unclear, clearing keeps them all the same.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { StoredCookie } from '../../lib/cookies/model';
import { engines } from './engines';
import { allCookies, clickButton, rowText, tabIdOf, waitForOutcome, waitForText } from './harness';
import { useSession } from './session';

const PORTAL = 'https://data.issy.com/';
const PLATFORM = ['cookies_preferences', 'csrftoken', 'django_language', 'sessionid'];
const names = (cookies: StoredCookie[]) => [...new Set(cookies.map((c) => c.name))].sort();

/** The state of each cookie's checkbox in the clearing preview, by name (null: not offered). */
async function choices(options: Page, cookieNames: string[]): Promise<Record<string, boolean | null>> {
  return options.evaluate((cookieNames) => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const byName = (n: string) => boxes.find((b) => b.closest('li')?.querySelector('code.name')?.textContent === n);
    return Object.fromEntries(cookieNames.map((n) => [n, byName(n)?.checked ?? null]));
  }, cookieNames);
}

describe.each(engines)('in %s', (_engine, launch) => {
  const session = useSession(launch);

  it('reads the platform cookies as necessary under the inline label, and clearing keeps them', async () => {
    session.replica.setIssyCharter('newer');
    const portal = await session.browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, `${PORTAL}*`)}`);
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    for (const name of PLATFORM) {
      const row = await rowText(popup, name);
      expect(row).toContain('Nécessaire');
      expect(row).toContain('Déclaré sous « Cookies nécessaires au bon fonctionnement de la plateforme »');
    }
    expect(await rowText(popup, '_ga')).toContain('Statistiques');

    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'À supprimer');
    expect(await choices(options, [...PLATFORM, '_ga'])).toEqual({
      cookies_preferences: null,
      csrftoken: null,
      django_language: null,
      sessionid: null,
      _ga: true,
    });
    await clickButton(options, 'Supprimer les cookies non essentiels');
    await waitForOutcome(options, /supprimé/);
    const after = await allCookies(session.control);
    expect(names(after)).toEqual(PLATFORM);
    await options.close();
    await popup.close();
    await portal.close();
  });

  it('keeps the platform cookies and the unclear ones when the charter does not say they are necessary', async () => {
    session.replica.setIssyCharter('unclear');
    const portal = await session.browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, `${PORTAL}*`)}`);
    await clickButton(popup, 'Relire la charte');
    await waitForText(popup, 'Nécessité non précisée');
    expect(await rowText(popup, 'sessionid')).toContain('Nécessité non précisée');

    const options = await session.browser.openExtensionPage('options.html');
    await waitForText(options, 'la charte ne dit pas s’il est nécessaire');
    expect(await choices(options, [...PLATFORM, '_ga', '_hjSessionUser_3141'])).toEqual({
      cookies_preferences: false,
      csrftoken: false,
      django_language: false,
      sessionid: false,
      _ga: false,
      _hjSessionUser_3141: true,
    });
    await waitForText(options, 'conservé : cookie de la plateforme Opendatasoft');
    await clickButton(options, 'Supprimer les cookies non essentiels');
    await waitForOutcome(options, /supprimé/);
    expect(names(await allCookies(session.control))).toEqual([...PLATFORM, '_ga'].sort());
    await options.close();
    await popup.close();
    await portal.close();
  });
});
