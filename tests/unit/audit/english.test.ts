import { describe, expect, it } from 'vitest';
import { issyCharter } from '@/lib/charter/issy';
import type { Charter } from '@/lib/charter/model';
import type { StoredCookie } from '@/lib/cookies/model';
import { mergeInventory } from '@/lib/cookies/inventory';
import { buildReport } from '@/lib/audit/report';
import { rules, type RuleId } from '@/lib/audit/rules';
import { categoryLabels, flagLabels } from '@/lib/audit/categories';
import { timelineFindings } from '@/lib/audit/timeline-findings';
import { decodeConsentRecord } from '@/lib/audit/consent-record';
import { consentLine, findingCount, verdictLine } from '@/lib/audit/report-summary';
import { durationInWords, lifetimeInWords } from '@/lib/audit/lifetime';
import { guessCookie } from '@/lib/audit/knowledge/lookup';
import { ocdSentence } from '@/lib/audit/knowledge/ocd-words';
import { retentionWords } from '@/lib/audit/knowledge/retention';
import { setMessages } from '@/lib/i18n/messages';
import { messagesOf } from '../support/messages';
import { cookie } from '../support/memory-cookies';

const now = new Date('2026-11-29T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
const DAY = 86_400;
const page = new URL('https://data.issy.com/');
const days = (n: number) => nowSeconds + n * DAY;
const choice = (value: object) => ({ value: encodeURIComponent(JSON.stringify(value)), session: false, expirationDate: days(100) });
const english = async () => setMessages('en', await messagesOf('en'));

const withStatistics: Charter = {
  ...issyCharter,
  entries: [
    ...issyCharter.entries,
    { provider: 'Matomo', names: [{ prefix: '_pk_' }], purpose: 'Mesure d’audience', category: 'statistics', duration: '13 mois' },
    { provider: 'Opendatasoft', names: [{ exact: 'ods_pref' }], purpose: 'Préférences', category: 'preferences', duration: '6 mois' },
    { provider: 'Opendatasoft', names: [{ exact: '_gid' }], purpose: 'Étrange', category: 'necessary' },
    { provider: 'Partenaire', names: [{ exact: 'partner_id' }], purpose: 'Partenaire', category: 'advertising', party: 'third' },
  ],
};

function report(jar: StoredCookie[], options: { charter?: Charter; consent?: ReturnType<typeof choice> } = {}) {
  return buildReport({
    charter: options.charter ?? issyCharter,
    facts: mergeInventory(jar, [], page),
    pageUrl: page,
    now,
    ...(options.consent && { consentCookie: options.consent }),
  });
}

/** The text of a cookie's finding under a rule. */
function said(jar: StoredCookie[], name: string, rule: RuleId, options: Parameters<typeof report>[1] = {}): string | undefined {
  return report(jar, options)
    .cookies.find((c) => c.cookie.name === name)
    ?.findings.find((f) => f.rule === rule)?.text;
}

describe('what Témoin says of a jar, in English', () => {
  it('writes each cookie finding in English', async () => {
    await english();
    expect(said([cookie({ name: '_ga', expirationDate: days(300) })], '_ga', 'undeclared')).toBe(
      'Not declared in the charter; probably Google Analytics (audience measurement).',
    );
    expect(said([cookie({ name: 'zz_unknown' })], 'zz_unknown', 'undeclared')).toBe('Not declared in the charter; Témoin does not recognise this name.');
    expect(said([cookie({ name: '_gid' })], '_gid', 'category-differs', { charter: withStatistics })).toBe(
      'The charter lists it among the necessary cookies, but this name usually belongs to a cookie for audience measurement (Google Analytics).',
    );
    expect(said([cookie({ name: 'ods_pref', expirationDate: days(200) })], 'ods_pref', 'lifetime-differs', { charter: withStatistics })).toBe(
      'Declared for “6 mois”, it expires in 7 months.',
    );
    expect(said([cookie({ name: '_ga', expirationDate: days(400) })], '_ga', 'audience-over-13-months')).toBe(
      'Audience measurement cookie that expires in 400 days: beyond the 13 months (395 days) allowed for doing without consent.',
    );
    expect(said([cookie({ name: '_ceir', expirationDate: days(800) })], '_ceir', 'lifetime-exceeds-platform')).toBe(
      'According to the Open Cookie Database, Crazy Egg keeps it for 1 year; it expires in 800 days, more than twice as long.',
    );
    expect(said([cookie({ name: 'QSI_HistorySession', expirationDate: days(20) })], 'QSI_HistorySession', 'lifetime-exceeds-platform')).toBe(
      'According to the Open Cookie Database, Qualtrics deletes it at the end of the session; it expires in 20 days.',
    );
    const kept = { ...choice({ ga: true, timestamp: now.getTime() - 1000 }), expirationDate: days(190) };
    expect(said([cookie({ name: 'cookies_preferences', expirationDate: days(190) })], 'cookies_preferences', 'choice-kept-over-6-months', { consent: kept })).toBe(
      'Your choice is kept for 6 months; the CNIL recommends asking for it again after about 6 months.',
    );
    const future = choice({ ga: true, timestamp: now.getTime() + 30 * DAY * 1000 });
    expect(said([cookie({ name: 'cookies_preferences' })], 'cookies_preferences', 'impossible-date', { consent: future })).toBe(
      'The recorded choice says it was made on 29 December 2026, a date still to come: Témoin does not trust it and counts the time from today.',
    );
    expect(said([cookie({ name: '_ga' })], '_ga', 'present-without-consent')).toBe('Present although no choice is recorded: no choice means a refusal.');
    expect(said([cookie({ name: '_pk_id.1.a' })], '_pk_id.1.a', 'present-without-consent', { consent: choice({ matomo: false }) })).toBe(
      'Present although your recorded choice refuses Matomo.',
    );
    const youtube = cookie({ name: 'VISITOR_INFO1_LIVE', domain: '.youtube.com', hostOnly: false, partitionKey: { topLevelSite: 'https://issy.com' } });
    expect(said([youtube], 'VISITOR_INFO1_LIVE', 'third-party')).toBe('Set for youtube.com, a site other than the portal.');
    expect(said([youtube], 'VISITOR_INFO1_LIVE', 'partitioned')).toBe('Kept apart for https://issy.com (partitioned cookie).');
    expect(said([cookie({ name: 'partner_id' })], 'partner_id', 'third-party', { charter: withStatistics })).toBe(
      'The charter says a third party sets it (Partenaire), under the portal’s domain.',
    );
    expect(said([cookie({ name: 'csr\u0066token\u200b' })], 'csrftoken\u200b', 'deceptive-name')).toMatch(/^Misleading name: it shows as “csrftoken” but contains U\+200B/);
    expect(report([cookie({ name: 'csrftoken' })]).findings.map((f) => f.text)[0]).toBe('“sessionid” is declared in the charter but absent from this browser.');
  });

  it('writes when a tracker was set, against the choice, in English', async () => {
    await english();
    const [ga] = report([cookie({ name: '_ga' })]).cookies;
    const setAt = Date.parse('2026-11-29T09:00:00Z');
    const madeAt = Date.parse('2026-11-29T08:00:00Z');
    const timeline = { known: true as const, firstSetAt: setAt, lastChangedAt: setAt, setBy: 'site' as const };
    expect(timelineFindings(ga!, timeline, {}).map((f) => f.text)).toEqual([expect.stringMatching(/^Set on 29 November(,| at) \d\d:00, before you had made a choice\.$/)]);
    const refused = decodeConsentRecord(encodeURIComponent(JSON.stringify({ ga: false })));
    expect(timelineFindings(ga!, timeline, { record: refused, madeAt }).map((f) => f.text)).toEqual([
      expect.stringMatching(/^Set on 29 November(,| at) \d\d:00, after you refused Google Analytics on 29 November(,| at) \d\d:00\.$/),
    ]);
  });

  it('names each rule, its source, the categories and the flags in English', async () => {
    await english();
    expect(rules['set-before-choice'].title).toBe('Set before your choice');
    expect(rules['present-without-consent'].source.label).toBe(
      'CNIL (French data protection authority), deliberation no. 2020-091 of 17 September 2020: guidelines on cookies and other trackers',
    );
    for (const rule of Object.values(rules)) expect(`${rule.title} ${rule.source.label}`).not.toMatch(/[éèàù]|\b(?:du|des|cookies tiers)\b/);
    expect(categoryLabels.necessary).toBe('Necessary');
    expect(categoryLabels.undeclared).toBe('Not declared');
    expect(flagLabels.thirdParty).toEqual({ label: 'third party', title: 'Set by a site other than the portal' });
  });

  it('counts lifetimes and summarises the report in English', async () => {
    await english();
    expect(durationInWords(30)).toBe('less than a minute');
    expect(durationInWords(14 * DAY)).toBe('2 weeks');
    expect(durationInWords(DAY)).toBe('1 day');
    expect(lifetimeInWords({ session: true }, nowSeconds)).toBe('end of session');
    expect(retentionWords('13M')).toBe('13 months');
    expect(findingCount(0)).toBe('no findings');
    expect(findingCount(1)).toBe('1 finding');
    const r = report([cookie({ name: 'csrftoken' }), cookie({ name: '_ga' })]);
    expect(verdictLine(r)).toBe('2 cookies: 1 declared, 1 undeclared · 5 findings');
    expect(consentLine(undefined)).toBe('No choice recorded: trackers that need consent are refused.');
    const consent = { record: decodeConsentRecord(encodeURIComponent(JSON.stringify({ functional_cookies: true, ga: false, timestamp: Date.parse('2026-11-05T10:00:00Z') }))) };
    expect(consentLine(consent, now)).toBe('Your choice: Google Analytics refused, on 5 November');
    expect(consentLine({ record: decodeConsentRecord('%7B') }, now)).toBe('Your choice: unreadable record (it is not JSON encoded the way the portal writes it).');
  });

  it('gives the knowledge base’s purpose and kind in English', async () => {
    await english();
    const ga = guessCookie('_ga', '.issy.com');
    expect(ga?.purpose).toBe('Gives the browser a random identifier by which Google Analytics recognises the visitor from one visit to the next.');
    expect(ga?.kindLabel).toBe('Audience measurement');
    expect(
      ocdSentence({ platform: 'Salesforce', category: 'Marketing', retention: '1y', matched: 'name' }, 'cookie'),
    ).toBe('Cookie of Salesforce, classed as “marketing” by the Open Cookie Database; kept for 1 year.');
    expect(ocdSentence({ platform: 'Salesforce', category: 'Marketing', retention: 'S', matched: 'name' }, 'key')).toBe(
      'Storage key of Salesforce, classed as “marketing” by the Open Cookie Database; deleted at the end of the session.',
    );
  });

  it('speaks French again once the language is French: a guess is not kept across languages', async () => {
    await english();
    expect(guessCookie('_gid', '.issy.com')?.purpose).toMatch(/^Tells visitors apart/);
    setMessages('fr', await messagesOf('fr'));
    expect(guessCookie('_gid', '.issy.com')?.purpose).toMatch(/^Distingue les visiteurs/);
  });
});
