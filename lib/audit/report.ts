import { classifyKey, listOrder, undeclaredCount, type ClassifiedCookie, type StorageItem } from './classify';
import type { Charter } from '../charter/model';
import type { CookieFacts } from '../cookies/model';
import { siteFindings } from './findings';
import type { Finding } from './rules';
import { registrableDomain } from '../cookies/site';
import type { Timeline } from '../cookies/timeline';
import { assess, type AssessInput, type RecordedConsent } from './assess';

/** Everything the popup shows for one tab, as one serialisable snapshot. */
export interface Report {
  pageUrl: string;
  site: string;
  /** The site's registrable domain: `issy.com`. */
  siteDomain: string;
  charter: Pick<Charter, 'site' | 'url' | 'source' | 'fetchedAt' | 'lang'>;
  generatedAt: string;
  /** Declared cookies first, then the undeclared; by name within each group. */
  cookies: ClassifiedCookie[];
  /** The toolbar badge's count (`reported`), and the undeclared names only the page reported. */
  undeclared: { reported: number; pageOnly: number };
  /** The visitor's choice as the consent cookie records it, when there is one. */
  consent?: RecordedConsent;
  /** Names of the page's localStorage and sessionStorage keys, `MAX_STORAGE_KEYS` at most of each. */
  storage: StorageItem[];
  /** How many keys the page holds in all, listed or not. */
  storageTotal: number;
  /** What concerns the site as a whole. */
  findings: Finding[];
  /** When the visitor's present choice was recorded (ms), as the timeline dates it. */
  choiceAt?: number;
}

export interface ReportInput {
  charter: Charter;
  facts: CookieFacts[];
  pageUrl: URL;
  now: Date;
  /** The consent cookie, value included, when the site has one. */
  consentCookie?: AssessInput['consentCookie'];
  /** The keys the page listed, and how many it holds in all when it listed only some. */
  storageKeys?: { local: string[]; session: string[]; localCount?: number; sessionCount?: number };
  /** When each cookie appeared, as the background saw it (lib/timeline/). */
  timeline?: Timeline;
}

/** Keys a report lists per storage area; the rest are counted (a page can hold tens of thousands). */
export const MAX_STORAGE_KEYS = 500;

export function buildReport({ charter, facts, pageUrl, now, consentCookie, storageKeys, timeline }: ReportInput): Report {
  const { cookies, consent, choice } = assess({
    charter,
    facts,
    host: pageUrl.hostname,
    now,
    ...(consentCookie && { consentCookie }),
    ...(timeline && { timeline }),
  });
  cookies.sort(listOrder);
  const local = storageKeys?.local ?? [];
  const session = storageKeys?.session ?? [];
  const storage = [
    ...local.slice(0, MAX_STORAGE_KEYS).map((key) => classifyKey('local', key)),
    ...session.slice(0, MAX_STORAGE_KEYS).map((key) => classifyKey('session', key)),
  ];
  const storageTotal =
    Math.max(storageKeys?.localCount ?? 0, local.length) + Math.max(storageKeys?.sessionCount ?? 0, session.length);
  const { site, url, source, fetchedAt, lang } = charter;
  return {
    pageUrl: pageUrl.href,
    site,
    siteDomain: registrableDomain(site),
    charter: { site, url, source, fetchedAt, ...(lang && { lang }) },
    generatedAt: now.toISOString(),
    cookies,
    undeclared: undeclaredCount(cookies),
    ...(consent && { consent }),
    storage,
    storageTotal,
    findings: siteFindings(charter, cookies),
    ...(choice?.madeAt !== undefined && { choiceAt: choice.madeAt }),
  };
}
