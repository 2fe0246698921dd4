// @vitest-environment jsdom
/**
 * What a hostile page can put in front of Témoin: tens of thousands of storage keys, names that
 * imitate others, consent records with the keys of Object's prototype or a date to come, charter
 * text built as spreadsheet formulas, partitions that differ by one flag.
 */
import fc from 'fast-check';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ConsentPanel from '@/components/ConsentPanel.svelte';
import StorageList from '@/components/StorageList.svelte';
import { issyCharter } from '@/lib/charter/issy';
import { decodeConsentRecord } from '@/lib/audit/consent-record';
import { cookieKey, partitionLabel } from '@/lib/cookies/model';
import { auditOf } from '@/lib/export/audit';
import { auditCsv, csvCell } from '@/lib/export/csv';
import { mergeInventory } from '@/lib/cookies/inventory';
import { probePage } from '@/lib/page/probe';
import { buildReport, MAX_STORAGE_KEYS } from '@/lib/audit/report';
import { rules } from '@/lib/audit/rules';
import { shownName, visibleName } from '@/lib/cookies/visible-name';
import { cookie } from '../support/memory-cookies';
import { binaryString } from '../support/code-points';

const now = new Date('2026-11-29T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
const DAY = 86_400;
const page = new URL('https://data.issy.com/');
const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const reportOf = (jar = [cookie({ name: 'sessionid' })], extra: Partial<Parameters<typeof buildReport>[0]> = {}) =>
  buildReport({ charter: issyCharter, facts: mergeInventory(jar, [], page), pageUrl: page, now, ...extra });

describe('a page with tens of thousands of storage keys', () => {
  it('lists 500 keys and counts the rest', () => {
    // A storage of 80 000 keys, which Témoin must not walk through (no Object.keys, no full loop).
    let read = 0;
    const huge = {
      length: 80_000,
      key: (i: number) => (read++, i < 80_000 ? `k${i}` : null),
    };
    const spy = vi.spyOn(window, 'localStorage', 'get').mockReturnValue(huge as unknown as Storage);
    try {
      const probe = probePage();
      expect(read).toBe(500);
      expect(probe.localStorageKeys).toHaveLength(500);
      expect(probe.localStorageCount).toBe(80_000);
      const report = reportOf(undefined, {
        storageKeys: { local: probe.localStorageKeys, session: [], localCount: probe.localStorageCount, sessionCount: 0 },
      });
      expect(report.storage).toHaveLength(MAX_STORAGE_KEYS);
      expect(report.storageTotal).toBe(80_000);
      render(StorageList, { items: report.storage, total: report.storageTotal });
      expect(document.querySelectorAll('.keys li')).toHaveLength(500);
      expect(screen.getByText(/… et 79\s500\sautres/)).toBeTruthy();
      expect(screen.getByText(/\(80\s000\)/)).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });

  it('says nothing more when every key is listed', () => {
    const report = reportOf(undefined, { storageKeys: { local: ['_hjid'], session: [], localCount: 1, sessionCount: 0 } });
    render(StorageList, { items: report.storage, total: report.storageTotal });
    expect(document.body.textContent).not.toContain('autres');
  });
});

describe('names that imitate others', () => {
  it.each([
    ['sessionid\u200b', 'sessionid[U+200B]', 'U+200B (espace sans chasse)'],
    ['sessi\u043enid', 'sessi[U+043E]nid', 'U+043E (lettre cyrillique о)'],
    ['\u202edisnoisses', '[U+202E]disnoisses', 'U+202E (commande du sens d’écriture)'],
    ['_g\u0430', '_g[U+0430]', 'U+0430 (lettre cyrillique а)'],
    ['\uff53essionid', '[U+FF53]essionid', 'U+FF53 (forme de « s »)'],
    ['csrf\u2060token', 'csrf[U+2060]token', 'U+2060 (caractère invisible)'],
  ])('draws %j as %j and names %s', (name, shown, character) => {
    const visible = visibleName(name);
    expect(visible.shown).toBe(shown);
    expect(visible.deceptive?.characters).toContain(character);
  });

  it.each([['sessionid'], ['_pk_id.1.a1b2'], ['сессия'], ['préférences'], ['a b'], ['日本']])('leaves %j as it is', (name) => {
    expect(visibleName(name)).toEqual({ shown: name });
  });

  it('never draws an invisible or direction character as it is', () => {
    fc.assert(
      fc.property(binaryString({ maxLength: 20 }), (name) => {
        expect(shownName(name)).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\p{Cc}]/u);
      }),
    );
  });

  it('gives a look-alike cookie the finding « Nom trompeur », with its source, and does not take it for the declared one', () => {
    const report = reportOf([cookie({ name: 'sessionid' }), cookie({ name: 'sessi\u043enid' }), cookie({ name: 'sessionid\u200b' })]);
    const byName = Object.fromEntries(report.cookies.map((c) => [c.cookie.name, c]));
    expect(byName.sessionid!.findings.map((f) => f.rule)).not.toContain('deceptive-name');
    for (const name of ['sessi\u043enid', 'sessionid\u200b']) {
      expect(byName[name]!.declared).toBe(false);
      const finding = byName[name]!.findings.find((f) => f.rule === 'deceptive-name');
      expect(finding?.text).toMatch(/^Nom trompeur\u00a0: il s’affiche comme «\u00a0sessionid\u00a0» mais contient U\+/);
    }
    expect(rules['deceptive-name']).toMatchObject({ title: 'Nom trompeur', source: { url: 'https://www.unicode.org/reports/tr39/' } });
  });

  it('marks a look-alike storage key too', () => {
    const report = reportOf(undefined, { storageKeys: { local: ['_hjid', '_hj\u0456d'], session: [] } });
    expect(report.storage[0]).not.toHaveProperty('findings');
    expect(report.storage[1]!.findings![0]!.rule).toBe('deceptive-name');
    render(StorageList, { items: report.storage });
    expect(screen.getByText('_hj[U+0456]d')).toBeTruthy();
    expect(screen.getByText(/^Nom trompeur :/)).toBeTruthy(); // the finding, not its rule's title under « Règle et source »
  });
});

describe('a consent record built against Témoin', () => {
  it.each([['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty'], ['valueOf']])(
    'shows the key %s under its own name, with its choice',
    (key) => {
      const record = decodeConsentRecord(`%7B%22${key}%22%3Atrue%2C%22ga%22%3Afalse%7D`);
      expect(record).toEqual({
        state: 'readable',
        choices: [
          { key, label: key, accepted: true },
          { key: 'ga', label: 'Google Analytics', accepted: false },
        ],
      });
      render(ConsentPanel, { consent: { record } });
      expect(screen.getByText(key)).toBeTruthy();
      expect(document.body.textContent).not.toContain('[object');
      expect(document.body.textContent).not.toContain('native code');
    },
  );

  it('reads no timestamp from the prototype', () => {
    expect(decodeConsentRecord(encode({ ga: true, __proto__: { timestamp: 1764426000000 } }))).not.toHaveProperty('madeAt');
    expect(decodeConsentRecord('%7B%22__proto__%22%3A%7B%22timestamp%22%3A1764426000000%7D%7D')).toMatchObject({ state: 'unreadable' });
  });

  it('flags a choice dated 2099 and still says it is kept over 6 months', () => {
    const consentCookie = {
      value: encode({ functional_cookies: true, ga: true, timestamp: Date.UTC(2099, 0, 1) }),
      session: false,
      expirationDate: nowSeconds + 395 * DAY,
    };
    const report = reportOf([cookie({ name: 'cookies_preferences', expirationDate: nowSeconds + 395 * DAY })], { consentCookie });
    const rules = report.cookies[0]!.findings.map((f) => f.rule);
    expect(rules).toContain('impossible-date');
    expect(rules).toContain('choice-kept-over-6-months');
    expect(report.cookies[0]!.findings.find((f) => f.rule === 'impossible-date')!.text).toContain('1 janvier 2099');
    expect(report.consent?.dateInFuture).toBe(true);
    render(ConsentPanel, { consent: report.consent });
    expect(screen.getByText(/une date à venir, impossible/)).toBeTruthy();
  });

  it('does not flag a choice made today', () => {
    const consentCookie = { value: encode({ ga: true, timestamp: now.getTime() }), session: false, expirationDate: nowSeconds + 100 * DAY };
    const report = reportOf([cookie({ name: 'cookies_preferences' })], { consentCookie });
    expect(report.cookies[0]!.findings.map((f) => f.rule)).not.toContain('impossible-date');
    expect(report.consent).not.toHaveProperty('dateInFuture');
  });
});

/** How a spreadsheet set to split on `separator` cuts a line, ignoring quotes that do not open a cell. */
function cellsStarting(csv: string, separator: ',' | ';' | '\t'): string[] {
  const starts: string[] = [];
  for (const line of csv.split(/\r\n|\r|\n/)) {
    for (const cell of line.split(separator)) starts.push(cell.replace(/^[ "]+/, ''));
  }
  return starts;
}

describe('the CSV export, opened in any spreadsheet', () => {
  const hostile = fc.constantFrom('=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', ' =1');
  const text = fc.array(fc.oneof(hostile, fc.constantFrom(',', ';', '\r\n', '"', ' ', 'a'), fc.string({ maxLength: 5 })), { maxLength: 8 });

  it('never starts a cell with a formula sign, split on commas, semicolons or tabs', () => {
    fc.assert(
      fc.property(text, text, (purpose, provider) => {
        const charter = {
          ...issyCharter,
          entries: [{ provider: provider.join(''), names: [{ exact: 'x' }], purpose: purpose.join(''), category: 'statistics' as const }],
        };
        const report = buildReport({ charter, facts: mergeInventory([cookie({ name: 'x' })], [], page), pageUrl: page, now });
        const csv = auditCsv(auditOf(report, { used: 'live', warnings: [] }));
        for (const separator of [',', ';', '\t'] as const) {
          for (const start of cellsStarting(csv, separator)) expect(start).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the text, quoted, with an apostrophe only where a cell could start', () => {
    expect(csvCell('Mesure; =HYPERLINK("x")')).toBe('"Mesure;\' =HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe('"\'-1"');
    expect(csvCell('Se souvenir du choix')).toBe('"Se souvenir du choix"');
  });
});

describe('partitions', () => {
  const partitioned = (hasCrossSiteAncestor: boolean) =>
    cookie({ name: 'ods_embed', secure: true, partitionKey: { topLevelSite: 'https://issy.com', hasCrossSiteAncestor } });

  it('tells apart two partitions that differ only by a cross-site ancestor', () => {
    expect(cookieKey(partitioned(true))).not.toBe(cookieKey(partitioned(false)));
    expect(partitionLabel(partitioned(true).partitionKey)).toBe('partition https://issy.com (cadre intersite)');
    expect(partitionLabel(partitioned(false).partitionKey)).toBe('partition https://issy.com');
    const report = reportOf([partitioned(false), partitioned(true)]);
    expect(report.cookies).toHaveLength(2);
    expect(new Set(report.cookies.map((c) => c.id)).size).toBe(2);
    const audit = auditOf(report, { used: 'bundled' });
    expect(audit.cookies.map((c) => c.partition).sort()).toEqual(['https://issy.com', 'https://issy.com (cadre intersite)']);
  });
});
