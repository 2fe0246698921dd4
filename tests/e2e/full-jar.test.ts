/**
 * A full jar: as many cookies on the portal as Chrome keeps for one site (180), in several
 * partitions. The popup shows them all and stays usable: scrolling, filtering by name or by
 * category, with the keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import { engines } from './engines';
import { tabIdOf } from './harness';
import { useSession } from './session';

const FULL = 180;

describe.each(engines)('a full jar, in %s', (_engine, launch) => {
  const session = useSession(launch);

  it('shows every cookie and lets the visitor scroll and filter with the keyboard', async () => {
    const portal = await session.browser.openPage('https://data.issy.com/');
    // Set through the cookies API from an extension page, in three partitions.
    const partitions = [undefined, 'https://issy.com', 'https://ville-exemple.fr'];
    await session.control.evaluate(
      async (count, partitions) => {
        const api = (globalThis as any).browser?.cookies ?? chrome.cookies;
        const existing: unknown[] = await api.getAll({ domain: 'issy.com', partitionKey: {} });
        const expirationDate = Math.floor(Date.now() / 1000) + 86_400;
        for (let i = existing.length; i < count; i++) {
          const topLevelSite = partitions[i % partitions.length];
          await api.set({
            url: 'https://data.issy.com/',
            name: `rempli_${String(i).padStart(3, '0')}`,
            value: String(i),
            secure: true,
            sameSite: 'no_restriction',
            expirationDate,
            ...(topLevelSite && { partitionKey: { topLevelSite } }),
          });
        }
      },
      FULL,
      partitions,
    );
    const tabId = await tabIdOf(session.control, 'https://data.issy.com/*');
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    const rows = () => popup.evaluate(() => document.querySelectorAll('li.cookie').length);
    await popup.waitForFunction((n) => document.querySelectorAll('li.cookie').length >= n, { timeout: 10_000 }, FULL);
    expect(await rows()).toBeGreaterThanOrEqual(FULL);
    // Each row's folded details load just after the row.
    await popup.waitForFunction(() => [...document.querySelectorAll('li.cookie .details')].every((d) => d.childElementCount > 0), { timeout: 10_000 });
    const partitioned = await popup.evaluate(
      () => [...document.querySelectorAll('li.cookie')].filter((li) => li.textContent!.includes('partition https://')).length,
    );
    expect(partitioned).toBeGreaterThanOrEqual(Math.floor((FULL - 10) / 3) * 2);

    // Scrolling: the last row can be brought into view.
    const lastInView = await popup.evaluate(async () => {
      const last = [...document.querySelectorAll('li.cookie')].at(-1)!;
      last.scrollIntoView({ block: 'end' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const box = last.getBoundingClientRect();
      // Within a pixel: rows are fractions of a pixel high, the page scrolls by whole pixels.
      return window.scrollY > 0 && box.top >= 0 && box.bottom <= window.innerHeight + 1;
    });
    expect(lastInView).toBe(true);

    // The keyboard alone: Tab to the name filter, type, Tab to the category, choose one.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 20 && !(await popup.evaluate(() => document.activeElement?.getAttribute('type') === 'search')); i++) {
      await popup.keyboard.press('Tab');
    }
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await popup.keyboard.type('rempli_17');
    await popup.waitForFunction(() => document.querySelectorAll('li.cookie').length === 10, { timeout: 10_000 });
    expect(
      await popup.evaluate(() => [...document.querySelectorAll('li.cookie code.name')].every((c) => c.textContent!.startsWith('rempli_17'))),
    ).toBe(true);

    for (let i = 0; i < 'rempli_17'.length; i++) await popup.keyboard.press('Backspace');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim().split(/\s/)[0])).toBe('Catégorie');
    const category = () => popup.evaluate(() => (document.activeElement as HTMLSelectElement).value);
    for (let i = 0; i < 6 && (await category()) !== 'necessary'; i++) await popup.keyboard.press('ArrowDown');
    expect(await category()).toBe('necessary');
    await popup.waitForFunction(
      () => {
        const names = [...document.querySelectorAll('li.cookie code.name')].map((c) => c.textContent);
        return names.length > 0 && names.every((n) => ['sessionid', 'csrftoken', 'django_language', 'cookies_preferences'].includes(n!));
      },
      { timeout: 10_000 },
    );
    await popup.close();
    await portal.close();
  });
});
