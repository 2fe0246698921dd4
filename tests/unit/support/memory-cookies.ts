/**
 * An in-memory cookie jar behind a fake `browser.cookies`, with Chrome's semantics where they
 * matter: `partitionKey: {}` reads every partition, leaving it out reads none of them, and
 * `remove` deletes every cookie of that name the URL would receive (Chromium; the widest
 * reading, so tests see what a browser may remove along with the target), or with
 * `firstOnly`, the first of them in the jar's order (Firefox). An expired `set` removes.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { domainMatches, pathMatches } from '@/lib/cookies/scope';

type Details = Record<string, any>;

export class MemoryCookies {
  jar: StoredCookie[] = [];
  /** Names whose removal the "browser" refuses, to test failures. */
  refuseRemoval = new Set<string>();
  listeners = new Set<() => void>();
  /** Firefox's `remove`: only the first cookie the URL matches. */
  firstOnly = false;
  /** Every URL `remove` and `set` were called with, in order. */
  urls: string[] = [];

  constructor(cookies: StoredCookie[] = []) {
    this.jar = cookies.map((c) => structuredClone(c));
    for (const c of cookies) this.stores.add(c.storeId);
  }

  private changed() {
    for (const listener of this.listeners) listener();
  }

  getAll = async (d: Details) =>
    this.jar
      .filter((c) => (d.storeId ?? '0') === c.storeId)
      .filter((c) => d.name === undefined || c.name === d.name)
      .filter((c) => {
        if (d.domain === undefined) return true;
        const domain = c.domain.replace(/^\./, '');
        return domain === d.domain || domain.endsWith(`.${d.domain}`);
      })
      .filter((c) =>
        d.partitionKey === undefined
          ? !c.partitionKey
          : d.partitionKey.topLevelSite === undefined || c.partitionKey?.topLevelSite === d.partitionKey.topLevelSite,
      )
      .map((c) => structuredClone(c));

  remove = async (d: Details) => {
    this.urls.push(d.url);
    if (this.refuseRemoval.has(d.name)) return null;
    const url = new URL(d.url);
    const before = this.jar.length;
    const matches = (c: StoredCookie) =>
      c.name === d.name &&
      c.storeId === (d.storeId ?? '0') &&
      (c.partitionKey?.topLevelSite ?? '') === (d.partitionKey?.topLevelSite ?? '') &&
      (url.protocol === 'https:' || !c.secure) &&
      domainMatches(url.hostname, c) &&
      pathMatches(url.pathname, c.path);
    const first = this.jar.find(matches);
    this.jar = this.jar.filter((c) => (this.firstOnly ? c !== first : !matches(c)));
    if (this.jar.length === before) return null;
    this.changed();
    return { name: d.name, url: d.url, storeId: d.storeId ?? '0' };
  };

  set = async (d: Details) => {
    this.urls.push(d.url);
    const url = new URL(d.url);
    const cookie: StoredCookie = {
      name: d.name ?? '',
      value: d.value ?? '',
      domain: d.domain ? (d.domain.startsWith('.') ? d.domain : `.${d.domain}`) : url.hostname,
      path: d.path ?? '/',
      hostOnly: !d.domain,
      secure: d.secure ?? false,
      httpOnly: d.httpOnly ?? false,
      sameSite: d.sameSite ?? 'unspecified',
      session: d.expirationDate === undefined,
      storeId: d.storeId ?? '0',
    };
    if (d.expirationDate !== undefined) cookie.expirationDate = d.expirationDate;
    if (d.partitionKey) cookie.partitionKey = d.partitionKey;
    const expired = d.expirationDate !== undefined && d.expirationDate < Date.now() / 1000;
    this.jar = [...this.jar.filter((c) => cookieKey(c) !== cookieKey(cookie)), ...(expired ? [] : [cookie])];
    if (expired) {
      this.changed();
      return null;
    }
    this.changed();
    return structuredClone(cookie);
  };

  /** Stores that exist with or without cookies (a container, an open private window). */
  stores = new Set(['0']);

  getAllCookieStores = async () => {
    const ids = [...new Set([...this.stores, ...this.jar.map((c) => c.storeId)])];
    return ids.map((id) => ({ id, tabIds: id === '0' ? [1] : [] }));
  };

  onChanged = {
    addListener: (listener: () => void) => this.listeners.add(listener),
    removeListener: (listener: () => void) => this.listeners.delete(listener),
    hasListener: (listener: () => void) => this.listeners.has(listener),
  };

  /** Puts this jar behind `browser.cookies` for the current test. */
  install(): this {
    vi.spyOn(fakeBrowser, 'cookies', 'get').mockReturnValue(this as any);
    return this;
  }
}

/** A cookie as Chrome reports it, with overrides. */
export function cookie(overrides: Partial<StoredCookie> & { name: string }): StoredCookie {
  return {
    value: `${overrides.name}-value`,
    domain: 'data.issy.com',
    path: '/',
    hostOnly: true,
    secure: false,
    httpOnly: false,
    sameSite: 'lax',
    session: false,
    expirationDate: 1_900_000_000,
    storeId: '0',
    ...overrides,
  };
}

/** The cookies the replica of data.issy.com sets: the charter's four and three undeclared. */
export function portalJar(): StoredCookie[] {
  return [
    cookie({ name: 'sessionid', httpOnly: true }),
    cookie({ name: 'csrftoken' }),
    cookie({ name: 'django_language', value: 'fr' }),
    cookie({ name: 'cookies_preferences', value: '%7B%22ga%22%3Atrue%7D', sameSite: 'unspecified' }),
    cookie({ name: '_ga', domain: '.issy.com', hostOnly: false }),
    cookie({ name: '_hjSessionUser_3141', sameSite: 'unspecified' }),
    cookie({
      name: 'ods_embed',
      secure: true,
      sameSite: 'no_restriction',
      partitionKey: { topLevelSite: 'https://issy.com', hasCrossSiteAncestor: false },
    }),
  ];
}
