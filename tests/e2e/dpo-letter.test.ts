/**
 * « Écrire au délégué à la protection des données »: on the replica of data.issy.com, whose legal
 * notice names its DPO with a disguised address, the letter opens in the mail program addressed to
 * the DPO, holds every finding of the report and no cookie value, and the search asks the portal
 * only for its charter and legal pages, without cookies. Accessibility in light and dark.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { engines } from './engines';
import { allCookies, clickButton, exported, tabIdOf, waitForText } from './harness';
import { useSession } from './session';

const PORTAL = 'https://data.issy.com/';
const DPO = 'dpo-ville@ville-issy.example';
const themes = ['light', 'dark'] as const;
// The MV2 and MV3 builds of Firefox share the page and popup code: one Firefox run is enough here.
const cases = engines.filter(([name]) => name !== 'firefox-mv3').flatMap(([name, launch]) => themes.map((theme) => [name, theme, launch] as const));

describe.each(cases)('in %s, %s theme', (_engine, theme, launch) => {
  const session = useSession(launch, { colorScheme: theme });
  let popup: Page;
  let requestsBefore: number;

  beforeAll(async () => {
    const portal = await session.browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, `${PORTAL}*`)}`);
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    requestsBefore = session.replica.requests().length;
    await clickButton(popup, 'Écrire au délégué à la protection des données');
    await popup.waitForSelector('a[href^="mailto:"]', { timeout: 30_000 });
  });

  it('says that Témoin sends nothing, and that the letter is the visitor’s to edit', async () => {
    await waitForText(popup, 'Témoin n’envoie rien. Relisez et modifiez la lettre, puis envoyez-la vous-même.');
    expect(await popup.$eval('textarea', (t) => (t as HTMLTextAreaElement).readOnly)).toBe(false);
  });

  it('addresses the mailto: link to the DPO the legal notice names, with every finding of the report and no value', async () => {
    const href = await popup.$eval('a[href^="mailto:"]', (a) => a.getAttribute('href')!);
    expect(href.startsWith(`mailto:${DPO}?subject=`)).toBe(true);
    const body = decodeURIComponent(href.split('&body=')[1]!);
    // The report as the visitor exports it: every finding, of each cookie and of the whole site.
    const audit = JSON.parse(await exported(popup, 'Données JSON')) as { cookies: { name: string; findings: unknown[] }[]; findings: unknown[] };
    const total = audit.cookies.reduce((sum, c) => sum + c.findings.length, 0) + audit.findings.length;
    expect(total).toBeGreaterThan(4);
    // Each is a question of the letter, in one point per cookie. Beyond Windows, the link holds up
    // to 4000 characters: this report's points all fit, their rules and sources left to the report.
    const points = body.split('\r\n\r\n').filter((p) => /^\d+\. /.test(p));
    expect(body).not.toMatch(/autres? points? figure/);
    expect(points.join('\n').match(/ \?/g)).toHaveLength(total);
    expect(body).toContain('Les règles et les sources de chaque point figurent dans le rapport daté joint (temoin-data.issy.com-');
    for (const c of audit.cookies.filter((c) => c.findings.length > 0)) {
      expect(body).toContain(`« ${c.name} »`);
    }
    expect(body).toContain('Le cookie « _ga », que la charte ne déclare pas, était présent le');
    expect(body).toContain('https://data.issy.com/terms/cookies-policy/');
    for (const cookie of await allCookies(session.control)) {
      if (cookie.value.length >= 4) expect(body).not.toContain(cookie.value);
      if (cookie.value.length >= 4) expect(href).not.toContain(encodeURIComponent(cookie.value));
    }
  });

  it('shows the whole letter, with each point’s rule and source, and no value', async () => {
    const text = await popup.$eval('textarea', (t) => (t as HTMLTextAreaElement).value);
    expect(text).toMatch(/Mesure d’audience au-delà de 13 mois \(source\u00a0: CNIL, cookies et traceurs exemptés pour la mesure d’audience, https:\/\/www\.cnil\.fr\//);
    expect(text).toContain('salutations distinguées');
    for (const cookie of await allCookies(session.control)) if (cookie.value.length >= 4) expect(text).not.toContain(cookie.value);
  });

  it('asked the portal only for its charter and its legal notice, without cookies, and stopped at the address', async () => {
    const asked = session.replica.requests().slice(requestsBefore).filter((r) => r.host === 'data.issy.com' && r.path !== '/');
    expect(asked.map((r) => r.path)).toEqual(['/terms/cookies-policy/', '/pages/mentions-legales/']);
    expect(asked.every((r) => !r.withCookies)).toBe(true);
  });

  it('shows the way to the CNIL after the letter', async () => {
    await waitForText(popup, 'Sans réponse dans un mois');
    expect(await popup.$eval('a[href="https://www.cnil.fr/fr/adresser-une-plainte"]', (a) => a.textContent)).toBe(
      'Adresser une plainte à la CNIL (nouvel onglet)',
    );
  });

  it('has no accessibility violation with the letter open', async () => {
    const violations = await axeViolations(popup);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});

/** geo.issy.com publishes no legal notice: the letter is there to copy, and says where Témoin looked. */
describe.each(cases)('in %s, %s theme, on a portal that names no DPO', (_engine, theme, launch) => {
  const session = useSession(launch, { colorScheme: theme });
  let popup: Page;
  let requestsBefore: number;

  beforeAll(async () => {
    await session.browser.openPage('https://geo.issy.com/');
    // Covered once added: Témoin already holds *.issy.com.
    await session.control.evaluate(async () => {
      const api = ((globalThis as any).browser ?? chrome) as typeof chrome;
      await api.storage.local.set({ portals: [{ host: 'geo.issy.com', origin: 'https://geo.issy.com', addedAt: new Date().toISOString() }] });
    });
    popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, 'https://geo.issy.com/*')}`);
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    requestsBefore = session.replica.requests().length;
    await clickButton(popup, 'Écrire au délégué à la protection des données');
    // The search reads up to four pages before it gives up: as long as finding an address may take.
    await popup.waitForFunction(() => document.querySelector('ul.looked') !== null, { timeout: 30_000 });
    await waitForText(popup, 'Témoin n’a pas trouvé l’adresse du délégué dans les pages du portail qu’il a lues');
  });

  it('offers the letter to copy, names every page it read, and asked no other page', async () => {
    expect(await popup.$('a[href^="mailto:"]')).toBeNull();
    const looked = await popup.$$eval('ul.looked li', (items) => items.map((li) => li.textContent));
    expect(looked).toEqual([
      'https://geo.issy.com/',
      'https://geo.issy.com/terms/cookies-policy/',
      'https://geo.issy.com/pages/mentions-legales/',
      'https://geo.issy.com/terms/privacy-policy/?flg=fr',
      'https://geo.issy.com/terms/terms-and-conditions/?flg=fr',
    ]);
    const asked = session.replica.requests().slice(requestsBefore).filter((r) => r.host === 'geo.issy.com' && r.path !== '/');
    expect(asked.map((r) => `https://geo.issy.com${r.path}`)).toEqual(looked.slice(1));
    expect(asked.every((r) => !r.withCookies)).toBe(true);
    const text = await popup.$eval('textarea', (t) => (t as HTMLTextAreaElement).value);
    expect(text).toContain('Le cookie «\u00a0_geo_tracker_0\u00a0», que la charte ne déclare pas, était présent le');
    expect(await popup.evaluate(() => document.querySelector('button[aria-expanded="true"]')?.textContent?.trim())).toBe(
      'Écrire au délégué à la protection des données',
    );
  });

  it('has no accessibility violation', async () => {
    const violations = await axeViolations(popup);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
