/**
 * When each cookie appeared, against the visitor's choice: on a portal whose scripts set a
 * tracker before any choice and another after « Tout refuser ».
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from './engines';
import { allCookies, clickButton, tabIdOf } from './harness';
import { useSession } from './session';

/** « 2 décembre à 15:40 » */
const WHEN = String.raw`(1er|\d{1,2}) \S+ à \d\d:\d\d`;

/**
 * A row's words once its folded details say when the cookie appeared: a cookie set a moment ago
 * gets its row first and its date when the timeline has noted it. The details are read as text,
 * folded as they are: Firefox leaves out of `innerText` what a clipped box holds, Chromium not.
 */
async function rowWhen(page: Page, name: string): Promise<string> {
  const handle = await page.waitForFunction(
    (n) => {
      const row = [...document.querySelectorAll('li.cookie')].find((li) => li.querySelector('code.name')?.textContent === n);
      const details = row?.querySelector('.details');
      if (!row || !details?.querySelector('.when')) return false;
      const shown = [...row.children].filter((c) => c !== details).map((c) => (c as HTMLElement).innerText);
      return [...shown, details.textContent].join(' ');
    },
    { timeout: 10_000 },
    name,
  );
  return ((await handle.jsonValue()) as string).replace(/\s+/g, ' ');
}

describe.each(engines)('in %s', (_engine, launch) => {
  const session = useSession(launch);
  let portal: Page;
  let popup: Page;

  beforeAll(async () => {
    session.replica.setBehaviour('misbehaving');
    portal = await session.browser.openPage('https://data.issy.com/');
    const tabId = await tabIdOf(session.control, 'https://data.issy.com/*');
    popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  });

  it('dates a tracker set before any choice', async () => {
    const row = await rowWhen(popup, '_gcl_au');
    expect(row).toMatch(new RegExp(`Déposé le ${WHEN}, avant que vous ayez fait un choix\\.`));
  });

  it('says nothing of a necessary cookie’s timing, but when it appeared', async () => {
    const row = await rowWhen(popup, 'sessionid');
    expect(row).toMatch(new RegExp(`Déposé le ${WHEN}`));
    expect(row).not.toContain('avant que vous ayez fait un choix');
  });

  it('dates a tracker set after the visitor refused it, naming the tracker and the refusal', async () => {
    await portal.bringToFront();
    await portal.click('#refuse');
    // The page's script sets Matomo's session cookie once reloaded with the refusal.
    for (let i = 0; !(await allCookies(session.control)).some((c) => c.name === '_pk_ses.1.a1b2'); i++) {
      if (i > 100) throw new Error('the page never set _pk_ses.1.a1b2');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await popup.bringToFront();
    const row = await rowWhen(popup, '_pk_ses.1.a1b2');
    expect(row).toMatch(new RegExp(`Déposé le ${WHEN}, après votre refus de Matomo du ${WHEN}\\.`));
    // Set before the choice, still before it once the choice is made.
    expect(await rowWhen(popup, '_gcl_au')).toMatch(new RegExp(`avant que vous ayez fait un choix \\(le ${WHEN}\\)`));
    expect((await allCookies(session.control)).map((c) => c.name)).toContain('cookies_preferences');
  });

  it('exports the dates and the findings with their rule, never a value', async () => {
    await popup.evaluate(() => {
      const original = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => {
        void blob.text().then((text) => ((window as any).lastExport = text));
        return original(blob);
      };
    });
    await clickButton(popup, 'Données JSON');
    const handle = await popup.waitForFunction(() => (window as any).lastExport ?? false, { timeout: 10_000 });
    const audit = JSON.parse((await handle.jsonValue()) as string);
    const late = audit.cookies.find((c: { name: string }) => c.name === '_pk_ses.1.a1b2');
    expect(Date.parse(late.setAt)).toBeGreaterThan(Date.parse(audit.generatedAt) - 120_000);
    expect(late.findings.map((f: { rule: string }) => f.rule)).toContain('set-after-refusal');
    expect(late.findings.find((f: { rule: string }) => f.rule === 'set-after-refusal').source).toContain('2020-091');
    expect(late).not.toHaveProperty('value');
  });
});
