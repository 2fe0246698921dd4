import { describe, expect, it } from 'vitest';
import type { Category, Charter } from '@/lib/charter/model';
import { planClear, type KeepReason } from '@/lib/actions/clear-plan';
import { mergeInventory } from '@/lib/cookies/inventory';
import { buildReport } from '@/lib/audit/report';
import { cookie } from '../support/memory-cookies';

const page = new URL('https://data.issy.com/');

function plan(declared: Record<string, Category>, jar = Object.keys(declared).map((name) => cookie({ name })), keep: string[] = []) {
  const charter: Charter = {
    site: 'data.issy.com',
    url: 'https://data.issy.com/terms/cookies-policy/',
    source: 'live',
    fetchedAt: '2026-12-01',
    entries: Object.entries(declared).map(([name, category]) => ({ provider: 'P', names: [{ exact: name }], purpose: 'F', category })),
  };
  const report = buildReport({ charter, facts: mergeInventory(jar, [], page), pageUrl: page, now: new Date('2026-12-01') });
  const result = planClear(report.cookies, keep, page.hostname);
  const reasons: Record<string, KeepReason | 'delete'> = {};
  for (const c of result.toDelete) reasons[c.cookie.name] = 'delete';
  for (const k of result.kept) reasons[k.cookie.cookie.name] = k.reason;
  return reasons;
}

describe('what clearing offers by default', () => {
  it.each<[string, Category, KeepReason | 'delete']>([
    ['theme', 'necessary', 'necessary'],
    ['theme', 'unclear', 'unclear'],
    ['theme', 'preferences', 'delete'],
    ['theme', 'statistics', 'delete'],
    ['theme', 'advertising', 'delete'],
    ['theme', 'social', 'delete'],
    ['theme', 'non-essential', 'delete'],
    ['sessionid', 'unclear', 'platform'],
    ['csrftoken', 'necessary', 'necessary'],
    ['django_language', 'preferences', 'delete'],
    ['cookies_preferences', 'non-essential', 'delete'],
  ])('a cookie %s declared %s: %s', (name, category, expected) => {
    expect(plan({ [name]: category })[name]).toBe(expected);
  });

  it('keeps the platform cookies the charter does not declare', () => {
    const jar = ['sessionid', 'csrftoken', 'django_language', 'cookies_preferences', '_ga'].map((name) => cookie({ name }));
    expect(plan({}, jar)).toEqual({
      sessionid: 'platform',
      csrftoken: 'platform',
      django_language: 'platform',
      cookies_preferences: 'platform',
      _ga: 'delete',
    });
  });

  it('treats a platform name on another site as any other cookie', () => {
    expect(plan({}, [cookie({ name: 'sessionid', domain: '.tiers.example', hostOnly: false })]).sessionid).toBe('delete');
  });

  it('keeps what the visitor always keeps, before anything else but necessity', () => {
    expect(plan({ _ga: 'statistics', sessionid: 'necessary' }, undefined, ['_ga', 'sessionid'])).toEqual({ _ga: 'keep-list', sessionid: 'necessary' });
  });
});
