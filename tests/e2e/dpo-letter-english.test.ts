/**
 * In an English browser: the letter to the portal's DPO is written in English, and the readable
 * report the visitor exports and attaches is an English page (`<html lang="en">`), the charter's
 * own French words marked `lang="fr"`.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from './engines';
import { clickButton, exported, tabIdOf } from './harness';
import { useSession } from './session';

const PORTAL = 'https://data.issy.com/';
const DPO = 'dpo-ville@ville-issy.example';
// The MV2 and MV3 builds of Firefox share the popup code: one Firefox run is enough here.
const cases = engines.filter(([name]) => name !== 'firefox-mv3');

describe.each(cases)('in an English %s', (_engine, launch) => {
  const session = useSession(launch, { language: 'en' });
  let popup: Page;

  beforeAll(async () => {
    const portal = await session.browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, `${PORTAL}*`)}`);
    await clickButton(popup, 'Write to the data protection officer');
    await popup.waitForSelector('a[href^="mailto:"]', { timeout: 30_000 });
  });

  it('drafts the letter in English, addressed to the DPO', async () => {
    const href = await popup.$eval('a[href^="mailto:"]', (a) => a.getAttribute('href')!);
    expect(href.startsWith(`mailto:${DPO}?subject=`)).toBe(true);
    const subject = decodeURIComponent(href.split('?subject=')[1]!.split('&body=')[0]!);
    expect(subject).toBe('Cookies on the data.issy.com portal: request for information');
    const body = decodeURIComponent(href.split('&body=')[1]!);
    expect(body.startsWith('Dear Sir or Madam,\r\n\r\nOn ')).toBe(true);
    expect(body).toContain('The cookie “_ga”, which the charter does not declare, was present on');
    expect(body).toContain('could you tell me what it is for and add it to the charter?');
    expect(body).toContain('Yours faithfully,');
    expect(body.replaceAll('Témoin', '').replace('loi Informatique et Libertés', '')).not.toMatch(/[àéèù«»]|\b(?:votre|vous|pouvez)\b/i);
    const text = await popup.$eval('textarea', (t) => (t as HTMLTextAreaElement).value);
    expect(text).toContain('[Your name]');
  });

  it('exports an English readable report, the charter’s words marked French', async () => {
    const html = await exported(popup, 'Readable report');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<h1>Cookie audit of data.issy.com</h1>');
    expect(html).toContain('<th>Provider</th><th>Purpose</th>');
    expect(html).toContain('Not declared in the charter; probably Google Analytics (audience measurement).');
    expect(html).toMatch(/<td lang="fr">[^<]+<\/td>/);
    const page = await session.browser.openPage('about:blank');
    await page.setContent(html);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // A look at the page, when asked: E2E_SCREENSHOTS=folder.
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/report-en.png`, fullPage: true });
  });
});
