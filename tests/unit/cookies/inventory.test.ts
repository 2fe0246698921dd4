import { describe, expect, it } from 'vitest';
import { concernsSite } from '@/lib/cookies/scope';
import { cookiesOfSite, mergeInventory } from '@/lib/cookies/inventory';
import { cookie, portalJar } from '../support/memory-cookies';

const page = new URL('https://data.issy.com/explore/');

describe('the cookies of a site', () => {
  it('keeps the host’s cookies, the parent domain’s and those in its partition, not a sibling’s', () => {
    const jar = [
      cookie({ name: 'mine' }),
      cookie({ name: 'parent', domain: '.issy.com', hostOnly: false }),
      cookie({ name: 'sibling', domain: 'www.issy.com' }),
      cookie({ name: 'embedded', domain: 'widget.example', partitionKey: { topLevelSite: 'https://issy.com' } }),
    ];
    expect(cookiesOfSite(jar, page).map((c) => c.name)).toEqual(['mine', 'parent', 'embedded']);
  });
});

describe('merging the cookies API with what the page reads', () => {
  it('marks the cookies the page can read, and not the HttpOnly one', () => {
    const facts = mergeInventory(portalJar(), ['csrftoken', 'django_language', '_ga', 'cookies_preferences', '_hjSessionUser_3141', 'ods_embed'], page);
    const seen = Object.fromEntries(facts.map((f) => [f.name, f.seenByPage]));
    expect(seen).toMatchObject({ sessionid: false, csrftoken: true, _ga: true, ods_embed: true });
    expect(facts.every((f) => f.seenByApi)).toBe(true);
    expect(facts).toHaveLength(7);
  });

  it('never carries a cookie value', () => {
    for (const fact of mergeInventory(portalJar(), [], page)) expect(fact).not.toHaveProperty('value');
  });

  it('keeps cookies of the same name apart across paths, domains and partitions', () => {
    const jar = [
      cookie({ name: 'dup' }),
      cookie({ name: 'dup', path: '/explore' }),
      cookie({ name: 'dup', domain: '.issy.com', hostOnly: false }),
      cookie({ name: 'dup', secure: true, partitionKey: { topLevelSite: 'https://issy.com' } }),
    ];
    const facts = mergeInventory(jar, ['dup', 'dup', 'dup', 'dup'], page);
    expect(facts).toHaveLength(4);
    expect(facts.every((f) => f.seenByPage && f.seenByApi)).toBe(true);
  });

  it('adds the names only the page reports, once for each time it reads them', () => {
    const facts = mergeInventory([cookie({ name: 'a' })], ['a', 'a', 'ghost'], page);
    const pageOnly = facts.filter((f) => !f.seenByApi);
    expect(pageOnly.map((f) => f.name).sort()).toEqual(['a', 'ghost']);
    expect(pageOnly.every((f) => f.seenByPage && f.domain === 'data.issy.com')).toBe(true);
  });

  it('does not count a cookie the page could not read (other path, Secure over HTTP, other partition)', () => {
    const http = new URL('http://data.issy.com/');
    const jar = [
      cookie({ name: 'deep', path: '/backoffice' }),
      cookie({ name: 'safe', secure: true }),
      cookie({ name: 'elsewhere', secure: true, partitionKey: { topLevelSite: 'https://example.org' } }),
    ];
    const facts = mergeInventory(jar, ['deep', 'safe', 'elsewhere'], http);
    expect(facts.filter((f) => f.seenByApi).every((f) => !f.seenByPage)).toBe(true);
    expect(facts.filter((f) => !f.seenByApi)).toHaveLength(3);
  });
});

describe('which cookie changes concern a site', () => {
  it.each([
    [{ domain: 'data.issy.com' }, true],
    [{ domain: '.issy.com' }, true],
    [{ domain: 'www.issy.com' }, true],
    [{ domain: 'notissy.com' }, false],
    [{ domain: '.example.org' }, false],
    [{ domain: 'widget.example', partitionKey: { topLevelSite: 'https://issy.com' } }, true],
    [{ domain: 'data.issy.com', partitionKey: { topLevelSite: 'https://notissy.com' } }, true],
  ])('%j → %s', (cookie, expected) => {
    expect(concernsSite(cookie, 'issy.com')).toBe(expected);
  });
});
