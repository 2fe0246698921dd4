import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error plain JS module
import { startReplica } from '../replica/server.mjs';
import { launchChromium } from './chromium';
import { allCookies, tabIdOf, type ExtensionBrowser } from './harness';

let replica: any;
let b: ExtensionBrowser;
beforeAll(async () => {
  replica = await startReplica();
  b = await launchChromium(resolve('.output/chrome-mv3'), { http: replica.httpPort, https: replica.httpsPort });
});
afterAll(async () => { await b?.close(); await replica?.close(); });

it('smoke', async () => {
  const portal = await b.openPage('https://data.issy.com/?consent=1');
  const ctl = await b.openExtensionPage('options.html');
  const id = await tabIdOf(ctl, 'https://data.issy.com/*');
  console.log(JSON.stringify(await allCookies(ctl), null, 1));
  const popup = await b.openExtensionPage(`popup.html?tabId=${id}`);
  await popup.waitForSelector('li.cookie', { timeout: 10000 });
  console.log(await popup.evaluate(() => document.body.innerText));
  await popup.screenshot({ path: 'tests/.tmp/popup.png', fullPage: true });
  await ctl.reload(); await new Promise(r => setTimeout(r, 1000));
  await ctl.screenshot({ path: 'tests/.tmp/options.png', fullPage: true });
  expect(portal).toBeTruthy();
});
