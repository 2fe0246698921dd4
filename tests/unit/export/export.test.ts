import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issyCharter } from '@/lib/charter/issy';
import { cookieKey } from '@/lib/cookies/model';
import { auditOf } from '@/lib/export/audit';
import { auditCsv } from '@/lib/export/csv';
import { auditHtml } from '@/lib/export/html';
import { shownName } from '@/lib/cookies/visible-name';
import { mergeInventory } from '@/lib/cookies/inventory';
import { buildReport } from '@/lib/audit/report';
import { cookie, portalJar } from '../support/memory-cookies';

const page = new URL('https://data.issy.com/');
const now = new Date('2026-11-29T12:00:00Z');
const reportOf = (jar = portalJar()) => buildReport({ charter: issyCharter, facts: mergeInventory(jar, [], page), pageUrl: page, now });

/** Enough of RFC 4180 to read back what auditCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('the exported audit', () => {
  it('lists every cookie with its facts, match and findings, as JSON', () => {
    const audit = JSON.parse(JSON.stringify(auditOf(reportOf(), { used: 'bundled' })));
    expect(audit.cookies.map((c: { name: string }) => c.name).sort()).toEqual(
      ['_ga', '_hjSessionUser_3141', 'cookies_preferences', 'csrftoken', 'django_language', 'ods_embed', 'sessionid'],
    );
    expect(audit.cookies.find((c: { name: string }) => c.name === 'sessionid')).toMatchObject({
      declared: true,
      provider: 'Opendatasoft',
      httpOnly: true,
      category: 'Nécessaire',
    });
    expect(audit.cookies.find((c: { name: string }) => c.name === '_ga')).toMatchObject({
      declared: false,
      probably: 'Google Analytics (Mesure d’audience)',
      findings: expect.arrayContaining([expect.objectContaining({ rule: 'undeclared', source: 'Charte cookies du site' })]),
    });
    expect(audit.charter).toMatchObject({ used: 'bundled', url: issyCharter.url });
  });

  it('leaves values out unless they are asked for', () => {
    const report = reportOf();
    expect(JSON.stringify(auditOf(report, { used: 'bundled' }))).not.toContain('sessionid-value');
    const values = Object.fromEntries(portalJar().map((c) => [cookieKey(c), c.value]));
    const audit = auditOf(report, { used: 'bundled' }, values);
    expect(audit.cookies.find((c) => c.name === 'sessionid')?.value).toBe('sessionid-value');
  });

  it('writes one CSV row per cookie, under a header', () => {
    const rows = parseCsv(auditCsv(auditOf(reportOf(), { used: 'bundled' })));
    expect(rows).toHaveLength(8);
    expect(rows[0]!.slice(0, 3)).toEqual(['nom', 'valeur', 'domaine']);
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
  });

  it('keeps hostile names whole in CSV, never as a formula, and escaped in HTML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('=HYPERLINK("x")', '<script>alert(1)</script>', '"a,b"\r\nc', '@SUM(1)'), (junk, hostile) => {
        const name = `${hostile}${junk}`;
        const audit = auditOf(reportOf([cookie({ name })]), { used: 'bundled' });
        const rows = parseCsv(auditCsv(audit));
        expect(rows).toHaveLength(2);
        const written = rows[1]![0]!;
        expect(/^[=+\-@]/.test(written)).toBe(false);
        // As drawn in the popup, with an apostrophe wherever a spreadsheet could start a cell on a
        // formula sign (at the start, or after a separator, with only spaces or quotes before the
        // sign), and nowhere else: an apostrophe of the name's own stays as it is.
        expect(written).toBe(shownName(name).replace(/(^|[,;\t\r\n])(?=[ "]*[=+\-@\t\r])/g, "$1'"));
        expect(auditHtml(audit)).not.toMatch(/<script>|<img/);
      }),
      { numRuns: 100 },
    );
  });

  it('draws the timeline in the readable page, when Témoin saw the cookies appear', async () => {
    const { exportFile } = await import('@/lib/export/file');
    const entries = Object.fromEntries(
      portalJar().map((c, i) => [cookieKey(c), { name: c.name, domain: c.domain, path: c.path, storeId: c.storeId, firstSetAt: now.getTime() - 60_000 + i * 1000, lastChangedAt: now.getTime() - 60_000 + i * 1000, setBy: 'site' as const }]),
    );
    const report = buildReport({ charter: issyCharter, facts: mergeInventory(portalJar(), [], page), pageUrl: page, now, timeline: { watchStartedAt: 0, entries } });
    const html = exportFile(report, { used: 'bundled' }, 'html').text;
    expect(html).toContain('<svg class="strip"');
    const drawing = html.slice(html.indexOf('<svg class="strip"'), html.indexOf('</svg>', html.indexOf('<svg class="strip"')));
    expect(drawing.match(/<g class="mark /g)).toHaveLength(report.cookies.length);
    expect(exportFile(reportOf(), { used: 'bundled' }, 'html').text).not.toContain('<svg');
  });

  it('makes a readable French page', () => {
    const html = auditHtml(auditOf(reportOf(), { used: 'live' as const, warnings: [] }));
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Audit des cookies de data.issy.com');
    expect(html).toContain('charte publiée sur le site');
  });
});
