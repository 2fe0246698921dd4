import { describe, expect, it } from 'vitest';
import type { NamePattern } from '@/lib/charter/model';
import { knowledge } from '@/lib/audit/knowledge/entries';
import { guessCookie, guessKey } from '@/lib/audit/knowledge/lookup';
import { kindLabels, needsConsent, type KnowledgeEntry } from '@/lib/audit/knowledge/model';

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
      const purpose = entry.purpose;
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
