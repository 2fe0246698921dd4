import { describe, expect, it } from 'vitest';
import { issyCharter } from '@/lib/charter/issy';
import { chooseCharter } from '@/lib/charter/choose';
import { withoutValue } from '@/lib/cookies/model';
import { mergeInventory } from '@/lib/cookies/inventory';
import { buildReport } from '@/lib/audit/report';
import { auditOf } from '@/lib/export/audit';
import { auditCsv } from '@/lib/export/csv';
import { auditHtml } from '@/lib/export/html';
import { exportFile } from '@/lib/export/file';
import { firstVisitFile } from '@/lib/first-visit/export';
import { firstVisitReport, type Observed } from '@/lib/first-visit/model';
import { setMessages } from '@/lib/i18n/messages';
import { messagesOf } from '../support/messages';
import { cookie, portalJar } from '../support/memory-cookies';

const english = async () => setMessages('en', await messagesOf('en'));
const page = new URL('https://data.issy.com/');
const now = new Date('2026-11-29T12:00:00Z');
const status = { used: 'live' as const, warnings: [] };
const reportOf = (jar = portalJar()) => buildReport({ charter: issyCharter, facts: mergeInventory(jar, [], page), pageUrl: page, now });

/** What a page says to a reader: its text without tags, styles or the drawn timeline. */
const words = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<figure[\s\S]*?<\/figure>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('the exported audit, in English', () => {
  it('heads the CSV columns in English', async () => {
    await english();
    const csv = auditCsv(auditOf(reportOf([...portalJar(), cookie({ name: '_ga' })]), status));
    const [header, ...rows] = csv.split('\r\n');
    expect(header).toBe(
      [
        'name', 'value', 'domain', 'path', 'declared', 'category', 'provider', 'service', 'purpose', 'probably', 'expires', 'time left',
        'HttpOnly', 'Secure', 'SameSite', 'partition', 'read by the page', 'set on', 'changed on', 'appeared', 'findings',
      ]
        .map((h) => `"${h}"`)
        .join(','),
    );
    const ga = rows.find((row) => row.startsWith('"_ga"'))!;
    expect(ga).toContain('"no","Not declared"');
    expect(ga).toContain('"Google Analytics (Audience measurement)"');
    expect(ga).toContain('Not declared in the charter; probably Google Analytics (audience measurement).');
  });

  it('writes the HTML report in English, with lang="en", the charter’s own words marked French', async () => {
    await english();
    const html = exportFile(reportOf([...portalJar(), cookie({ name: '_ga' })]), status, 'html').text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<title>Témoin — cookie audit of data.issy.com</title>');
    expect(html).toContain('<h1>Cookie audit of data.issy.com</h1>');
    expect(html).toContain('<th>Cookie</th><th>Domain</th><th>Category</th><th>Provider</th><th>Purpose</th><th>Time left, appearance</th><th>Findings</th>');
    expect(html).toMatch(/Page https:\/\/data\.issy\.com\/, on 29 November 2026(,| at) \d\d:00\./);
    expect(html).toContain('Compared with the charter published on the site (https://data.issy.com/');
    expect(html).toContain('<td>Not declared</td>');
    expect(html).toContain('Drawn up by Témoin. A finding is information, not an accusation.');
    // The charter's purposes are its own French words: marked so.
    const declared = issyCharter.entries[0]!.purpose;
    expect(html).toContain(`<td lang="fr">${declared.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)}</td>`);
    // Nothing else in French: what is left once the charter's words are taken out.
    const text = words(html).replaceAll('Témoin', '');
    const charterWords = issyCharter.entries.flatMap((e) => [e.purpose, e.duration ?? '', e.service ?? '', e.provider]);
    const rest = charterWords.reduce((s, w) => (w ? s.replaceAll(w, '') : s), text);
    expect(rest).not.toMatch(/[àéèù«»]|\b(?:déposé|cookies de|non déclaré|charte|constat)\b/i);
  });

  it('keeps lang="fr" and the French report in French', () => {
    const html = auditHtml(auditOf(reportOf(), status));
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<th>Prestataire</th>');
    expect(html).not.toContain('<td lang=');
  });

  it('writes the first-visit test’s files in English', async () => {
    await english();
    const T0 = new Date(2026, 11, 2, 15, 40).getTime();
    const { charter, status: chosen } = chooseCharter('data.issy.com', issyCharter, undefined);
    const aside = { tabId: 7, site: 'data.issy.com', page: 'https://data.issy.com/', storeId: '0', seconds: 10, startedAt: T0 };
    const seen = (name: string, at: number): Observed => ({ cookie: withoutValue(cookie({ name })), firstSetAt: T0 + at * 1000, lastChangedAt: T0 + at * 1000 });
    const test = { ...firstVisitReport({ charter, status: chosen, aside, observed: [seen('_ga', 2)], endedAt: T0 + 10_000 }), restored: { cookies: 0, failed: [], storage: true } };
    const html = firstVisitFile(test, 'html').text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<h1>First visit to data.issy.com</h1>');
    expect(html).toContain('10 seconds without making a choice, page https://data.issy.com/.');
    expect(html).toContain('1 item set before any choice.');
    expect(html).toContain('<th>Type</th><th>Name</th><th>Domain</th><th>Appeared</th><th>Charter’s verdict</th><th>Findings</th>');
    expect(html).toMatch(/Set on 2 December(,| at) 15:40, before you had made a choice\./);
    const csv = firstVisitFile(test, 'csv').text;
    expect(csv.split('\r\n')[0]).toBe('\ufefftype,name,domain,path,set on,charter’s verdict,category,findings');
    expect(JSON.parse(firstVisitFile(test, 'json').text).test).toBe('first visit');
  });
});
