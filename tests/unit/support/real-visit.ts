/**
 * A real visit of data.issy.com, as the letter to the data protection officer reads it: the
 * platform's session, a recorded choice refusing Matomo, Google Analytics on the parent domain,
 * and Matomo's cookies, one of them set after the refusal. Values are secrets a letter must
 * never quote.
 */
import { issyCharter } from '@/lib/charter/issy';
import { buildReport } from '@/lib/audit/report';
import { firstVisitReport } from '@/lib/first-visit/model';
import { buildLetter } from '@/lib/letter/letter';
import { letterOfFirstVisit } from '@/lib/letter/input';
import { mergeInventory } from '@/lib/cookies/inventory';
import { withoutValue } from '@/lib/cookies/model';
import { applyChange, emptyTimeline } from '@/lib/cookies/timeline';
import { cookie } from './memory-cookies';

export const page = new URL('https://data.issy.com/');
export const now = new Date('2026-12-07T09:42:00Z');
/** When the choice was recorded. */
export const made = now.getTime() - 60_000;
const consent = {
  value: encodeURIComponent(JSON.stringify({ functional_cookies: true, ga: true, matomo: false, timestamp: made })),
  session: false,
  expirationDate: now.getTime() / 1000 + 400 * 86_400,
};
export const jar = [
  cookie({ name: 'sessionid', value: 'SECRET-SESSION-0042', httpOnly: true }),
  cookie({ name: 'cookies_preferences', value: consent.value, expirationDate: consent.expirationDate }),
  cookie({ name: '_ga', value: 'GA1.2.SECRET-CLIENT-ID', domain: '.issy.com', hostOnly: false, expirationDate: now.getTime() / 1000 + 730 * 86_400 }),
  cookie({ name: '_pk_id.1.a1b2', value: 'SECRET-VISITOR-ID.1764426000.' }),
  cookie({ name: '_pk_ses.1.a1b2', value: 'SECRET-SES' }),
];

/** The visit's report, in the language spoken when it is built: the choice, then `_pk_ses` 20 s after it. */
export function realVisitReport() {
  const timeline = emptyTimeline(made - 3_600_000);
  applyChange(timeline, { cookie: withoutValue(jar[1]!), removed: false, cause: 'explicit', own: false, at: made });
  applyChange(timeline, { cookie: withoutValue(jar[4]!), removed: false, cause: 'explicit', own: false, at: made + 20_000 });
  return buildReport({ charter: issyCharter, facts: mergeInventory(jar, [], page), pageUrl: page, now, consentCookie: { ...jar[1]!, ...consent }, timeline });
}

/**
 * The letter about a ten-second first-visit test of the portal, in the language spoken when it is
 * written: one undeclared cookie, `_gcl_au`, set 2 s in, before any choice.
 */
export function firstVisitLetterText(): string {
  const test = firstVisitReport({
    charter: issyCharter,
    status: { used: 'live', warnings: [] },
    aside: { tabId: 1, site: 'data.issy.com', page: 'https://data.issy.com/', storeId: '0', seconds: 10, startedAt: now.getTime() },
    observed: [{ cookie: withoutValue(cookie({ name: '_gcl_au', value: 'SECRET-ADS' })), firstSetAt: now.getTime() + 2_000, lastChangedAt: now.getTime() + 2_000 }],
    endedAt: now.getTime() + 10_000,
  });
  return buildLetter(letterOfFirstVisit({ ...test, restored: { cookies: 0, failed: [], storage: true } })).text;
}
