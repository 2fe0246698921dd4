import { describe, expect, it } from 'vitest';
import type { NamePattern } from '@/lib/charter/model';
import { knowledge } from '@/lib/audit/knowledge/entries';
import { guessCookie, guessKey } from '@/lib/audit/knowledge/lookup';
import { kindLabels, needsConsent, type KnowledgeEntry, type OcdFacts } from '@/lib/audit/knowledge/model';
import { ocdRows } from '@/lib/audit/knowledge/ocd';
import { OCD_DOMAINS, OCD_FACTS, OCD_NAMES, OCD_OWNERS } from '@/lib/audit/knowledge/ocd-table';
import { kindOfCategory, ocdSentence } from '@/lib/audit/knowledge/ocd-words';
import { retentionCode, retentionSeconds, retentionWords } from '@/lib/audit/knowledge/retention';
import { buildReport } from '@/lib/audit/report';
import { isNecessary } from '@/lib/audit/classify';
import { planClear } from '@/lib/actions/clear-plan';
import { issyCharter } from '@/lib/charter/issy';
import { mergeInventory } from '@/lib/cookies/inventory';
import { outcomeOf, UNRELATED_HOST, type CoverageRow } from '@/scripts/ocd/coverage';
import { carriesBrand } from '@/scripts/ocd/table';
import { cookie } from '../support/memory-cookies';
import { t } from '@/lib/i18n/messages';

const patternKey = (p: NamePattern) => ('exact' in p ? `exact:${p.exact}` : `prefix:${p.prefix}`);

/**
 * Two uses of one pattern overlap when both are generic or both name a common domain. A generic
 * entry and a domain-specific one may share a name on purpose: the specific one wins on its domains.
 */
function overlap(a: KnowledgeEntry, b: KnowledgeEntry): boolean {
  if (!a.domains && !b.domains) return true;
  if (!a.domains || !b.domains) return false;
  return a.domains.some((d) => b.domains?.includes(d));
}

describe('the knowledge base of well-known cookies', () => {
  it('holds at least 150 name patterns', () => {
    const total = knowledge.reduce((n, entry) => n + entry.names.length, 0);
    expect(total).toBeGreaterThanOrEqual(150);
  });

  it.each(knowledge.map((entry) => [entry.names.map(patternKey).join(' '), entry] as const))(
    'describes %s with a provider, a known kind and one French sentence',
    (_, entry) => {
      expect(entry.provider.trim()).not.toBe('');
      expect(Object.keys(kindLabels)).toContain(entry.kind);
      expect(entry.names.length).toBeGreaterThan(0);
      for (const p of entry.names) expect(('exact' in p ? p.exact : p.prefix).length).toBeGreaterThan(0);
      const purpose = t(entry.purpose);
      expect(purpose).toMatch(/^[A-ZÀ-Ý]/u);
      expect(purpose).toMatch(/[^.]\.$/u);
      // One sentence: no sentence end before the last character.
      expect(purpose.slice(0, -1)).not.toMatch(/[.!?]\s/u);
      // Typographic apostrophes only, and no markup.
      expect(purpose).not.toContain("'");
      expect(purpose).not.toMatch(/[<>&]/u);
      // French typography: a space before : ; ! ? must be a non-breaking one.
      expect(purpose).not.toMatch(/ [:;!?]/u);
      expect(entry.domains?.every((d) => d === d.toLowerCase() && !d.startsWith('.'))).not.toBe(false);
    },
  );

  it('never gives one name two contradictory meanings', () => {
    const uses = new Map<string, KnowledgeEntry[]>();
    for (const entry of knowledge) {
      for (const p of entry.names) uses.set(patternKey(p), [...(uses.get(patternKey(p)) ?? []), entry]);
    }
    const contradictions: string[] = [];
    for (const [key, entries] of uses) {
      entries.forEach((a, i) => {
        for (const b of entries.slice(i + 1)) {
          if (a === b) contradictions.push(`${key} twice in one entry`);
          else if (overlap(a, b) && (a.provider !== b.provider || a.kind !== b.kind)) {
            contradictions.push(`${key}: ${a.provider}/${a.kind} vs ${b.provider}/${b.kind}`);
          }
        }
      });
    }
    expect(contradictions).toEqual([]);
  });

  it('asks consent for audience, advertising and embedded content only', () => {
    expect(Object.keys(kindLabels).filter((k) => needsConsent(k as keyof typeof kindLabels))).toEqual([
      'audience',
      'advertising',
      'embedded',
    ]);
  });
});

describe('guessing an undeclared cookie', () => {
  it.each([
    ['_ga', '.issy.com', 'Google Analytics'],
    ['_ga_ABC123', '.issy.com', 'Google Analytics'],
    ['_gid', '.issy.com', 'Google Analytics'],
    ['_gat_UA-12345-1', 'data.issy.com', 'Google Analytics'],
    ['__utmz', '.issy.com', 'Google Analytics'],
    ['_pk_id.1.a1b2', 'data.issy.com', 'Matomo'],
    ['_pk_ses.3.c4d5', 'data.issy.com', 'Matomo'],
    ['mtm_consent', 'data.issy.com', 'Matomo'],
    ['atuserid', '.issy.com', 'AT Internet (Piano)'],
    ['xtvrn', '.issy.com', 'Xiti (AT Internet)'],
    ['_pcid', '.issy.com', 'Piano Analytics'],
    ['etuix', '.issy.com', 'Eulerian'],
    ['_hjSessionUser_123456', '.issy.com', 'Hotjar'],
    ['_clck', '.issy.com', 'Microsoft Clarity'],
    ['MUID', '.clarity.ms', 'Microsoft Clarity'],
    ['MUID', '.bing.com', 'Microsoft Advertising'],
    ['PHPSESSID', 'data.issy.com', 'PHP'],
    ['BIGipServerpool_web', 'data.issy.com', 'F5 BIG-IP'],
    ['TS01a2b3c4', 'data.issy.com', 'F5 BIG-IP'],
    ['incap_ses_123_456', '.issy.com', 'Imperva'],
    ['__cf_bm', '.issy.com', 'Cloudflare'],
    ['__cf_bm', '.vimeo.com', 'Cloudflare'],
    ['SSESS0123abcd', '.issy.com', 'Drupal'],
    ['wordpress_logged_in_0123abcd', 'www.issy.com', 'WordPress'],
    ['VISITOR_INFO1_LIVE', '.youtube.com', 'YouTube'],
    ['IDE', '.doubleclick.net', 'Google (DoubleClick)'],
    ['NID', '.google.com', 'Google'],
    ['csrftoken', '.instagram.com', 'Instagram (Meta)'],
    ['csrftoken', 'data.issy.com', 'Django'],
    ['sessionid', 'data.issy.com', 'Django'],
    ['sessionid', 'www.instagram.com', 'Instagram (Meta)'],
    ['lang', '.linkedin.com', 'LinkedIn'],
    ['lang', 'data.issy.com', 'Le site lui-même'],
    ['cookies_preferences', 'data.issy.com', 'Opendatasoft'],
    ['tarteaucitron', '.issy.com', 'tarteaucitron'],
    ['CookieConsentBulkSetting-abc', '.issy.com', 'Cookiebot'],
    ['euconsent-v2', '.issy.com', 'Plateforme de consentement (norme IAB TCF)'],
  ])('takes %s on %s for %s', (name, domain, provider) => {
    expect(guessCookie(name, domain)?.provider).toBe(provider);
  });

  it('knows a domain-bound name only on its own domain', () => {
    expect(guessCookie('VISITOR_INFO1_LIVE', '.issy.com')).toBeUndefined();
    expect(guessCookie('VISITOR_INFO1_LIVE', 'www.youtube.com')?.kind).toBe('embedded');
    expect(guessCookie('datr', '.issy.com')).toBeUndefined();
    expect(guessCookie('MUID', '.issy.com')).toBeUndefined();
  });

  it('prefers an exact name to a prefix, and a longer prefix to a shorter one', () => {
    expect(guessCookie('_hjid', '.issy.com')?.purpose).toContain('anciennes versions');
    expect(guessCookie('_hjSomethingNew', '.issy.com')?.provider).toBe('Hotjar');
    expect(guessCookie('AMP_TOKEN', '.issy.com')?.provider).toBe('Google Analytics');
    expect(guessCookie('AMP_1a2b3c4d5e', '.issy.com')?.provider).toBe('Amplitude');
    expect(guessCookie('.AspNetCore.Antiforgery.xyz', 'data.issy.com')?.kind).toBe('security');
    expect(guessCookie('.AspNetCore.Mvc.CookieTempDataProvider', 'data.issy.com')?.kind).toBe('session');
    expect(guessCookie('SESSION', 'data.issy.com')?.provider).toBe('Spring (Java)');
  });

  it('gives the facts a report needs', () => {
    expect(guessCookie('_ga', '.issy.com')).toMatchObject({ provider: 'Google Analytics', kind: 'audience', consentKey: 'ga' });
    expect(guessCookie('_pk_id.1.abcd', '.issy.com')?.consentKey).toBe('matomo');
    expect(guessCookie('cookies_preferences', 'data.issy.com')?.kind).toBe('consent');
  });

  it('leaves an unknown name unguessed', () => {
    expect(guessCookie('portail_issy_pref', 'data.issy.com')).toBeUndefined();
    expect(guessCookie('', 'data.issy.com')).toBeUndefined();
  });
});

describe('guessing a storage key', () => {
  it.each([
    ['ajs_anonymous_id', 'Segment'],
    ['_grecaptcha', 'Google reCAPTCHA'],
    ['didomi_token', 'Didomi'],
    ['axeptio_cookies', 'Axeptio'],
    ['_hjid', 'Hotjar'],
    ['yt-remote-device-id', 'YouTube'],
    ['csrftoken', 'Django'],
    ['sessionid', 'Django'],
  ])('takes %s for %s', (key, provider) => {
    expect(guessKey(key)?.provider).toBe(provider);
  });

  it('leaves an unknown key unguessed', () => {
    expect(guessKey('ods-last-dataset')).toBeUndefined();
  });
});

/**
 * The Open Cookie Database's facts, as committed in lib/audit/knowledge/ocd-table.ts. These
 * tests read the committed table only: `npm run knowledge` checks a CSV copy when there is one.
 */
const rows = ocdRows();
const asRow = (r: (typeof rows)[number]): CoverageRow => ({
  name: r.name,
  prefix: r.prefix,
  generic: r.generic,
  platform: r.facts.platform,
  ...(r.facts.domains && { domains: r.facts.domains }),
});
const outcomes = rows.map((r) => ({ row: r, ...outcomeOf(asRow(r)) }));
const key = (r: (typeof rows)[number]) => `${r.name}${r.prefix ? '*' : ''} (${r.facts.platform})`;

/**
 * Where our own entry and the database disagree on who sets a cookie, ours wins: each with why.
 * The test fails when one of these stops disagreeing (the list must stay true) or a new one appears.
 */
const OURS_WINS: Record<string, string> = {
  'consentUUID (Cookiebot)': 'Sourcepoint’s documentation names consentUUID as its own consent cookie',
  '.AspNetCore.Mvc.CookieTempDataProvider (Azure / Microsoft)': 'set by any site built on ASP.NET Core, not by Microsoft',
  '.AspNetCore.Antiforgery.* (Microsoft)': 'set by any site built on ASP.NET Core, not by Microsoft',
  'TS01* (Wix.com)': 'the F5 application firewall’s prefix, on any site behind one, Wix’s or not',
  'euconsent-v2 (Didomi)': 'the IAB TCF consent string, written by any consent platform',
  'euconsent-v2 (PrivacyPillar)': 'the IAB TCF consent string, written by any consent platform',
  'usprivacy (PrivacyPillar)': 'the IAB US Privacy string, written by any consent platform',
};
/** Two platforms of the database claim one name on one domain: the first one listed is named. */
const SHARED: Record<string, string> = {
  'u (Tailtarget)': 'listed for Tailtarget and for Totvs, its owner, on tailtarget.com',
  '_ssc (Tailtarget)': 'listed for Tailtarget and for Totvs, its owner, on tailtarget.com',
};
/** Generic names the database ties to no domain and no privacy page: no platform is named for them anywhere. */
const GENERIC_NOWHERE: Record<string, string> = {
  'did (Auth0)': 'a generic name, with neither domain nor privacy page in the database',
  'JSESSIONID* (J2EE)': 'any Java server’s session cookie; the database gives no domain nor privacy page',
};

describe('the Open Cookie Database’s facts, as committed', () => {
  it('holds the copy’s rows, each with a platform, a category and readable facts', () => {
    expect(rows.length).toBeGreaterThanOrEqual(2200);
    for (const { name, facts } of rows) {
      expect(name.trim()).toBe(name);
      expect(name).not.toBe('');
      expect(facts.platform).not.toBe('');
      expect(Object.keys(kindOfCategory)).toContain(facts.category);
      expect(facts.retention ?? 'S').toMatch(/^(?:S|\d+[smhdwMy])$/);
      for (const d of facts.domains ?? []) expect(d).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
      if (facts.link) expect(facts.link).toMatch(/^https?:\/\//);
    }
  });

  it('keeps facts only: no field of the table reads like a description', () => {
    const fields = [OCD_OWNERS, OCD_DOMAINS, OCD_NAMES, OCD_FACTS].flatMap((text) => text.split(/[\t\n]/));
    const long = fields.filter((f) => !/^https?:/.test(f) && f.split(/\s+/).length > 5);
    expect(long).toEqual([]);
  });

  it('recognises at least 99 % of its rows with their platform, by name and domain; every exception has its reason', () => {
    const notRecognised = outcomes.filter((o) => o.outcome !== 'recognised');
    const listed = (outcome: string) => notRecognised.filter((o) => o.outcome === outcome).map((o) => key(o.row)).sort();
    expect(listed('missed')).toEqual([]);
    expect(listed('ours')).toEqual(Object.keys(OURS_WINS).sort());
    expect(listed('shared')).toEqual(Object.keys(SHARED).sort());
    expect(listed('generic')).toEqual(Object.keys(GENERIC_NOWHERE).sort());
    expect((rows.length - notRecognised.length) / rows.length).toBeGreaterThanOrEqual(0.99);
  });

  it('never uses a row the database ties to a domain on an unrelated site, unless the name carries the platform’s own name', () => {
    const wrong = rows
      .filter((r) => r.facts.domains && !r.brand)
      .filter((r) => {
        const name = r.prefix ? `${r.name}x1` : r.name;
        const facts = guessCookie(name, UNRELATED_HOST)?.ocd;
        // Facts with domains, off those domains, can only come from a name carrying its platform's name.
        return facts?.domains !== undefined && !(facts.matched === 'brand' && carriesBrand(name, facts.platform));
      })
      .map(key);
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r.facts.domains && !r.brand).length).toBeGreaterThan(900);
  });

  it('keeps generic names generic on another site', () => {
    for (const name of ['sessionid', 'csrftoken', 'PHPSESSID', 'JSESSIONID', 'lang', 'locale', 'login', 't', 'store', 'test', 'token', 'uid', 'did', 'frontend']) {
      const guess = guessCookie(name, UNRELATED_HOST);
      expect(guess?.ocd, name).toBeUndefined();
      expect(guess?.source ?? 'temoin', name).toBe('temoin');
    }
    for (const r of rows.filter((row) => row.generic)) {
      expect(guessCookie(r.prefix ? `${r.name}x1` : r.name, 'data.issy.com')?.ocd?.platform, key(r)).not.toBe(r.facts.platform);
    }
    // On the platform's own site, the same name is the platform's.
    expect(guessCookie('login', 'login.salesforce.com')?.provider).toBe('Salesforce');
    expect(guessCookie('sessionid', '.instagram.com')?.ocd?.platform).toBe('Instagram');
  });

  it.each([
    ['oinfo', '.salesforce.com', 'Salesforce', 'domain'],
    ['_octo', '.github.com', 'GitHub', 'domain'],
    ['KTPCACOOKIE', '.pubmatic.com', 'PubMatic', 'domain'],
    ['_ceir', 'data.issy.com', 'Crazy Egg', 'name'],
    ['QSI_HistorySession', 'www.mairie-exemple.fr', 'Qualtrics', 'name'],
    ['_shopify_y', 'boutique.mairie-exemple.fr', 'Shopify', 'brand'],
  ])('names the database’s platform for %s on %s', (name, domain, platform, matched) => {
    const guess = guessCookie(name, domain);
    expect(guess).toMatchObject({ provider: platform, source: 'ocd', ocd: { platform, matched } });
  });

  it.each([
    ['oinfo', 'www.mairie-exemple.fr'],
    ['_gh_sess', 'data.issy.com'],
    ['_s', 'boutique.mairie-exemple.fr'],
  ])('names no platform for %s on %s, off the database’s domain', (name, domain) => {
    expect(guessCookie(name, domain)).toBeUndefined();
  });

  it('keeps our own description where we know the name, with the database’s facts when it names the same owner', () => {
    expect(guessCookie('_ga', '.issy.com')).toMatchObject({
      provider: 'Google Analytics',
      source: 'temoin',
      ocd: { platform: 'Google Analytics', category: 'Analytics' },
    });
    expect(guessCookie('_ga', '.issy.com')?.purpose).toContain('identifiant aléatoire');
    // euconsent-v2 is the IAB's format: the database's « Didomi » would name one platform among many.
    const tcf = guessCookie('euconsent-v2', '.issy.com');
    expect(tcf?.provider).toBe('Plateforme de consentement (norme IAB TCF)');
    expect(tcf?.ocd).toBeUndefined();
  });

  it.each(Object.entries(OURS_WINS))('lets our entry win for %s: %s', (name) => {
    const row = outcomes.find((o) => key(o.row) === name)!;
    expect(row.named).toBeDefined();
    expect(row.named).not.toBe(row.row.facts.platform);
  });
});

describe('our French for the database’s facts', () => {
  const facts = (extra: Partial<OcdFacts>): OcdFacts => ({ platform: 'Salesforce', controller: 'Salesforce', category: 'Marketing', retention: '1y', matched: 'name', ...extra });

  it('builds a sourced sentence from the facts alone', () => {
    expect(ocdSentence(facts({}), 'cookie')).toBe('Cookie de Salesforce, classé «\u00a0marketing\u00a0» par l’Open Cookie Database\u00a0; conservé 1\u00a0an.');
    expect(ocdSentence(facts({ platform: 'Magento', controller: 'Adobe', category: 'Functional', retention: 'S' }), 'key')).toBe(
      'Clé de stockage de Magento (Adobe), classée «\u00a0fonctionnel\u00a0» par l’Open Cookie Database\u00a0; effacée à la fin de la session.',
    );
    expect(ocdSentence(facts({ platform: 'Shopify', controller: 'Shopify.com', category: 'Analytics', retention: '2y', domains: ['shopify.com'], matched: 'brand' }), 'cookie')).toBe(
      'Cookie de Shopify d’après son nom (l’Open Cookie Database le rattache à shopify.com et le classe «\u00a0statistiques\u00a0»)\u00a0; conservé 2\u00a0ans.',
    );
    expect(ocdSentence(facts({ retention: undefined }), 'cookie')).toBe('Cookie de Salesforce, classé «\u00a0marketing\u00a0» par l’Open Cookie Database.');
  });

  it('writes every row’s sentence in correct French typography', () => {
    for (const { facts: f } of rows) {
      for (const what of ['cookie', 'key'] as const) {
        const sentence = ocdSentence(f, what);
        expect(sentence).toMatch(/^(?:Cookie|Clé de stockage) de .+\.$/u);
        expect(sentence).toContain('Open Cookie Database');
        expect(sentence).not.toMatch(/ [:;!?»]|« /u);
      }
    }
  });

  it('maps the database’s categories onto ours, « Functional » as its word, never needing consent', () => {
    expect(kindOfCategory).toEqual({
      Functional: 'functional',
      Necessary: 'functional',
      Personalization: 'preferences',
      Analytics: 'audience',
      Marketing: 'advertising',
      Security: 'security',
    });
    expect(kindLabels.functional).toBe('Nécessaire selon l’Open Cookie Database');
    expect(needsConsent('functional')).toBe(false);
  });

  it.each([
    ['1 year', '1y'],
    ['13 Months', '13M'],
    ['30 mins', '30m'],
    ['Session', 'S'],
    ['End of session (browser)', 'S'],
    ['2 years after last activity', '2y'],
    ['Varies', ''],
    ['30 seconds till 1 year', ''],
  ])('reads the retention « %s » as %j', (text, code) => {
    expect(retentionCode(text)).toBe(code);
  });

  it('says retentions in French and in seconds', () => {
    expect(retentionWords('13M')).toBe('13\u00a0mois');
    expect(retentionWords('1d')).toBe('1\u00a0jour');
    expect(retentionWords('S')).toBeUndefined();
    expect(retentionSeconds('S')).toBe(0);
    expect(retentionSeconds('2w')).toBe(14 * 86_400);
    expect(retentionSeconds('')).toBeUndefined();
  });
});

describe('the database’s word in a report', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const nowSeconds = now.getTime() / 1000;
  const DAY = 86_400;
  const page = new URL('https://data.issy.com/');
  const report = (jar: Parameters<typeof cookie>[0][]) =>
    buildReport({ charter: issyCharter, facts: mergeInventory(jar.map(cookie), [], page), pageUrl: page, now }).cookies;

  it('still says « Non déclaré dans la charte » first, and « nécessaire » only as the database’s word', () => {
    const [c] = report([{ name: 'mage-messages', expirationDate: nowSeconds + 100 * DAY }]);
    expect(c!.category).toBe('undeclared');
    expect(c!.findings[0]).toEqual({
      rule: 'undeclared',
      text: 'Non déclaré dans la charte\u00a0; probablement Magento (nécessaire selon l’Open Cookie Database).',
    });
  });

  it('never lets the database’s « Functional » keep a cookie from clearing', () => {
    const cookies = report([{ name: 'mage-messages' }, { name: 'sessionid', httpOnly: true }]);
    const plan = planClear(cookies, [], 'data.issy.com');
    expect(plan.toDelete.map((c) => c.cookie.name)).toEqual(['mage-messages']);
    expect(isNecessary(cookies.find((c) => c.cookie.name === 'mage-messages')!)).toBe(false);
  });

  it('notes a cookie that lives far longer than its platform says, and still the CNIL’s 13 months for audience measurement', () => {
    const rules = (name: string, days: number) => report([{ name, expirationDate: nowSeconds + days * DAY }])[0]!.findings.map((f) => f.rule);
    // Crazy Egg's _ceir: statistics, 1 year according to the database.
    expect(rules('_ceir', 300)).not.toContain('lifetime-exceeds-platform');
    expect(rules('_ceir', 500)).toEqual(expect.arrayContaining(['audience-over-13-months']));
    expect(rules('_ceir', 500)).not.toContain('lifetime-exceeds-platform');
    expect(rules('_ceir', 800)).toEqual(expect.arrayContaining(['lifetime-exceeds-platform', 'audience-over-13-months']));
    // Qualtrics' QSI_HistorySession: a session cookie according to the database.
    expect(rules('QSI_HistorySession', 20)).toContain('lifetime-exceeds-platform');
    expect(rules('QSI_HistorySession', 0.5)).not.toContain('lifetime-exceeds-platform');
    const [qsi] = report([{ name: 'QSI_HistorySession', expirationDate: nowSeconds + 20 * DAY }]);
    expect(qsi!.findings.find((f) => f.rule === 'lifetime-exceeds-platform')!.text).toBe(
      'Selon l’Open Cookie Database, Qualtrics l’efface à la fin de la session\u00a0; il expire dans 20\u00a0jours.',
    );
    const [ceir] = report([{ name: '_ceir', expirationDate: nowSeconds + 800 * DAY }]);
    expect(ceir!.findings.find((f) => f.rule === 'lifetime-exceeds-platform')!.text).toBe(
      'Selon l’Open Cookie Database, Crazy Egg le conserve 1\u00a0an\u00a0; il expire dans 800\u00a0jours, plus du double.',
    );
  });

  it('holds a cookie the charter declares to the charter, not to its platform’s habit', () => {
    // Django's default keeps django_language for the session; Opendatasoft keeps it a year, and
    // data.issy.com's charter declares it: the charter speaks for the site.
    const [declared] = report([{ name: 'django_language', expirationDate: nowSeconds + 365 * DAY }]);
    expect(declared!.entry).toBeDefined();
    expect(declared!.findings.map((f) => f.rule)).not.toContain('lifetime-exceeds-platform');
    const elsewhere = buildReport({
      charter: { ...issyCharter, entries: [] },
      facts: mergeInventory([cookie({ name: 'django_language', expirationDate: nowSeconds + 365 * DAY })], [], page),
      pageUrl: page,
      now,
    }).cookies;
    expect(elsewhere[0]!.findings.map((f) => f.rule)).toContain('lifetime-exceeds-platform');
  });
});
