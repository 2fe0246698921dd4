/**
 * The browser's cookie stores as the visitor knows them: ordinary browsing, each Firefox
 * container by its name, private browsing. Clearing and undo work in one store at a time, and
 * a private store only from a private window: its cookies must die with the private session.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/contextualIdentities
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n/messages';

export interface CookieStore {
  id: string;
  /** « Navigation habituelle », « Conteneur « Travail » », « Navigation privée » */
  label: string;
  private: boolean;
}

const FIREFOX_PRIVATE = 'firefox-private';

/** The store of ordinary browsing: Chromium's '0', Firefox's 'firefox-default'. */
export function defaultStoreId(): string {
  return import.meta.env.FIREFOX ? 'firefox-default' : '0';
}

/** Chromium has two stores, '0' and '1' (incognito); Firefox's private one is 'firefox-private'. */
export function isPrivateStore(id: string): boolean {
  return id === FIREFOX_PRIVATE || id === '1';
}

/** Every id a private store may have. */
export function privateStoreIds(): string[] {
  return import.meta.env.FIREFOX ? [FIREFOX_PRIVATE] : ['1'];
}

interface Identity {
  cookieStoreId: string;
  name: string;
}

/** Firefox's containers; none where the browser has no containers or they are turned off. */
async function containers(): Promise<Identity[]> {
  const api = (browser as unknown as { contextualIdentities?: { query(details: object): Promise<Identity[]> } })
    .contextualIdentities;
  if (!api) return [];
  try {
    return await api.query({});
  } catch {
    return []; // "Contextual identities are currently disabled"
  }
}



/**
 * The stores an extension page works in. A private store only for a page in a private window
 * (and then only the private store); otherwise the default store and each container, by name.
 * A container is listed even with no tab open: its cookies stay.
 */
export async function storesFor(privateContext: boolean): Promise<CookieStore[]> {
  const open = await browser.cookies.getAllCookieStores();
  if (privateContext) {
    return open.filter((store) => isPrivateStore(store.id)).map((store) => ({ id: store.id, label: t('options.store.private'), private: true }));
  }
  const stores: CookieStore[] = [{ id: defaultStoreId(), label: t('options.store.default'), private: false }];
  for (const identity of await containers()) {
    stores.push({ id: identity.cookieStoreId, label: t('options.store.container', identity.name), private: false });
  }
  return stores;
}

/**
 * Whether undo may write into a store. The default store always; a private store while a
 * private window is open (its entries are forgotten when the last one closes, see
 * background.ts); a container while it exists.
 */
export async function storeExists(id: string): Promise<boolean> {
  if (id === defaultStoreId()) return true;
  if (isPrivateStore(id)) return (await browser.cookies.getAllCookieStores()).some((store) => store.id === id);
  return (await containers()).some((identity) => identity.cookieStoreId === id);
}

/** Why undo refuses a store, in words. */
export function goneStoreMessage(id: string): string {
  return isPrivateStore(id)
    ? t('error.store.privateClosed')
    : t('error.store.containerGone');
}
