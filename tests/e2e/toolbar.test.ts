/**
 * The popup as the toolbar opens it: no tab in its address, it reports on the active tab of the
 * focused window. In the engines whose harness can open the real toolbar popup (Chromium).
 */
import { describe, expect, it } from 'vitest';
import { engines } from './engines';
import { rowText, waitForText } from './harness';
import { useSession } from './session';

const withToolbar = engines.filter(([name]) => name === 'chromium');

describe.each(withToolbar)('from the toolbar, in %s', (_engine, launch) => {
  const session = useSession(launch);

  it('reports on the active tab', async () => {
    const portal = await session.browser.openPage('https://data.issy.com/?consent=1');
    await portal.bringToFront();
    const popup = await session.browser.openToolbarPopup!();
    const site = await popup.waitForSelector('h1', { timeout: 10_000 });
    expect(await site!.evaluate((h) => h.textContent)).toBe('data.issy.com');
    expect(await rowText(popup, 'sessionid')).toContain('Opendatasoft');
    await popup.close();

    // Another site in front: the popup follows the active tab.
    const elsewhere = await session.browser.openPage('https://elsewhere.example/');
    await elsewhere.bringToFront();
    const second = await session.browser.openToolbarPopup!();
    await waitForText(second, 'Ce site n’est pas couvert par Témoin.');
    await second.close();
    await elsewhere.close();
    await portal.close();
  });
});
