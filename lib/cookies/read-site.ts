import type { StoredCookie } from './model';
import { cookiesOfDomain, cookieStoreIds } from './jar';
import { cookiesOfSite } from './inventory';
import { registrableDomain } from './site';

/**
 * The browser's cookies for a page's site, in the given stores (all stores when none is given).
 * Reading the registrable domain brings the parent-domain cookies (`Domain=issy.com`) along.
 * `read` is the browser's cookies API, or the background's copy of it.
 */
export async function readSiteCookies(
  pageUrl: URL,
  storeId?: string,
  read: (domain: string, storeId: string) => Promise<StoredCookie[]> = cookiesOfDomain,
): Promise<StoredCookie[]> {
  const stores = storeId !== undefined ? [storeId] : await cookieStoreIds();
  const domain = registrableDomain(pageUrl.hostname);
  const perStore = await Promise.all(stores.map((id) => read(domain, id)));
  return cookiesOfSite(perStore.flat(), pageUrl);
}

/**
 * Every cookie of a page's registrable domain and its subdomains in one store, the site's or
 * not: what a removal on the site may touch (a host-only `_ga` on issy.com, which data.issy.com
 * never receives, shares the removal URL of `_ga` with `Domain=issy.com`).
 */
export function readDomainCookies(pageUrl: URL, storeId: string): Promise<StoredCookie[]> {
  return cookiesOfDomain(registrableDomain(pageUrl.hostname), storeId);
}
