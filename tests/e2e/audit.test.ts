/**
 * The audit a visitor reads and keeps: what the knowledge base says of undeclared cookies, the
 * CNIL findings, the recorded choice, the badge, and the exported files.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from './engines';
import { exported, rowText, tabIdOf, waitForText } from './harness';
import { useSession } from './session';

describe.each(engines)('in %s', (_engine, launch) => {
  const session = useSession(launch);
  let popup: Page;
  let tabId: number;

  beforeAll(async () => {
    const { browser, control } = session;
    const portal = await browser.openPage('https://data.issy.com/?consent=1');
    await portal.goto('https://data.issy.com/', { waitUntil: 'load' });
    await portal.evaluate(() => localStorage.setItem('ajs_anonymous_id', 'secret-visitor-id'));
    tabId = await tabIdOf(control, 'https://data.issy.com/*');
    popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await waitForText(popup, 'Charte publiée sur le site, lue le');
  });

  it('explains _ga as probably Google Analytics, kept beyond 13 months', async () => {
    const ga = await rowText(popup, '_ga');
    expect(ga).toContain('Non déclaré dans la charte — probablement Google Analytics');
    // Set for two years; browsers keep at most 400 days, still over 13 months.
    expect(ga).toMatch(/Cookie de mesure d’audience qui expire dans (399|400) jours : au-delà des 13 mois \(395 jours\)/);
  });

  it('flags the tracker the recorded choice refuses, and not the one it accepts', async () => {
    expect(await rowText(popup, '_pk_id.1.a1b2')).toContain('Présent alors que votre choix enregistré refuse Matomo.');
    expect(await rowText(popup, '_ga')).not.toContain('Présent alors');
  });

  it('shows the recorded choice, tracker by tracker', async () => {
    await waitForText(popup, 'Votre choix enregistré');
    const text = (await popup.evaluate(() => document.querySelector('.consent')!.textContent!)).replace(/\s+/g, ' ');
    expect(text).toContain('Google Analytics accepté');
    expect(text).toContain('Matomo refusé');
    expect(text).toMatch(/Il expire le \d+ \S+ \d{4}/);
  });

  it('lists the page’s storage keys as other trackers, never their values', async () => {
    await waitForText(popup, 'Autres traceurs');
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toContain('ajs_anonymous_id');
    expect(text).not.toContain('secret-visitor-id');
  });

  it('counts the undeclared cookies on the toolbar badge', async () => {
    const undeclared = await popup.evaluate(() => document.querySelectorAll('li.cookie.undeclared').length);
    expect(undeclared).toBeGreaterThan(0);
    const badge = await session.control.evaluate(
      (tabId) =>
        new Promise<string>((resolve) => {
          const action = (chrome.action ?? (chrome as any).browserAction) as typeof chrome.action;
          action.getBadgeText({ tabId }, resolve);
        }),
      tabId,
    );
    expect(badge).toBe(String(undeclared));
    // The popup's totals say the badge's number.
    const totals = await popup.evaluate(() => document.querySelector('.totals')!.textContent!.replace(/[ \t\n]+/g, ' '));
    expect(totals).toContain(`${badge}\u00a0non déclaré`);
  });

  it('exports JSON that parses and lists every cookie of the page, without values', async () => {
    const shown = await popup.evaluate(() => [...document.querySelectorAll('li.cookie code.name')].map((c) => c.textContent).sort());
    const audit = JSON.parse(await exported(popup, 'Données JSON'));
    expect(audit.cookies.map((c: { name: string }) => c.name).sort()).toEqual(shown);
    expect(audit.cookies.every((c: object) => !('value' in c))).toBe(true);
    expect(audit.site).toBe('data.issy.com');
  });

  it('exports a CSV with one row per cookie', async () => {
    const shown = await popup.evaluate(() => document.querySelectorAll('li.cookie').length);
    const csv = await exported(popup, 'Tableau CSV');
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^"nom","valeur","domaine"/);
    expect(lines).toHaveLength(shown + 1);
  });
});
