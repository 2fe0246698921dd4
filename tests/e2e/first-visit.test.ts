/**
 * « Tester une première visite »: the visitor's cookies and storage set aside, the portal
 * reloaded as a first-time visitor's, what it sets before any choice listed with the charter's
 * verdict, and the visitor's own cookies put back exactly.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredCookie } from '@/lib/cookies/model';
import { engines } from './engines';
import { chooseDuration, startTest } from './first-visit-steps';
import { allCookies, clickButton, sortedJar, tabIdOf } from './harness';
import { useSession } from './session';


/** The cookies a first visit to the replica of data.issy.com sets (server and page script), over HTTPS. */
const FIRST_VISIT = ['_ga', '_hjSessionUser_3141', '_pk_id.1.a1b2', 'csrftoken', 'django_language', 'ods_embed', 'sessionid'];

/** The report's status line, once the test is over. */
async function finished(popup: Page): Promise<string> {
  const handle = await popup.waitForFunction(
    () => {
      const text = document.querySelector('.first-visit-status')?.textContent?.replace(/\s+/g, ' ').trim();
      return text?.startsWith('Test du') ? text : false;
    },
    { timeout: 40_000, polling: 200 },
  );
  return (await handle.jsonValue()) as string;
}

/** Moves focus by keyboard (Tab, or Shift+Tab backwards) to the button labelled `label`, and presses Enter. */
async function pressByKeyboard(popup: Page, label: string, backwards = false) {
  const focused = () =>
    popup.evaluate((l) => document.hasFocus() && document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent?.trim() === l, label);
  // From the report's title, which the visitor reaches first: Tab past the page's end would go to
  // the browser's own controls (Firefox), where Enter presses nothing of the page.
  await popup.bringToFront();
  await popup.evaluate(() => window.focus());
  if (!backwards) await popup.evaluate(() => document.getElementById('report-title')!.focus());
  for (let i = 0; i < 80 && !(await focused()); i++) {
    if (backwards) await popup.keyboard.down('Shift');
    await popup.keyboard.press('Tab');
    if (backwards) await popup.keyboard.up('Shift');
  }
  expect(await focused(), `focus on « ${label} »`).toBe(true);
  await popup.keyboard.press('Enter');
}

/**
 * Where keyboard focus is: on the command the visitor pressed if it is still there (« Tester une
 * première visite », or « Arrêter le test » while a test runs), else on the test's status, which
 * says how it goes; never lost to the page's body while the report gives way to the test.
 */
function focusIsKept(popup: Page) {
  return popup.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) return 'lost';
    if (active.id === 'first-visit-status') return 'status';
    const label = active.textContent?.trim();
    return active.closest('.commands') && (label === 'Tester une première visite' || label === 'Arrêter le test') ? 'command' : `elsewhere: ${active.outerHTML.slice(0, 80)}`;
  });
}

describe.each(engines)('in %s', (_engine, launch) => {
  const session = useSession(launch);
  let portal: Page;
  let popup: Page;
  let before: StoredCookie[];

  beforeAll(async () => {
    const { browser, control } = session;
    // A returning visitor: a choice recorded, and something in the page's storage.
    portal = await browser.openPage('https://data.issy.com/?consent=1');
    await portal.goto('https://data.issy.com/', { waitUntil: 'load' });
    await portal.evaluate(() => localStorage.setItem('visitor_theme', 'sombre'));
    before = sortedJar(await allCookies(control));
    const tabId = await tabIdOf(control, 'https://data.issy.com/*');
    popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  });

  it('lists exactly the cookies the portal sets before any choice, with the charter’s verdict and the CNIL finding', async () => {
    expect(before.map((c) => c.name)).toContain('cookies_preferences');
    await startTest(popup, '5');
    const status = await finished(popup);
    expect(status).toMatch(/7 cookies déposés avant tout choix/);
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll('li.first-visit-cookie')].map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ')),
    );
    const listed = await popup.evaluate(() => [...document.querySelectorAll('li.first-visit-cookie code.name')].map((c) => c.textContent).sort());
    expect(listed).toEqual(FIRST_VISIT);
    const ga = rows.find((r) => r.startsWith('_ga '))!;
    expect(ga).toContain('non déclaré (probablement Google Analytics)');
    expect(ga).toMatch(/Déposé le (1er|\d{1,2}) \S+ à \d\d:\d\d, avant que vous ayez fait un choix\./);
    const session = rows.find((r) => r.startsWith('sessionid '))!;
    expect(session).toContain('déclaré, nécessaire');
    expect(session).not.toContain('avant que vous ayez fait un choix');
  });

  it('puts the visitor’s cookies and storage back exactly', async () => {
    expect(sortedJar(await allCookies(session.control))).toEqual(before);
    await portal.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
    expect(await portal.evaluate(() => localStorage.getItem('visitor_theme'))).toBe('sombre');
  });

  it('exports the test as a dated report, without any value', async () => {
    await popup.evaluate(() => {
      const original = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => {
        void blob.text().then((text) => ((window as any).lastExport = text));
        return original(blob);
      };
    });
    await clickButton(popup, 'Test en JSON');
    const handle = await popup.waitForFunction(() => (window as any).lastExport ?? false, { timeout: 10_000 });
    const record = JSON.parse((await handle.jsonValue()) as string);
    expect(record.site).toBe('data.issy.com');
    expect(Date.parse(record.startedAt)).not.toBeNaN();
    expect(record.items.filter((i: { kind: string }) => i.kind === 'cookie').map((i: { name: string }) => i.name).sort()).toEqual(FIRST_VISIT);
    const values = before.map((c) => c.value).filter((v) => v.length > 3);
    for (const value of values) expect(JSON.stringify(record)).not.toContain(value);
  });

  it('stops when the visitor leaves the portal, and puts their cookies back', async () => {
    await startTest(popup, '30');
    await popup.waitForFunction(() => document.querySelector('.first-visit progress') !== null, { timeout: 10_000 });
    await portal.goto('https://elsewhere.example/', { waitUntil: 'load' });
    const status = await finished(popup);
    expect(status).toContain('Test du');
    expect(await popup.evaluate(() => document.querySelector('.first-visit')!.textContent)).toContain('vous avez quitté le portail');
    expect(sortedJar(await allCookies(session.control))).toEqual(before);
  });
  it('keeps keyboard focus on the command or on the test’s status when a test starts and when it is stopped', async () => {
    // Back on the portal, in a popup opened afresh (an export before may have taken the window's focus to the browser's downloads).
    await portal.goto('https://data.issy.com/', { waitUntil: 'load' });
    popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, 'https://data.issy.com/*')}`);
    await chooseDuration(popup, '30');
    await pressByKeyboard(popup, 'Tester une première visite');
    // Running: the tab went off the portal and back, and the report with its commands gave way meanwhile.
    await popup.waitForFunction(() => document.querySelector('.first-visit progress') !== null, { timeout: 15_000 });
    await popup.waitForFunction(() => [...document.querySelectorAll('.commands button')].some((b) => b.textContent?.trim() === 'Arrêter le test'), { timeout: 10_000 });
    expect(await focusIsKept(popup)).toMatch(/^(command|status)$/);
    const status = await popup.evaluate(() => document.activeElement?.id === 'first-visit-status');
    await pressByKeyboard(popup, 'Arrêter le test', status);
    expect(await finished(popup)).toContain('Test du');
    await popup.waitForFunction(() => [...document.querySelectorAll('.commands button')].some((b) => b.textContent?.trim() === 'Tester une première visite'), { timeout: 10_000 });
    expect(await focusIsKept(popup)).toMatch(/^(command|status)$/);
    expect(sortedJar(await allCookies(session.control))).toEqual(before);
  });

  it('keeps keyboard focus when a test ends on its own', async () => {
    await chooseDuration(popup, '5');
    await pressByKeyboard(popup, 'Tester une première visite');
    await popup.waitForFunction(() => document.querySelector('.first-visit progress') !== null, { timeout: 15_000 });
    expect(await focusIsKept(popup)).toMatch(/^(command|status)$/);
    expect(await finished(popup)).toContain('Test du');
    await popup.waitForFunction(() => [...document.querySelectorAll('.commands button')].some((b) => b.textContent?.trim() === 'Tester une première visite'), { timeout: 10_000 });
    expect(await focusIsKept(popup)).toMatch(/^(command|status)$/);
    await portal.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
  });

});
