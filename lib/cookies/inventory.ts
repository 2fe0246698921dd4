import { withoutValue, type CookieFacts, type StoredCookie } from './model';
import { domainMatches, visibleToPage } from './scope';
import { topLevelSite } from './site';

/**
 * The cookies that belong to a page's site: those its host would receive (any path, any
 * partition), and those other sites set inside its partition.
 */
export function cookiesOfSite(all: StoredCookie[], pageUrl: URL): StoredCookie[] {
  const site = topLevelSite(pageUrl);
  return all.filter((c) => domainMatches(pageUrl.hostname, c) || c.partitionKey?.topLevelSite === site);
}

/**
 * The browser's cookies for a page merged with the names its script reads. Each API cookie is
 * one entry, even when several share a name (other path, domain or partition). A name the page
 * reads more often than the API explains becomes an entry of its own, so nothing the page sees
 * is missing; its attributes are unknown, and it is marked `seenByApi: false`.
 */
export function mergeInventory(api: StoredCookie[], pageNames: string[], pageUrl: URL): CookieFacts[] {
  const site = topLevelSite(pageUrl);
  const unexplained = new Map<string, number>();
  for (const name of pageNames) unexplained.set(name, (unexplained.get(name) ?? 0) + 1);

  const facts: CookieFacts[] = api.map((cookie) => {
    const left = unexplained.get(cookie.name) ?? 0;
    const seenByPage = left > 0 && visibleToPage(cookie, pageUrl, site);
    if (seenByPage) unexplained.set(cookie.name, left - 1);
    return { ...withoutValue(cookie), seenByPage, seenByApi: true };
  });

  for (const [name, left] of unexplained) {
    for (let i = 0; i < left; i++) {
      facts.push({
        name,
        domain: pageUrl.hostname,
        path: '/',
        hostOnly: true,
        secure: false,
        httpOnly: false,
        sameSite: 'unspecified',
        session: false,
        storeId: '',
        seenByPage: true,
        seenByApi: false,
      });
    }
  }
  return facts;
}
