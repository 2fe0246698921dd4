/**
 * The one module that talks to `browser.cookies`. Everything else works on `StoredCookie`s.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/cookies
 */
import { browser, type Browser } from 'wxt/browser';
import { bareDomain, type StoredCookie } from './cookie';

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

/** The URL the cookies API wants to address a cookie: its own host and path, over HTTPS if Secure. */
function urlOf(c: Pick<StoredCookie, 'domain' | 'path' | 'secure'>): string {
  return `${c.secure ? 'https' : 'http'}://${bareDomain(c.domain)}${c.path}`;
}

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

/** The cookie store a tab uses (a private window's, a container's). */
export async function storeIdOfTab(tabId: number): Promise<string | undefined> {
  const stores = await browser.cookies.getAllCookieStores();
  return stores.find((store) => store.tabIds.includes(tabId))?.id;
}

function address(c: StoredCookie) {
  return {
    url: urlOf(c),
    name: c.name,
    storeId: c.storeId,
    ...(c.partitionKey && { partitionKey: c.partitionKey }),
    ...(c.firstPartyDomain !== undefined && { firstPartyDomain: c.firstPartyDomain }),
  };
}

/** Resolves when the browser confirms the deletion; rejects with its reason otherwise. */
export async function removeCookie(c: StoredCookie): Promise<void> {
  const removed = await browser.cookies.remove(address(c) as Browser.cookies.CookieDetails);
  if (!removed) throw new Error('le navigateur a refusé la suppression');
}

/** Recreates a cookie with every attribute it had. */
export async function setCookie(c: StoredCookie): Promise<void> {
  const details = {
    ...address(c),
    value: c.value,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite,
    // A host-only cookie is set without a domain; giving one would widen it to subdomains.
    ...(!c.hostOnly && { domain: c.domain }),
    ...(!c.session && c.expirationDate !== undefined && { expirationDate: c.expirationDate }),
  };
  const set = await browser.cookies.set(details as Browser.cookies.SetDetails);
  if (!set) throw new Error('le navigateur a refusé de recréer le cookie');
}

/** Calls `listener` with each cookie that is set (as it is now) or removed (as it was). */
export function onCookiesChanged(listener: (cookie: StoredCookie, removed: boolean) => void): () => void {
  const handler = ({ cookie, removed }: Browser.cookies.CookieChangeInfo) => listener(toStored(cookie), removed);
  browser.cookies.onChanged.addListener(handler);
  return () => browser.cookies.onChanged.removeListener(handler);
}
