import { bareDomain, type StoredCookie } from './model';

/** RFC 6265 §5.1.3: the host is the cookie's domain or a subdomain of it. */
export function domainMatches(host: string, cookie: Pick<StoredCookie, 'domain' | 'hostOnly'>): boolean {
  const domain = bareDomain(cookie.domain).toLowerCase();
  host = host.toLowerCase();
  if (cookie.hostOnly) return host === domain;
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Does a cookie change concern a site's registrable domain? Its own cookies, its subdomains',
 * and any cookie kept in its partition.
 */
export function concernsSite(
  cookie: Pick<StoredCookie, 'domain' | 'partitionKey'>,
  siteDomain: string,
): boolean {
  const domain = bareDomain(cookie.domain);
  const partition = cookie.partitionKey?.topLevelSite;
  return domain === siteDomain || domain.endsWith(`.${siteDomain}`) || partition?.endsWith(`//${siteDomain}`) === true;
}

/** RFC 6265 §5.1.4. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/**
 * Would a page at `url` see this cookie in `document.cookie`? Partition keys are compared by
 * the page's top-level site, which the caller gives since it depends on the registrable domain.
 */
export function visibleToPage(
  cookie: Omit<StoredCookie, 'value'>,
  url: URL,
  topLevelSite: string,
): boolean {
  if (cookie.httpOnly) return false;
  if (cookie.secure && url.protocol !== 'https:') return false;
  if (cookie.partitionKey?.topLevelSite && cookie.partitionKey.topLevelSite !== topLevelSite) return false;
  return domainMatches(url.hostname, cookie) && pathMatches(url.pathname, cookie.path);
}
