import { classifyCookie, type ClassifiedCookie } from './classify';
import { cookieKey, type CookieFacts } from './cookie';
import { compileCharter } from './charter/match';
import type { Charter } from './charter/model';
import { registrableDomain } from './site';

/** Everything the popup shows for one tab, as one serialisable snapshot. */
export interface Report {
  pageUrl: string;
  site: string;
  /** The site's registrable domain: `issy.com`. */
  siteDomain: string;
  charter: Pick<Charter, 'site' | 'url' | 'source' | 'fetchedAt'>;
  generatedAt: string;
  /** Declared cookies first, then the undeclared; by name within each group. */
  cookies: ClassifiedCookie[];
}

export function buildReport(charter: Charter, facts: CookieFacts[], pageUrl: URL, now: Date): Report {
  const compiled = compileCharter(charter);
  const nowSeconds = now.getTime() / 1000;
  const ids = new Set<string>();
  const cookies = facts.map((cookie) => {
    let id = cookieKey(cookie);
    for (let n = 2; ids.has(id); n++) id = `${cookieKey(cookie)}#${n}`;
    ids.add(id);
    return classifyCookie(compiled, cookie, pageUrl.hostname, nowSeconds, id);
  });
  cookies.sort(
    (a, b) =>
      Number(a.category === 'undeclared') - Number(b.category === 'undeclared') ||
      a.cookie.name.localeCompare(b.cookie.name, 'fr') ||
      a.id.localeCompare(b.id),
  );
  const { site, url, source, fetchedAt } = charter;
  return { pageUrl: pageUrl.href, site, siteDomain: registrableDomain(site), charter: { site, url, source, fetchedAt }, generatedAt: now.toISOString(), cookies };
}
