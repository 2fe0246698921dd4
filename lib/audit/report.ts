import { classifyJar, classifyKey, listOrder, undeclaredCount, type ClassifiedCookie, type StorageItem } from './classify';
import { compileCharter } from '../charter/match';
import type { Charter } from '../charter/model';
import { decodeConsentRecord, type ConsentRecord } from './consent-record';
import type { CookieFacts, StoredCookie } from '../cookies/model';
import { cookieFindings, madeInFuture, siteFindings } from './findings';
import type { Finding } from './rules';
import { registrableDomain } from '../cookies/site';
import { timelineOf, type Timeline } from '../cookies/timeline';
import { choiceTimes, consentEntryOf, timelineFindings } from './timeline-findings';

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
  consent?: {
    record: ConsentRecord;
    expiresAt?: string;
    /** The record's date is still to come: impossible, so not to be believed. */
    dateInFuture?: boolean;
  };
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
  consentCookie?: Pick<StoredCookie, 'value' | 'session' | 'expirationDate'> & Partial<StoredCookie>;
  /** The keys the page listed, and how many it holds in all when it listed only some. */
  storageKeys?: { local: string[]; session: string[]; localCount?: number; sessionCount?: number };
  /** When each cookie appeared, as the background saw it (lib/timeline/). */
  timeline?: Timeline;
}

/** Keys a report lists per storage area; the rest are counted (a page can hold tens of thousands). */
export const MAX_STORAGE_KEYS = 500;

export function buildReport({ charter, facts, pageUrl, now, consentCookie, storageKeys, timeline }: ReportInput): Report {
  const compiled = compileCharter(charter);
  const nowSeconds = now.getTime() / 1000;
  const record = consentCookie && decodeConsentRecord(consentCookie.value);
  const consent = consentCookie &&
    record && {
      record,
      ...(!consentCookie.session &&
        consentCookie.expirationDate !== undefined && { expiresAt: new Date(consentCookie.expirationDate * 1000).toISOString() }),
      ...(record.state === 'readable' && record.madeAt && madeInFuture(record.madeAt, nowSeconds) && { dateInFuture: true }),
    };
  const choice =
    timeline && choiceTimes(consent?.record, consentEntryOf(timeline, consentCookie, pageUrl.hostname, facts[0]?.storeId), now.getTime());
  const cookies = classifyJar(compiled, facts, pageUrl.hostname, nowSeconds).map((classified) => {
    classified.findings = cookieFindings(classified, { nowSeconds, host: pageUrl.hostname, ...(consent && { consent: consent.record }) });
    if (timeline && choice && classified.cookie.seenByApi) {
      classified.timeline = timelineOf(timeline, classified.cookie);
      classified.findings.push(...timelineFindings(classified, classified.timeline, choice));
    }
    return classified;
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
