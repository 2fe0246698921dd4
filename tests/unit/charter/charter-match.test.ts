import { describe, expect, it } from 'vitest';
import { issyCharter } from '@/lib/charter/issy';
import { compileCharter, findEntry } from '@/lib/charter/match';
import type { Charter } from '@/lib/charter/model';

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
