import { browser } from 'wxt/browser';
import { forgetCharter } from '../charter/records';
import { permissionFor } from './permission';
import { portals } from './coverage';
import { written } from '../actions/result';
import { isOpendatasoftTab, probeTab } from '../page/inject';

/**
 * Adds the tab's site to the covered portals, once the visitor has granted its permission
 * (the popup asks for it: only a page can, on the visitor's click).
 */
export async function addPortal(tabId: number): Promise<{ host: string }> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.url || !/^https?:/.test(tab.url)) throw new Error('Cet onglet n’affiche pas de site web.');
  const { host, origin } = new URL(tab.url);
  if (!(await browser.permissions.contains({ origins: [permissionFor(host)] }))) {
    throw new Error(`Témoin n’a pas reçu l’autorisation de lire ${host}.`);
  }
  if (!(await isOpendatasoftTab(tabId, await probeTab(tabId)))) throw new Error(`${host} n’est pas un portail Opendatasoft.`);
  const list = await portals.getValue();
  if (!list.some((portal) => portal.host === host)) {
    await written(portals.setValue([...list, { host, origin, addedAt: new Date().toISOString() }]), 'la liste des portails');
  }
  return { host };
}

/** Stops covering a portal: its permission is given back and what Témoin read of it is dropped. */
export async function removePortal(host: string): Promise<void> {
  const list = await portals.getValue();
  if (!list.some((portal) => portal.host === host)) throw new Error(`${host} n’est pas dans la liste.`);
  await written(portals.setValue(list.filter((portal) => portal.host !== host)), 'la liste des portails');
  await forgetCharter(host);
  // Another covered portal may share the registrable domain (and so the permission).
  const sharing = list.some((p) => p.host !== host && permissionFor(p.host) === permissionFor(host));
  if (!sharing) await browser.permissions.remove({ origins: [permissionFor(host)] });
}
