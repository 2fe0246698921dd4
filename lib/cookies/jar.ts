/**
 * The one module that talks to `browser.cookies`. Everything else works on `StoredCookie`s.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/cookies
 */
import { browser, type Browser } from 'wxt/browser';
import { bareDomain, type StoredCookie } from './model';
import { expectOwnChange } from './own-changes';
import { t } from '../i18n/messages';

type ApiCookie = Browser.cookies.Cookie & { firstPartyDomain?: string };

function toStored(c: ApiCookie): StoredCookie {
  const stored: StoredCookie = {
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    hostOnly: c.hostOnly,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    session: c.session,
    storeId: c.storeId,
  };
  if (!c.session && c.expirationDate !== undefined) stored.expirationDate = c.expirationDate;
  if (c.partitionKey?.topLevelSite) stored.partitionKey = { ...c.partitionKey };
  if (c.firstPartyDomain !== undefined) stored.firstPartyDomain = c.firstPartyDomain;
  return stored;
}

/** The scheme of the site a cookie was seen on: a cookie set over HTTPS is addressed over HTTPS. */
export type Scheme = 'https' | 'http';

/**
 * A cookie path as a URL path: what the URL parser would rewrite (a space, `?`, `#`, a
 * non-ASCII letter…) percent-encoded; everything else, `%` included, as it is.
 */
export function urlPath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu, (char) => encodeURIComponent(char));
}

/** Can the browser address this path in a URL without rewriting it? */
export function plainPath(path: string): boolean {
  return urlPath(path) === path;
}

/**
 * The URL the cookies API wants to address a cookie: its own host and path, over HTTPS when it
 * is Secure or when the site is HTTPS (Chromium's scheme-bound cookies are only found again
 * through the scheme that set them).
 */
export function urlOf(c: Pick<StoredCookie, 'domain' | 'path' | 'secure'>, scheme: Scheme = 'https'): string {
  return `${c.secure || scheme === 'https' ? 'https' : 'http'}://${bareDomain(c.domain)}${urlPath(c.path)}`;
}

/**
 * Why Chromium cannot remove a cookie: its API finds a cookie only through a URL, and a URL
 * path never holds a space, `?`, `#` or a non-ASCII letter as they are (they are encoded), so
 * no URL reaches such a path; nor can it overwrite the cookie, since it encodes the path it is
 * given. Firefox can (it takes the path as it is).
 */
export const unreachablePath = () => t('error.cookie.unreachablePath');

/**
 * Can this browser remove and recreate a cookie at exactly this path? Firefox can, whatever the
 * path; Chromium only when the path needs no encoding in a URL (see unreachablePath).
 */
export function addressable(path: string): boolean {
  return Boolean(import.meta.env.FIREFOX) || plainPath(path);
}

/** Why Chromium cannot put such a cookie back: it would land at the encoded path, beside the original. */
export const unwritablePath = () => t('error.cookie.unwritablePath');

/** Firefox-only filters: without `firstPartyDomain: null`, getAll throws under first-party isolation. */
const firefoxFilters = import.meta.env.FIREFOX ? { firstPartyDomain: null } : {};

/** Every cookie of a registrable domain and its subdomains, in every partition of one store. */
export async function cookiesOfDomain(domain: string, storeId?: string): Promise<StoredCookie[]> {
  const cookies = await browser.cookies.getAll({
    domain,
    // Without a partition key, partitioned (CHIPS) cookies are left out.
    partitionKey: {},
    ...(storeId !== undefined && { storeId }),
    ...firefoxFilters,
  } as Browser.cookies.GetAllDetails);
  return (cookies as ApiCookie[]).map(toStored);
}

export async function cookieStoreIds(): Promise<string[]> {
  return (await browser.cookies.getAllCookieStores()).map((store) => store.id);
}

/** One cookie's copies under every domain, path and partition of a registrable domain, in one store. */
export async function cookiesNamed(name: string, domain: string, storeId: string): Promise<StoredCookie[]> {
  const cookies = await browser.cookies.getAll({
    name,
    domain,
    partitionKey: {},
    storeId,
    ...firefoxFilters,
  } as Browser.cookies.GetAllDetails);
  return (cookies as ApiCookie[]).map(toStored);
}

/** The cookie store a tab uses (a private window's, a container's). */
export async function storeIdOfTab(tabId: number): Promise<string | undefined> {
  const stores = await browser.cookies.getAllCookieStores();
  return stores.find((store) => store.tabIds.includes(tabId))?.id;
}

function address(c: StoredCookie, scheme: Scheme) {
  return {
    url: urlOf(c, scheme),
    name: c.name,
    storeId: c.storeId,
    ...(c.partitionKey && { partitionKey: c.partitionKey }),
    ...(c.firstPartyDomain !== undefined && { firstPartyDomain: c.firstPartyDomain }),
  };
}

/** Resolves when the browser confirms the deletion; rejects with its reason otherwise. */
export async function removeCookie(c: StoredCookie, scheme: Scheme = 'https'): Promise<void> {
  expectOwnChange(c);
  if (!plainPath(c.path)) {
    if (!import.meta.env.FIREFOX) throw new Error(unreachablePath());
    // Firefox finds no URL for such a path either, but overwrites the cookie exactly (same
    // name, host and path) with an expired copy, which removes it.
    await setCookie({ ...c, value: '', session: false, expirationDate: 1 }, scheme);
    return;
  }
  const removed = await browser.cookies.remove(address(c, scheme) as Browser.cookies.CookieDetails);
  if (!removed) throw new Error(t('error.cookie.removeRefused'));
}

/**
 * Recreates a cookie with every attribute the browser exposes: value, domain, path, Secure,
 * HttpOnly, SameSite, expiry, partition (with its cross-site ancestor bit), store and
 * first-party domain. Chromium keeps a priority too, but its cookies API neither reports nor
 * takes it: a restored cookie has the default priority.
 */
export async function setCookie(c: StoredCookie, scheme: Scheme = 'https'): Promise<void> {
  if (!addressable(c.path)) throw new Error(unwritablePath());
  const expired = !c.session && c.expirationDate !== undefined && c.expirationDate <= 1;
  const details = {
    ...address(c, scheme),
    value: c.value,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    // A host-only cookie is set without a domain; giving one would widen it to subdomains.
    ...(!c.hostOnly && { domain: c.domain }),
    ...(!c.session && c.expirationDate !== undefined && { expirationDate: c.expirationDate }),
  };
  expectOwnChange(c);
  const set = await browser.cookies.set(details as Browser.cookies.SetDetails);
  // An expired copy removes the cookie; the browser answers null for it. Firefox also answers
  // null for a cookie it did set at a path its URL does not reach (`/a b`): the jar says which.
  if (!set && !expired && !(await isInJar(c))) throw new Error(t('error.cookie.setRefused'));
}

/** Is this exact cookie (same place, same value) in its store now? */
async function isInJar(c: StoredCookie): Promise<boolean> {
  const found = await cookiesNamed(c.name, bareDomain(c.domain), c.storeId);
  return found.some(
    (f) =>
      f.domain === c.domain &&
      f.path === c.path &&
      f.value === c.value &&
      (f.partitionKey?.topLevelSite ?? '') === (c.partitionKey?.topLevelSite ?? '') &&
      (f.firstPartyDomain ?? '') === (c.firstPartyDomain ?? ''),
  );
}

/**
 * Calls `listener` with each cookie that is set (as it is now) or removed (as it was), and the
 * browser's reason (`explicit`, `overwrite`, `expired`…).
 */
export function onCookiesChanged(listener: (cookie: StoredCookie, removed: boolean, cause: string) => void): () => void {
  const handler = ({ cookie, removed, cause }: Browser.cookies.CookieChangeInfo) => listener(toStored(cookie), removed, cause);
  browser.cookies.onChanged.addListener(handler);
  return () => browser.cookies.onChanged.removeListener(handler);
}
