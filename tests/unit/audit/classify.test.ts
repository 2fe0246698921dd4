/**
 * Classifying one cookie against the charter (`lib/audit/classify.ts`): the entry and category
 * it gets, the flags a visitor reads beside its name, the ids that tell apart names only the page
 * reported, the order the report lists them in, and what clearing asks of a category. Each case
 * writes the expected result out.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyCookie,
  classifyJar,
  classifyKey,
  isDeclaredNonEssential,
  isNecessary,
  listOrder,
  undeclaredCount,
} from '@/lib/audit/classify';
import { issyCharter } from '@/lib/charter/issy';
import { compileCharter } from '@/lib/charter/match';
import type { Charter } from '@/lib/charter/model';
import type { CookieFacts } from '@/lib/cookies/model';
import { cookie } from '../support/memory-cookies';

const NOW = 1_800_000_000;
const HOST = 'data.issy.com';
const issy = compileCharter(issyCharter);

function facts(overrides: Partial<CookieFacts> & { name: string }): CookieFacts {
  const { value: _value, ...rest } = cookie(overrides);
  return { seenByPage: true, seenByApi: true, ...rest, ...overrides };
}

const flagsOf = (c: CookieFacts, charter = issy) => classifyCookie(charter, c, HOST, NOW, 'id').flags;

describe('the flags beside a cookie', () => {
  it('none for a plain host-only cookie of the portal the browser reports', () => {
    expect(flagsOf(facts({ name: 'csrftoken' }))).toEqual([]);
  });

  it('HttpOnly, Secure and partitioned, in that order', () => {
    const c = facts({ name: 'x', httpOnly: true, secure: true, partitionKey: { topLevelSite: 'https://issy.com' } });
    expect(flagsOf(c)).toEqual(['httpOnly', 'secure', 'partitioned']);
    expect(flagsOf(facts({ name: 'x', partitionKey: { topLevelSite: '' } }))).toEqual([]);
  });

  it('the parent domain for a cookie set on issy.com, not for one of the portal’s own host', () => {
    expect(flagsOf(facts({ name: '_ga', domain: '.issy.com', hostOnly: false }))).toEqual(['parentDomain']);
    expect(flagsOf(facts({ name: '_ga', domain: '.data.issy.com', hostOnly: false }))).toEqual([]);
    expect(flagsOf(facts({ name: '_ga', domain: 'issy.com', hostOnly: true }))).toEqual([]);
  });

  it('a third party by its domain, and then not also the parent domain', () => {
    expect(flagsOf(facts({ name: 'IDE', domain: '.doubleclick.net', hostOnly: false }))).toEqual(['thirdParty']);
  });

  it('a third party by the charter’s word, on the portal’s own domain', () => {
    const charter: Charter = {
      ...issyCharter,
      entries: [{ provider: 'Hotjar', names: [{ exact: '_hj' }], purpose: 'Mesure', category: 'statistics', party: 'third' }],
    };
    expect(flagsOf(facts({ name: '_hj', domain: '.issy.com', hostOnly: false }), compileCharter(charter))).toEqual(['thirdParty']);
  });

  it('seen by the page only, for a name the browser does not report', () => {
    expect(flagsOf(facts({ name: 'x', seenByApi: false }))).toEqual(['pageOnly']);
  });
});

describe('a cookie classified', () => {
  it('declared: its entry and the charter’s category, and what the knowledge base guesses', () => {
    const c = facts({ name: 'sessionid', httpOnly: true, session: true, expirationDate: undefined });
    const classified = classifyCookie(issy, c, HOST, NOW, 'one');
    expect(classified).toMatchObject({ id: 'one', cookie: c, declared: true, category: 'necessary', flags: ['httpOnly'], findings: [] });
    expect(classified.entry?.provider).toBe('Opendatasoft');
  });

  it('undeclared: no entry, and the category « undeclared »', () => {
    const classified = classifyCookie(issy, facts({ name: 'mystery' }), HOST, NOW, 'two');
    expect(classified.declared).toBe(false);
    expect(classified.category).toBe('undeclared');
    expect('entry' in classified).toBe(false);
    expect('guess' in classified).toBe(false);
  });
});

describe('the ids of a jar', () => {
  it('each cookie’s key, numbered from 2 when a name only the page reported repeats', () => {
    const a = facts({ name: 'x', seenByApi: false });
    const ids = classifyJar(issy, [a, a, facts({ name: 'y' }), a], HOST, NOW).map((c) => c.id);
    const key = JSON.stringify(['0', '', false, '', 'data.issy.com', '/', 'x']);
    expect(ids.slice(0, 2)).toEqual([key, `${key}#2`]);
    expect(ids[3]).toBe(`${key}#3`);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('the order of the list', () => {
  const jar = classifyJar(
    issy,
    [facts({ name: 'zeta' }), facts({ name: 'sessionid' }), facts({ name: 'Émile' }), facts({ name: 'csrftoken' }), facts({ name: 'eve' }), facts({ name: 'eve', path: '/a' })],
    HOST,
    NOW,
  );

  it('declared first, then the undeclared, by name as French sorts it, then by id', () => {
    const sorted = [...jar].sort(listOrder);
    expect(sorted.map((c) => `${c.cookie.name} ${c.cookie.path}`)).toEqual(['csrftoken /', 'sessionid /', 'Émile /', 'eve /', 'eve /a', 'zeta /']);
    expect([...jar].reverse().sort(listOrder)).toEqual(sorted);
  });
});

describe('counting the undeclared', () => {
  it('apart, those the browser reports and those only the page saw; declared ones not at all', () => {
    const jar = classifyJar(
      issy,
      [facts({ name: 'a' }), facts({ name: 'b' }), facts({ name: 'c', seenByApi: false }), facts({ name: 'sessionid' }), facts({ name: 'csrftoken', seenByApi: false })],
      HOST,
      NOW,
    );
    expect(undeclaredCount(jar)).toEqual({ reported: 2, pageOnly: 1 });
  });
});

describe('a storage key', () => {
  it('its area and key, with a guess when the knowledge base knows it, and nothing else', () => {
    expect(classifyKey('session', 'quelque-chose-a-soi')).toStrictEqual({ area: 'session', key: 'quelque-chose-a-soi' });
    const known = classifyKey('local', '_hjSessionUser_3141');
    expect(known.area).toBe('local');
    expect(known.guess).toBeDefined();
    expect(known.findings).toBeUndefined();
  });
});

describe('what clearing asks of a category', () => {
  it.each([
    ['necessary', true, false],
    ['preferences', false, true],
    ['statistics', false, true],
    ['advertising', false, true],
    ['social', false, true],
    ['non-essential', false, true],
    ['unclear', false, false],
    ['undeclared', false, false],
  ] as const)('%s: necessary %s, declared not necessary %s', (category, necessary, nonEssential) => {
    expect(isNecessary({ category })).toBe(necessary);
    expect(isDeclaredNonEssential({ category })).toBe(nonEssential);
  });
});
