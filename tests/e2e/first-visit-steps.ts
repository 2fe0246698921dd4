/** The steps of a first-visit test as the visitor takes them in the popup. */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { clickButton } from './harness';

/**
 * The duration is chosen in the test's section below the cookie lists (« Durée du test »); the
 * command « Tester une première visite » sits with the popup's other commands above them.
 */
export async function chooseDuration(popup: Page, seconds: string) {
  await popup.bringToFront();
  await popup.waitForSelector('.first-visit select:not([disabled])').catch(async (error: Error) => {
    throw new Error(`${error.message}; the popup shows: ${await popup.evaluate(() => document.body.innerText)}`);
  });
  const placed = await popup.evaluate(() => {
    const select = document.querySelector('.first-visit select')!;
    const start = [...document.querySelectorAll('.commands button')].find((b) => b.textContent?.trim() === 'Tester une première visite');
    // The report's lists, not those of an earlier test's report inside the test's section.
    const lastList = [...document.querySelectorAll('ul.cookies')].filter((ul) => !ul.closest('.first-visit')).at(-1);
    return {
      label: select.closest('label')?.textContent?.replace(/\s+/g, ' ').trim().startsWith('Durée du test'),
      belowLists: !!lastList && !!(lastList.compareDocumentPosition(select) & Node.DOCUMENT_POSITION_FOLLOWING),
      startAbove: !!start && !!lastList && !!(start.compareDocumentPosition(lastList) & Node.DOCUMENT_POSITION_FOLLOWING),
    };
  });
  expect(placed).toEqual({ label: true, belowLists: true, startAbove: true });
  await popup.select('.first-visit select', seconds);
  expect(await popup.$eval('.first-visit select', (s) => (s as HTMLSelectElement).value)).toBe(seconds);
}

/** Chooses the duration, starts the test, and waits until the popup shows it running. */
export async function startTest(popup: Page, seconds: string) {
  await chooseDuration(popup, seconds);
  await clickButton(popup, 'Tester une première visite');
  await popup
    .waitForFunction(() => document.querySelector('.first-visit progress') !== null, { timeout: 40_000, polling: 100 })
    .catch(async (error: Error) => {
      throw new Error(`${error.message}; the popup shows: ${await popup.evaluate(() => document.body.innerText)}`);
    });
}
