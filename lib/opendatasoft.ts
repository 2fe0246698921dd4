import type { StoredCookie } from './cookie';

/**
 * Is this page an Opendatasoft portal? Its markup says so (page-probe.ts), or its catalogue API
 * answers JSON. Injected into the page, so `opendatasoftApiAnswers` stays self-contained.
 */
export async function opendatasoftApiAnswers(): Promise<boolean> {
  try {
    // Absolute: in Firefox a content script's relative fetch resolves against the extension.
    const api = new URL('/api/explore/v2.1/catalog/datasets?limit=1', location.href);
    const response = await fetch(api, { credentials: 'omit' });
    if (!response.ok || !/json/i.test(response.headers.get('content-type') ?? '')) return false;
    const body = (await response.json()) as Record<string, unknown>;
    return typeof body === 'object' && body !== null && ('total_count' in body || 'results' in body);
  } catch {
    return false;
  }
}

/** Opendatasoft portals keep the visitor's consent choice in this cookie. */
export const CONSENT_COOKIE = 'cookies_preferences';

/** The consent cookie a page itself would read: on its host, at the widest path. */
export function consentCookieOf(cookies: StoredCookie[], url: URL): StoredCookie | undefined {
  return cookies
    .filter((c) => c.name === CONSENT_COOKIE && url.pathname.startsWith(c.path))
    .sort((a, b) => a.path.length - b.path.length)[0];
}
