import type { StoredCookie } from '../cookies/model';

/**
 * Is this page an Opendatasoft portal? Its markup says so (probe.ts), or its catalogue API
 * answers JSON: asked from the page (lib/page/requests.ts), on its own origin.
 */
export async function opendatasoftApiAnswers(): Promise<boolean> {
  try {
    // Absolute: in Firefox a content script's relative fetch resolves against the extension.
    const api = new URL('/api/explore/v2.1/catalog/datasets?limit=1', location.href);
    // A portal's API answers at once; one that hangs is not taken for one.
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5000);
    const response = await fetch(api, { credentials: 'omit', signal: controller.signal });
    if (!response.ok || !/json/i.test(response.headers.get('content-type') ?? '')) return false;
    const body = (await response.json()) as Record<string, unknown>;
    return typeof body === 'object' && body !== null && ('total_count' in body || 'results' in body);
  } catch {
    return false;
  }
}

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
