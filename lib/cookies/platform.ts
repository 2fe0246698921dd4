import type { StoredCookie } from './model';

/** Opendatasoft portals keep the visitor's consent choice in this cookie. */
export const CONSENT_COOKIE = 'cookies_preferences';

/**
 * The platform's own cookies on every Opendatasoft portal: login session, CSRF protection,
 * language, the consent choice. Opendatasoft documents them as functional cookies, always on,
 * that need no consent: clearing keeps them unless the charter calls them not necessary.
 */
export const PLATFORM_COOKIES: ReadonlySet<string> = new Set(['sessionid', 'csrftoken', 'django_language', CONSENT_COOKIE]);

export function isPlatformCookie(name: string): boolean {
  return PLATFORM_COOKIES.has(name);
}

/** The consent cookie a page itself would read: on its host, at the widest path. */
export function consentCookieOf(cookies: StoredCookie[], url: URL): StoredCookie | undefined {
  return cookies
    .filter((c) => c.name === CONSENT_COOKIE && url.pathname.startsWith(c.path))
    .sort((a, b) => a.path.length - b.path.length)[0];
}
