import { compileCharter } from '../charter/match';
import type { Charter } from '../charter/model';
import type { CookieFacts, StoredCookie } from '../cookies/model';
import { mergeInventory } from '../cookies/inventory';
import { consentCookieOf } from '../cookies/platform';
import { timelineOf, type Timeline } from '../cookies/timeline';
import { classifyJar, type ClassifiedCookie } from './classify';
import { decodeConsentRecord, type ConsentRecord } from './consent-record';
import { cookieFindings, madeInFuture } from './findings';
import { choiceTimes, consentEntryOf, timelineFindings } from './timeline-findings';

/** The visitor's choice as the consent cookie records it. */
export interface RecordedConsent {
  record: ConsentRecord;
  expiresAt?: string;
  /** The record's date is still to come: impossible, so not to be believed. */
  dateInFuture?: boolean;
}

export interface AssessInput {
  charter: Charter;
  /** The site's cookies, the browser's and those only the page reported (`jarOf`). */
  facts: readonly CookieFacts[];
  host: string;
  now: Date;
  /** The consent cookie, value included, when the site has one. */
  consentCookie?: Pick<StoredCookie, 'value' | 'session' | 'expirationDate'> & Partial<StoredCookie>;
  /** When each cookie appeared, as the background saw it: the report's, not clearing's nor the badge's. */
  timeline?: Timeline;
}

export interface Assessment {
  /** Every cookie classified against the charter, with its findings, in the jar's order. */
  cookies: ClassifiedCookie[];
  consent?: RecordedConsent;
  choice?: ReturnType<typeof choiceTimes>;
}

/** A site's jar as Témoin assesses it: the browser's cookies with the names only the page reported, and the consent cookie a page would read. */
export function jarOf(cookies: StoredCookie[], url: URL, pageNames: readonly string[] = []): { facts: CookieFacts[]; consentCookie?: StoredCookie } {
  const consentCookie = consentCookieOf(cookies, url);
  return { facts: mergeInventory(cookies, [...pageNames], url), ...(consentCookie && { consentCookie }) };
}

/**
 * What Témoin says of a site's jar: each cookie classified against the charter, with its
 * findings against the visitor's recorded choice (and, given the timeline, when it appeared).
 * The popup's report, the clear plan and the toolbar badge all start here, so they agree.
 */
export function assess({ charter, facts, host, now, consentCookie, timeline }: AssessInput): Assessment {
  const nowSeconds = now.getTime() / 1000;
  const record = consentCookie && decodeConsentRecord(consentCookie.value);
  const consent: RecordedConsent | undefined = consentCookie &&
    record && {
      record,
      ...(!consentCookie.session &&
        consentCookie.expirationDate !== undefined && { expiresAt: new Date(consentCookie.expirationDate * 1000).toISOString() }),
      ...(record.state === 'readable' && record.madeAt && madeInFuture(record.madeAt, nowSeconds) && { dateInFuture: true }),
    };
  const choice = timeline && choiceTimes(consent?.record, consentEntryOf(timeline, consentCookie, host, facts[0]?.storeId), now.getTime());
  const cookies = classifyJar(compileCharter(charter), facts, host, nowSeconds).map((classified) => {
    classified.findings = cookieFindings(classified, { nowSeconds, host, ...(consent && { consent: consent.record }) });
    if (timeline && choice && classified.cookie.seenByApi) {
      classified.timeline = timelineOf(timeline, classified.cookie);
      classified.findings.push(...timelineFindings(classified, classified.timeline, choice));
    }
    return classified;
  });
  return { cookies, ...(consent && { consent }), ...(choice && { choice }) };
}
