import { browser } from 'wxt/browser';
import { listPortal, unlistPortal } from './coverage';
import { permissionFor } from './permission';
import { isOpendatasoftTab, probeTab } from '../page/inject';
import { webAddress } from './tab';
import { t } from '../i18n/messages';

/**
 * Adds the tab's site to the covered portals, once the visitor has granted its permission
 * (the popup asks for it: only a page can, on the visitor's click).
 */
export async function addPortal(tabId: number): Promise<{ host: string }> {
  const url = webAddress((await browser.tabs.get(tabId)).url);
  if (!url) throw new Error(t('error.portal.notWeb'));
  const { host } = url;
  if (!(await browser.permissions.contains({ origins: [permissionFor(host)] }))) {
    throw new Error(t('error.portal.noPermission', host));
  }
  if (!(await isOpendatasoftTab(tabId, await probeTab(tabId)))) throw new Error(t('error.portal.notOpendatasoft', host));
  await listPortal(host);
  return { host };
}

/** Stops covering a portal: what Témoin read of it is dropped and its permission given back. */
export async function removePortal(host: string): Promise<void> {
  const { permissionShared } = await unlistPortal(host);
  // Another covered portal may share the registrable domain (and so the permission).
  if (!permissionShared) await browser.permissions.remove({ origins: [permissionFor(host)] });
}
