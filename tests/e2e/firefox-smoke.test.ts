import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error plain JS module
import { startReplica } from '../replica/server.mjs';
import { launchFirefox } from './firefox';
import { allCookies, tabIdOf, type ExtensionBrowser } from './harness';

let replica: any;
let b: ExtensionBrowser;
beforeAll(async () => {
  replica = await startReplica();
  b = await launchFirefox(resolve('.output/firefox-mv2'), { http: replica.httpPort, https: replica.httpsPort });
});
afterAll(async () => { await b?.close(); await replica?.close(); });

it('smoke (Firefox)', async () => {
  const portal = await b.openPage('https://data.issy.com/?consent=1');
  expect(await portal.evaluate(() => location.href)).toBe('https://data.issy.com/?consent=1');
  const ctl = await b.openExtensionPage('options.html');
  const id = await tabIdOf(ctl, 'https://data.issy.com/*');
  const cookies = await allCookies(ctl);
  console.log(JSON.stringify(cookies, null, 1));
  const popup = await b.openExtensionPage(`popup.html?tabId=${id}`);
  await popup.waitForSelector('li.cookie', { timeout: 10_000 });
  console.log(await popup.evaluate(() => document.body.innerText));
  await popup.screenshot({ path: 'tests/.tmp/firefox-popup.png', fullPage: true });
  expect(cookies.map((c) => c.name)).toEqual(expect.arrayContaining(['sessionid', '_ga', 'ods_embed']));
});
