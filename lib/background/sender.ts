import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n/messages';

/**
 * Only the extension's own pages (popup, options) may read reports or delete cookies; a content
 * script runs inside a page the site controls and must never trigger a deletion.
 */
export function assertExtensionPage(sender: Browser.runtime.MessageSender): void {
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  const origin = sender.url ? new URL(sender.url).origin : null;
  if (sender.id !== browser.runtime.id || origin !== ownOrigin) {
    throw new Error(t('error.refused.notExtension'));
  }
}
