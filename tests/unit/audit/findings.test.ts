import { describe, expect, it } from 'vitest';
import { issyCharter } from '@/lib/charter/issy';
import type { Charter } from '@/lib/charter/model';
import type { StoredCookie } from '@/lib/cookies/model';
import { mergeInventory } from '@/lib/cookies/inventory';
import { buildReport } from '@/lib/audit/report';
import type { RuleId } from '@/lib/audit/rules';
import { cookie } from '../support/memory-cookies';

const now = new Date('2026-11-29T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
const DAY = 86_400;
const page = new URL('https://data.issy.com/');
const choice = (value: object) => ({ value: encodeURIComponent(JSON.stringify(value)), session: false, expirationDate: nowSeconds + 100 * DAY });

const withStatistics: Charter = {
  ...issyCharter,
  entries: [
    ...issyCharter.entries,
    { provider: 'Matomo', names: [{ prefix: '_pk_' }], purpose: 'Mesure d’audience', category: 'statistics', duration: '13 mois' },
    { provider: 'Opendatasoft', names: [{ exact: 'ods_pref' }], purpose: 'Préférences', category: 'preferences', duration: '6 mois' },
    { provider: 'Opendatasoft', names: [{ exact: '_gid' }], purpose: 'Étrange', category: 'necessary' },
  ],
};

function findingsOf(jar: StoredCookie[], options: { charter?: Charter; consent?: ReturnType<typeof choice> } = {}) {
  const report = buildReport({
    charter: options.charter ?? issyCharter,
    facts: mergeInventory(jar, [], page),
    pageUrl: page,
    now,
    ...(options.consent && { consentCookie: options.consent }),
  });
  return Object.fromEntries(report.cookies.map((c) => [c.cookie.name, c.findings.map((f) => f.rule)])) as Record<string, RuleId[]>;
}

const days = (n: number) => nowSeconds + n * DAY;

describe('findings, each on both sides of its limit', () => {
  it('marks an undeclared cookie, with the knowledge base’s probable provider', () => {
    const report = buildReport({ charter: issyCharter, facts: mergeInventory([cookie({ name: '_ga', expirationDate: days(300) })], [], page), pageUrl: page, now });
    const [ga] = report.cookies;
    expect(ga!.findings[0]).toEqual({ rule: 'undeclared', text: 'Non déclaré dans la charte\u00a0; probablement Google Analytics (mesure d’audience).' });
    expect(ga!.guess?.provider).toBe('Google Analytics');
  });

  it('says when it does not recognise an undeclared name', () => {
    const report = buildReport({ charter: issyCharter, facts: mergeInventory([cookie({ name: 'zz_inconnu' })], [], page), pageUrl: page, now });
    expect(report.cookies[0]!.findings[0]!.text).toBe('Non déclaré dans la charte\u00a0; Témoin ne reconnaît pas ce nom.');
  });

  it('never marks a declared cookie undeclared, even when the knowledge base knows the name', () => {
    expect(findingsOf([cookie({ name: 'sessionid' })]).sessionid).not.toContain('undeclared');
  });

  it.each([
    [395, false],
    [396, false], // a day's tolerance
    [397, true],
    [730, true],
  ])('an audience cookie living %i more days is over 13 months: %s', (d, over) => {
    const rules = findingsOf([cookie({ name: '_pk_id.1.a', expirationDate: days(d) })], { charter: withStatistics })['_pk_id.1.a']!;
    expect(rules.includes('audience-over-13-months')).toBe(over);
  });

  it('applies the 13-month limit to an undeclared audience cookie the knowledge base recognises', () => {
    expect(findingsOf([cookie({ name: '_ga', expirationDate: days(400) })])._ga).toContain('audience-over-13-months');
    expect(findingsOf([cookie({ name: '_ga', expirationDate: days(390) })])._ga).not.toContain('audience-over-13-months');
  });

  it.each([
    [182, false],
    [200, true],
  ])('a cookie declared for 6 months expiring in %i days lives longer than declared: %s', (d, longer) => {
    const rules = findingsOf([cookie({ name: 'ods_pref', expirationDate: days(d) })], { charter: withStatistics }).ods_pref!;
    expect(rules.includes('lifetime-differs')).toBe(longer);
  });

  it('flags a cookie the charter calls necessary whose name is an audience tracker’s', () => {
    expect(findingsOf([cookie({ name: '_gid' })], { charter: withStatistics })._gid).toContain('category-differs');
    expect(findingsOf([cookie({ name: 'csrftoken' })], { charter: withStatistics }).csrftoken).not.toContain('category-differs');
  });

  it.each([
    [{ ga: true, timestamp: now.getTime() - 10 * DAY * 1000 }, 100, false],
    [{ ga: true, timestamp: now.getTime() - 10 * DAY * 1000 }, 175, true], // 10 days ago + 175 days left
    [{ ga: true, timestamp: now.getTime() - 1000 }, 183, false],
    [{ ga: true, timestamp: now.getTime() - 1000 }, 190, true],
  ])('the consent record %j kept %i more days is over 6 months: %s', (value, d, over) => {
    const consent = { ...choice(value), expirationDate: days(d) };
    const rules = findingsOf([cookie({ name: 'cookies_preferences', expirationDate: days(d) })], { consent }).cookies_preferences!;
    expect(rules.includes('choice-kept-over-6-months')).toBe(over);
  });

  it('flags a tracker that needs consent when no choice was made, or when the choice refused it', () => {
    const jar = [cookie({ name: '_ga' }), cookie({ name: '_pk_id.1.a' }), cookie({ name: 'PHPSESSID' })];
    const none = findingsOf(jar);
    expect(none._ga).toContain('present-without-consent');
    expect(none['_pk_id.1.a']).toContain('present-without-consent');
    expect(none.PHPSESSID).not.toContain('present-without-consent');

    const chosen = findingsOf(jar, { consent: choice({ ga: true, matomo: false }) });
    expect(chosen._ga).not.toContain('present-without-consent');
    expect(chosen['_pk_id.1.a']).toContain('present-without-consent');
  });

  it('does not ask consent for what the charter declares as exempt statistics', () => {
    expect(findingsOf([cookie({ name: '_pk_id.1.a' })], { charter: withStatistics })['_pk_id.1.a']).not.toContain('present-without-consent');
  });

  it('notes third-party and partitioned cookies as information', () => {
    const rules = findingsOf([
      cookie({ name: 'VISITOR_INFO1_LIVE', domain: '.youtube.com', hostOnly: false, partitionKey: { topLevelSite: 'https://issy.com' } }),
      cookie({ name: 'csrftoken' }),
    ]);
    expect(rules.VISITOR_INFO1_LIVE).toEqual(expect.arrayContaining(['third-party', 'partitioned']));
    expect(rules.csrftoken).toEqual([]);
  });

  it('lists the declared cookies this browser does not hold', () => {
    const report = buildReport({ charter: issyCharter, facts: mergeInventory([cookie({ name: 'csrftoken' })], [], page), pageUrl: page, now });
    expect(report.findings.map((f) => f.text)).toEqual([
      '«\u00a0sessionid\u00a0» est déclaré dans la charte mais absent de ce navigateur.',
      '«\u00a0django_language\u00a0» est déclaré dans la charte mais absent de ce navigateur.',
      '«\u00a0cookies_preferences\u00a0» est déclaré dans la charte mais absent de ce navigateur.',
    ]);
  });

  it('decodes the consent record into the report, with its expiry', () => {
    const report = buildReport({ charter: issyCharter, facts: [], pageUrl: page, now, consentCookie: choice({ ga: false, timestamp: 1764426000000 }) });
    expect(report.consent).toEqual({
      record: { state: 'readable', choices: [{ key: 'ga', label: 'Google Analytics', accepted: false }], madeAt: '2025-11-29T14:20:00.000Z' },
      expiresAt: new Date((nowSeconds + 100 * DAY) * 1000).toISOString(),
    });
  });

  it('applies the knowledge base to storage keys', () => {
    const report = buildReport({ charter: issyCharter, facts: [], pageUrl: page, now, storageKeys: { local: ['ajs_anonymous_id', 'x'], session: [] } });
    expect(report.storage).toEqual([
      expect.objectContaining({ area: 'local', key: 'ajs_anonymous_id', guess: expect.objectContaining({ provider: expect.any(String) }) }),
      { area: 'local', key: 'x' },
    ]);
  });
});
