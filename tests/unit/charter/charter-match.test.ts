import { describe, expect, it } from 'vitest';
import { issyCharter } from '@/lib/charter/issy';
import { compileCharter, findEntry } from '@/lib/charter/match';
import type { Charter, CharterEntry } from '@/lib/charter/model';

const issy = compileCharter(issyCharter);

const withRules: Charter = {
  ...issyCharter,
  entries: [
    ...issyCharter.entries,
    { provider: 'Matomo', names: [{ prefix: '_pk_' }], purpose: 'Mesure d’audience', category: 'statistics' },
    { provider: 'Matomo', names: [{ prefix: '_pk_id' }], purpose: 'Identifiant de visiteur', category: 'statistics' },
    { provider: 'Hubspot', names: [{ exact: '__hstc' }, { prefix: '_hs' }], purpose: 'Suivi', category: 'advertising', party: 'third', domains: ['hubspot.com'] },
  ],
};
const rules = compileCharter(withRules);

describe('matching cookies against the Issy charter', () => {
  it.each(['sessionid', 'csrftoken', 'django_language', 'cookies_preferences'])(
    'declares %s on data.issy.com as a necessary Opendatasoft cookie',
    (name) => {
      const entry = findEntry(issy, { name, domain: 'data.issy.com' });
      expect(entry?.provider).toBe('Opendatasoft');
      expect(entry?.category).toBe('necessary');
    },
  );

  it('gives the charter’s own French wording', () => {
    expect(findEntry(issy, { name: 'sessionid', domain: 'data.issy.com' })).toMatchObject({
      service: 'Authentification (front et back office)',
      purpose: "Se souvenir de l'utilisateur d'une page à une autre.",
    });
  });

  it('declares a charter name set on the parent domain, which is still the site’s own', () => {
    expect(findEntry(issy, { name: 'csrftoken', domain: '.issy.com' })).toBeDefined();
  });

  it('does not declare a charter name set by another site', () => {
    expect(findEntry(issy, { name: 'sessionid', domain: '.instagram.com' })).toBeUndefined();
  });

  it.each(['_ga', 'sessionid2', 'SESSIONID', '', 'csrftoken '])('leaves %j undeclared', (name) => {
    expect(findEntry(issy, { name, domain: 'data.issy.com' })).toBeUndefined();
  });

  it('matches a prefix rule, the longest prefix first', () => {
    expect(findEntry(rules, { name: '_pk_ses.1.2c3d', domain: 'data.issy.com' })?.purpose).toBe('Mesure d’audience');
    expect(findEntry(rules, { name: '_pk_id.1.2c3d', domain: 'data.issy.com' })?.purpose).toBe('Identifiant de visiteur');
  });

  it('matches an entry scoped to a third party on that party’s domain only', () => {
    expect(findEntry(rules, { name: '_hssc', domain: '.hubspot.com' })?.provider).toBe('Hubspot');
    expect(findEntry(rules, { name: '__hstc', domain: '.hubspot.com' })?.provider).toBe('Hubspot');
    expect(findEntry(rules, { name: '_hssc', domain: 'data.issy.com' })).toBeUndefined();
  });

  it('compiles a charter once', () => {
    expect(compileCharter(issyCharter)).toBe(issy);
  });
});

/**
 * Declarations that overlap, as a charter may write them: a name both exactly and under a
 * prefix, nested prefixes, one name in two entries, entries limited to other domains. Each
 * charter is written in both orders, so that the winner is never merely the first declared.
 */
describe('declarations that overlap', () => {
  const entry = (purpose: string, category: CharterEntry['category'], names: CharterEntry['names'], domains?: string[]): CharterEntry => ({
    provider: 'Portail',
    names,
    purpose,
    category,
    ...(domains && { domains }),
  });
  const charterOf = (...entries: CharterEntry[]) => compileCharter({ ...issyCharter, entries });
  const both = (...entries: CharterEntry[]) => [charterOf(...entries), charterOf(...[...entries].reverse())];

  const session = entry('Session', 'necessary', [{ exact: 'trk_session' }]);
  const tracking = entry('Suivi', 'preferences', [{ prefix: 'trk_' }]);

  it('an exact name wins over a prefix rule that also covers it, whichever comes first', () => {
    for (const charter of both(session, tracking)) {
      expect(findEntry(charter, { name: 'trk_session', domain: 'data.issy.com' })).toBe(session);
      expect(findEntry(charter, { name: 'trk_other', domain: 'data.issy.com' })).toBe(tracking);
    }
  });

  it('a longer prefix wins over a shorter one, whichever comes first', () => {
    const short = entry('Mesure', 'statistics', [{ prefix: '_pk' }]);
    const middle = entry('Visite', 'statistics', [{ prefix: '_pk_ses' }]);
    const long = entry('Identifiant', 'necessary', [{ prefix: '_pk_ses.1' }]);
    for (const charter of [charterOf(short, middle, long), charterOf(long, middle, short), charterOf(middle, long, short)]) {
      expect(findEntry(charter, { name: '_pk_ses.1.2c3d', domain: 'data.issy.com' })).toBe(long);
      expect(findEntry(charter, { name: '_pk_ses.2', domain: 'data.issy.com' })).toBe(middle);
      expect(findEntry(charter, { name: '_pk_id', domain: 'data.issy.com' })).toBe(short);
    }
  });

  it('a name in two entries: the first whose domains cover the cookie', () => {
    const own = entry('Session du portail', 'necessary', [{ exact: 'sid' }]);
    const vendor = entry('Session du prestataire', 'advertising', [{ exact: 'sid' }], ['hubspot.com']);
    for (const charter of both(own, vendor)) {
      expect(findEntry(charter, { name: 'sid', domain: 'data.issy.com' })).toBe(own);
      expect(findEntry(charter, { name: 'sid', domain: '.hubspot.com' })).toBe(vendor);
      expect(findEntry(charter, { name: 'sid', domain: 'example.org' })).toBeUndefined();
    }
    const first = entry('Première', 'necessary', [{ exact: 'sid' }]);
    const second = entry('Seconde', 'statistics', [{ exact: 'sid' }]);
    expect(findEntry(charterOf(first, second), { name: 'sid', domain: 'data.issy.com' })).toBe(first);
    expect(findEntry(charterOf(second, first), { name: 'sid', domain: 'data.issy.com' })).toBe(second);
  });

  it('an exact name declared for other domains only leaves the site’s cookie to the prefix rule', () => {
    const vendorSession = entry('Session du prestataire', 'necessary', [{ exact: 'trk_session' }], ['hubspot.com']);
    for (const charter of both(vendorSession, tracking)) {
      expect(findEntry(charter, { name: 'trk_session', domain: 'data.issy.com' })).toBe(tracking);
      expect(findEntry(charter, { name: 'trk_session', domain: 'hubspot.com' })).toBe(vendorSession);
    }
  });

  it('a prefix rule for other domains only leaves the site’s cookie to a shorter prefix', () => {
    const vendor = entry('Prestataire', 'advertising', [{ prefix: 'trk_v' }], ['hubspot.com']);
    for (const charter of both(vendor, tracking)) {
      expect(findEntry(charter, { name: 'trk_visit', domain: 'data.issy.com' })).toBe(tracking);
      expect(findEntry(charter, { name: 'trk_visit', domain: 'hubspot.com' })).toBe(vendor);
    }
  });

  it('an entry that lists domains covers each of them, the site’s own only when listed', () => {
    const listed = entry('Partagé', 'statistics', [{ exact: 'shared' }], ['hubspot.com', 'issy.com']);
    const elsewhere = entry('Ailleurs', 'statistics', [{ exact: 'away' }], ['hubspot.com']);
    const charter = charterOf(listed, elsewhere);
    expect(findEntry(charter, { name: 'shared', domain: 'data.issy.com' })).toBe(listed);
    expect(findEntry(charter, { name: 'shared', domain: 'www.hubspot.com' })).toBe(listed);
    expect(findEntry(charter, { name: 'away', domain: 'data.issy.com' })).toBeUndefined();
  });

  it('a prefix matches the start of a name only', () => {
    const charter = charterOf(tracking);
    expect(findEntry(charter, { name: 'my_trk_', domain: 'data.issy.com' })).toBeUndefined();
    expect(findEntry(charter, { name: 'trk_', domain: 'data.issy.com' })).toBe(tracking);
  });
});
