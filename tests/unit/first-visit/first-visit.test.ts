import { describe, expect, it } from 'vitest';
import { chooseCharter } from '@/lib/charter/choose';
import { issyCharter } from '@/lib/charter/issy';
import { withoutValue } from '@/lib/cookies/model';
import { firstVisitFile } from '@/lib/first-visit/export';
import { firstVisitReport, type FirstVisitReport, type Observed } from '@/lib/first-visit/model';
import { verdictOf } from '@/lib/first-visit/shown';
import { cookie } from '../support/memory-cookies';

const T0 = new Date(2026, 11, 2, 15, 40).getTime();
const { charter, status } = chooseCharter('data.issy.com', issyCharter, undefined);
const aside = { tabId: 7, site: 'data.issy.com', page: 'https://data.issy.com/', storeId: '0', seconds: 10, startedAt: T0 };
const seen = (name: string, atSeconds: number, extra = {}): Observed => ({
  cookie: withoutValue(cookie({ name, ...extra })),
  firstSetAt: T0 + atSeconds * 1000,
  lastChangedAt: T0 + atSeconds * 1000,
});

function report(observed: Observed[], choiceMadeAt?: number): FirstVisitReport {
  return {
    ...firstVisitReport({ charter, status, aside, observed, endedAt: T0 + 10_000, ...(choiceMadeAt !== undefined && { choiceMadeAt }) }),
    restored: { cookies: 3, failed: [], storage: true },
  };
}

describe('the first-visit report', () => {
  it('lists every cookie set during the test, with the charter’s verdict and the CNIL finding', () => {
    const r = report([seen('sessionid', 1, { httpOnly: true }), seen('_ga', 2, { domain: '.issy.com', hostOnly: false })]);
    const ga = r.cookies.find((c) => c.cookie.name === '_ga')!;
    const sessionid = r.cookies.find((c) => c.cookie.name === 'sessionid')!;
    expect(verdictOf(ga)).toBe('non déclaré (probablement Google Analytics)');
    expect(verdictOf(sessionid)).toBe('déclaré, nécessaire');
    expect(ga.findings.map((f) => f.text)).toContain('Déposé le 2 décembre à 15:40, avant que vous ayez fait un choix.');
    expect(sessionid.findings.map((f) => f.rule)).not.toContain('set-before-choice');
  });

  it('keeps only what came before a choice the visitor made during the test', () => {
    const r = report([seen('_ga', 1), seen('cookies_preferences', 4), seen('_pk_id.1.a1b2', 5)], T0 + 4000);
    expect(r.cookies.map((c) => c.cookie.name)).toEqual(['_ga']);
    expect(r.choiceMadeAt).toBe(new Date(T0 + 4000).toISOString());
  });

  it('says nothing about a test where the portal set nothing', () => {
    expect(report([]).cookies).toEqual([]);
  });

  it('exports CSV, HTML and JSON without values, with hostile names made harmless', () => {
    const r = report([seen('=HYPERLINK("x")', 1), seen('<img src=x onerror=alert(1)>', 2)]);
    const csv = firstVisitFile(r, 'csv').text;
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const html = firstVisitFile(r, 'html').text;
    expect(html).not.toContain('<img');
    const json = firstVisitFile(r, 'json');
    expect(json.name).toBe('temoin-premiere-visite-data.issy.com-2026-12-02.json');
    expect(json.text).not.toContain('-value');
    expect(JSON.parse(json.text).items).toHaveLength(2);
  });

  it('draws the test as a time strip in its HTML report: the page load and each cookie where it was set', () => {
    const html = firstVisitFile(report([seen('sessionid', 1), seen('_ga', 2, { domain: '.issy.com', hostOnly: false })]), 'html').text;
    expect(html).toContain('<svg class="strip"');
    expect(html).toContain('class="load"');
    expect(html).toMatch(/<g class="mark necessary"[^>]*><title>sessionid<\/title>/);
    expect(html).toMatch(/<g class="mark before-choice"[^>]*><title>_ga<\/title>/);
    expect(html).toContain('aucun choix pendant ce temps');
    expect(firstVisitFile(report([]), 'html').text).not.toContain('<svg');
  });
});
