import { classifyCookie, classifyKey, type ClassifiedCookie, type StorageItem } from './classify';
import { compileCharter } from './charter/match';
import type { Charter } from './charter/model';
import { decodeConsentRecord, type ConsentRecord } from './consent-record';
import { cookieKey, type CookieFacts, type StoredCookie } from './cookie';
import { cookieFindings, siteFindings } from './findings';
import type { Finding } from './rules';
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
  /** The visitor's choice as the consent cookie records it, when there is one. */
  consent?: { record: ConsentRecord; expiresAt?: string };
  /** Names of the page's localStorage and sessionStorage keys. */
  storage: StorageItem[];
  /** What concerns the site as a whole. */
  findings: Finding[];
}

export interface ReportInput {
  charter: Charter;
  facts: CookieFacts[];
  pageUrl: URL;
  now: Date;
  /** The consent cookie, value included, when the site has one. */
  consentCookie?: Pick<StoredCookie, 'value' | 'session' | 'expirationDate'>;
  storageKeys?: { local: string[]; session: string[] };
}

export function buildReport({ charter, facts, pageUrl, now, consentCookie, storageKeys }: ReportInput): Report {
  const compiled = compileCharter(charter);
  const nowSeconds = now.getTime() / 1000;
  const consent = consentCookie && {
    record: decodeConsentRecord(consentCookie.value),
    ...(!consentCookie.session &&
      consentCookie.expirationDate !== undefined && { expiresAt: new Date(consentCookie.expirationDate * 1000).toISOString() }),
  };
  const ids = new Set<string>();
  const cookies = facts.map((cookie) => {
    let id = cookieKey(cookie);
    for (let n = 2; ids.has(id); n++) id = `${cookieKey(cookie)}#${n}`;
    ids.add(id);
    const classified = classifyCookie(compiled, cookie, pageUrl.hostname, nowSeconds, id);
    classified.findings = cookieFindings(classified, { nowSeconds, host: pageUrl.hostname, ...(consent && { consent: consent.record }) });
    return classified;
  });
  cookies.sort(
    (a, b) =>
      Number(a.category === 'undeclared') - Number(b.category === 'undeclared') ||
      a.cookie.name.localeCompare(b.cookie.name, 'fr') ||
      a.id.localeCompare(b.id),
  );
  const storage = [
    ...(storageKeys?.local ?? []).map((key) => classifyKey('local', key)),
    ...(storageKeys?.session ?? []).map((key) => classifyKey('session', key)),
  ];
  const { site, url, source, fetchedAt } = charter;
  return {
    pageUrl: pageUrl.href,
    site,
    siteDomain: registrableDomain(site),
    charter: { site, url, source, fetchedAt },
    generatedAt: now.toISOString(),
    cookies,
    ...(consent && { consent }),
    storage,
    findings: siteFindings(charter, cookies),
  };
}
