import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startForwardingProxy } from './forwarding-proxy';
import { drawn, REPLICA_HOSTS, requestPermission, type ExtensionBrowser, type LaunchOptions, type Ports } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr';
/** The moz-extension:// host is random per profile unless pinned by `extensions.webextensions.uuids`. */
export const FIREFOX_EXTENSION_UUID = '6f1c2a4e-7d3b-4c59-9e8a-0b5d2f7a1c33';

/** Every pref that would let an idle Firefox talk to Mozilla's servers, turned off. */
const OFFLINE_PREFS = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.aboutHomeSnippets.updateUrl': '',
  'browser.discovery.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.geoip.url': '',
  'browser.tabs.crashReporting.sendReport': false,
  'captivedetect.canonicalURL': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'doh-rollout.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.coverage.opt-out': true,
};

/**
 * Headless Firefox ESR, driven over WebDriver BiDi, with the built MV2 extension installed as a
 * temporary add-on and the replica's hosts served through a local forwarding proxy.
 */
export async function launchFirefox(extensionDir: string, ports: Ports, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox ESR is not at ${FIREFOX}: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  const geckoId: string = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'))
    .browser_specific_settings.gecko.id;
  const proxy = await startForwardingProxy(ports);
  const profile = mkdtempSync(join(tmpdir(), 'temoin-firefox-'));
  const dumpio = Boolean(process.env.TEMOIN_FIREFOX_DUMPIO);
  let launched: Browser | undefined;
  try {
    launched = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      // The replica's certificate is self-signed; this is a browser-wide override in Firefox.
      acceptInsecureCerts: true,
      dumpio,
      timeout: 30_000,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...OFFLINE_PREFS,
        // All traffic goes to the forwarding proxy, which knows only the replica's hosts (see forwarding-proxy.ts).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.socks_remote_dns': true,
        // Belt and braces: should anything bypass the proxy, the names still resolve locally.
        'network.dns.localDomains': REPLICA_HOSTS.join(','),
        'dom.security.https_first': false,
        'dom.security.https_only_mode': false,
        // A visitor's default: Total Cookie Protection, where partitioned (CHIPS) cookies exist.
        'browser.contentblocking.category': 'standard',
        'browser.contentblocking.features.standard': '-tp,tpPrivate,cookieBehavior5,cookieBehaviorPBM5,-cryptoTP,-fp',
        'network.cookie.cookieBehavior': 5,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
        // Optional permissions requested on a click are granted as if the visitor chose « Autoriser ».
        'extensions.webextOptionalPermissionPrompts': false,
        // The interface's language (French needs Debian's firefox-esr-l10n-fr).
        'intl.locale.requested': options.language === 'en' ? 'en-US' : 'fr',
        // Light or dark pages, as a visitor's system setting makes them (0 dark, 1 light).
        ...options.prefs,
        ...(options.colorScheme && {
          'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
          'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
        }),
        ...(dumpio && {
          'devtools.console.stdout.chrome': true,
          'devtools.console.stdout.content': true,
        }),
      },
    });
    // A temporary add-on, as `about:debugging` would load it; its UUID is the pinned one above.
    await launched.installExtension(extensionDir);
  } catch (error) {
    await launched?.close().catch(() => {});
    await proxy.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const browser = launched;
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

  /**
   * Firefox never answers `goto` for a moz-extension:// page, and puppeteer's `page.url()` stays
   * `about:blank`: start the navigation, then ask the page itself until it is the extension page,
   * loaded, with the extension APIs in reach.
   */
  async function navigateExtensionPage(page: Page, url: string): Promise<void> {
    void page.goto(url, { timeout: 15_000 }).catch(() => {});
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await page
        .evaluate(
          (target) =>
            location.href === target &&
            document.readyState === 'complete' &&
            typeof (globalThis as any).browser?.cookies === 'object',
          url,
        )
        .catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`${url} did not load in Firefox`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    await navigateExtensionPage(page, `${origin}/${path}`);
    return drawn(page);
  }

  return {
    name: 'firefox',
    browser,
    extensionOrigin: origin,
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
      return page;
    },
    openExtensionPage,
    async grantHostPermission(pattern) {
      const page = await openExtensionPage('options.html');
      const granted = await requestPermission(page, pattern);
      await page.close();
      if (!granted) throw new Error(`Firefox refused ${pattern}`);
    },
    async close() {
      try {
        await browser.close();
      } finally {
        await proxy.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
