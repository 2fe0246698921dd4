import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import { drawn, REPLICA_HOSTS, type ExtensionBrowser, type LaunchOptions, type Ports } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** Every replica host to the replica's ports, everything else nowhere: no test reaches the internet. */
function hostRules(ports: Ports): string {
  const rules = REPLICA_HOSTS.flatMap((host) => [
    `MAP ${host}:80 127.0.0.1:${ports.http}`,
    `MAP ${host}:443 127.0.0.1:${ports.https}`,
  ]);
  return [...rules, 'MAP * ~NOTFOUND'].join(',');
}

/** Headless Chromium with the built extension loaded and data.issy.com mapped to the replica. */
/** `extraArgs`: more switches, such as a feature still behind a flag; `options`: light or dark pages. */
export async function launchChromium(
  extensionDir: string,
  ports: Ports,
  extraArgs: string[] = [],
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'temoin-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    pipe: true,
    // The interface's language: Chromium on Linux takes it from the environment, `--lang` elsewhere.
    env: { ...process.env, LANGUAGE: options.language === 'en' ? 'en_US' : 'fr_FR' },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      `--load-extension=${extensionDir}`,
      `--disable-extensions-except=${extensionDir}`,
      `--host-resolver-rules=${hostRules(ports)}`,
      `--lang=${options.language === 'en' ? 'en-US' : 'fr-FR'}`,
      ...extraArgs,
    ],
  });
  const worker = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  const origin = worker.url().match(/^chrome-extension:\/\/[^/]+/)![0];
  /** A new tab, light or dark as the test asked (the visitor's system setting, emulated). */
  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    if (options.colorScheme) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.colorScheme }]);
    return page;
  }
  return {
    name: 'chromium',
    browser,
    extensionOrigin: origin,
    async openPage(url) {
      const page = await newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openExtensionPage(path) {
      const page = await newPage();
      await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
      return drawn(page);
    },
    async openToolbarPopup() {
      // Asked by the background, so that no page of the extension takes the active tab's place.
      await (await worker.worker())!.evaluate(() => chrome.action.openPopup());
      const popup = await browser.waitForTarget((t) => t.url() === `${origin}/popup.html`, { timeout: 10_000 });
      return (await popup.asPage())!;
    },
    async close() {
      await browser.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
