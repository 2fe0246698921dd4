import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { written } from '../i18n/errors';
import { issyCharter } from '../charter/issy';
import type { Charter } from '../charter/model';
import { forgetCharter } from '../charter/records';
import { registrableDomain } from '../cookies/site';
import { permissionFor } from './permission';
import { t } from '../i18n/messages';

/**
 * Which sites Témoin covers: the ones it ships a charter for, and each portal the visitor asked
 * it to analyse for as long as the browser grants that portal's permission. The permission
 * decides; the stored list only says which hosts of a permitted domain the visitor asked for,
 * and when. A permission withdrawn in the browser's add-on manager takes its portals out of the
 * list (`pruneWithdrawn`, on `permissions.onRemoved` and at startup, since the browser may
 * withdraw it while Témoin is off), and every question below asks the browser in the meantime.
 */

/** A portal the visitor asked Témoin to analyse. */
export interface Portal {
  host: string;
  addedAt: string;
}

/** The built-in sites, then the visitor's portals whose permission is granted. */
export interface CoveredPortals {
  builtIn: string[];
  added: Portal[];
}

/** What Témoin knows of a covered site before reading its charter. */
export interface Coverage {
  site: string;
  /** A copy shipped with Témoin, for sites it was built for. */
  bundled?: Charter;
}

/** The sites Témoin ships a charter for, covered by the manifest's own host permission. */
export const builtInCharters: readonly Charter[] = [issyCharter];

/** The portals asked for, in the order added; read through `coveredPortals`, which checks each permission. */
const asked = storage.defineItem<Portal[]>('local:portals', { fallback: [], version: 1 });

/** The asked-for portals, split by whether the browser still grants their permission. */
async function byPermission(): Promise<{ granted: Portal[]; withdrawn: Portal[] }> {
  const list = await asked.getValue();
  // Portals of one registrable domain share one permission: each is asked about once.
  const grantedPermissions = new Set<string>();
  for (const permission of new Set(list.map((portal) => permissionFor(portal.host)))) {
    if (await browser.permissions.contains({ origins: [permission] })) grantedPermissions.add(permission);
  }
  const granted = list.filter((portal) => grantedPermissions.has(permissionFor(portal.host)));
  return { granted, withdrawn: list.filter((portal) => !granted.includes(portal)) };
}

/** The site's coverage, or `undefined` when Témoin does not cover it (or no longer may read it). */
export async function coverageOf(host: string): Promise<Coverage | undefined> {
  host = host.toLowerCase();
  const bundled = builtInCharters.find((charter) => charter.site === host);
  if (bundled) return { site: host, bundled };
  const listed = (await asked.getValue()).some((portal) => portal.host === host);
  return listed && (await browser.permissions.contains({ origins: [permissionFor(host)] })) ? { site: host } : undefined;
}

/** Every covered site: the built-in ones, then the visitor's portals that keep their permission. */
export async function coveredPortals(): Promise<CoveredPortals> {
  return { builtIn: builtInCharters.map((charter) => charter.site), added: (await byPermission()).granted };
}

/** The registrable domains of the covered sites, each once. */
export async function coveredDomains(): Promise<string[]> {
  const { builtIn, added } = await coveredPortals();
  return [...new Set([...builtIn, ...added.map((portal) => portal.host)].map(registrableDomain))];
}

/**
 * Takes out of the list the portals whose permission the browser no longer grants, and forgets
 * what Témoin read of them, as removing them from the options page does. Returns their hosts.
 */
export async function pruneWithdrawn(): Promise<string[]> {
  const { withdrawn } = await byPermission();
  if (!withdrawn.length) return [];
  const gone = new Set(withdrawn.map((portal) => portal.host));
  // Read again just before writing: a portal added meanwhile stays.
  const list = await asked.getValue();
  await written(asked.setValue(list.filter((portal) => !gone.has(portal.host))), t('error.what.portals'));
  for (const host of gone) await forgetCharter(host);
  return [...gone];
}

/** Lists a portal whose permission the visitor granted (`manage-portals.ts` checks it first). */
export async function listPortal(host: string): Promise<void> {
  const list = await asked.getValue();
  if (list.some((portal) => portal.host === host)) return;
  await written(asked.setValue([...list, { host, addedAt: new Date().toISOString() }]), t('error.what.portals'));
}

/**
 * Takes a portal out of the list and forgets what Témoin read of it. Returns whether another
 * listed portal shares its registrable domain, and so still needs the permission.
 */
export async function unlistPortal(host: string): Promise<{ permissionShared: boolean }> {
  const list = await asked.getValue();
  if (!list.some((portal) => portal.host === host)) throw new Error(t('error.portal.notListed', host));
  await written(asked.setValue(list.filter((portal) => portal.host !== host)), t('error.what.portals'));
  await forgetCharter(host);
  return { permissionShared: list.some((p) => p.host !== host && permissionFor(p.host) === permissionFor(host)) };
}

/** Called whenever the list of portals changes (added, removed, or pruned). */
export function watchCoverage(callback: () => void): () => void {
  return asked.watch(() => callback());
}
