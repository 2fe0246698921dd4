/**
 * `npm run screenshots`: the popup and the options page on the replica, as docs/*.png, for the
 * README. Not part of `npm test`.
 */
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { startReplica } from '../e2e/session';
import { launchChromium } from '../e2e/chromium';
import { tabIdOf, waitForText } from '../e2e/harness';

it('takes the README’s screenshots', async () => {
  const replica = await startReplica();
  const browser = await launchChromium(resolve('.output/chrome-mv3'), { http: replica.httpPort, https: replica.httpsPort });
  try {
    const portal = await browser.openPage('https://data.issy.com/?consent=1');
    await portal.goto('https://data.issy.com/', { waitUntil: 'load' });
    const options = await browser.openExtensionPage('options.html');
    const tabId = await tabIdOf(options, 'https://data.issy.com/*');

    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    // The toolbar popup's size: its first screen is what a visitor sees.
    await popup.setViewport({ width: 400, height: 600 });
    await waitForText(popup, 'Charte publiée sur le site, lue le');
    await waitForText(popup, 'Votre choix enregistré'); // what follows the lists has loaded
    await popup.screenshot({ path: 'docs/popup.png' });
    // The same first screen in the dark theme.
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await popup.screenshot({ path: 'docs/popup-dark.png' });

    await options.setViewport({ width: 900, height: 700 });
    await options.reload();
    await options.waitForSelector('li.cookie');
    await options.screenshot({ path: 'docs/options.png', fullPage: true });
    expect(await popup.$$('li.cookie')).toHaveLength(8);
  } finally {
    await browser.close();
    await replica.close();
  }
});
