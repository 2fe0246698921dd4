// @vitest-environment jsdom
/**
 * Charters nobody described in advance: names in lines, in sentences, in tables written as text
 * or headed by unusual words, generated declarations, and the traps beside them (event names,
 * storage keys, kinds, acronyms). Each family in a fixture of our own (tests/fixtures/layouts/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CharterEntry } from '@/lib/charter/model';
import { parseCharter } from '@/lib/charter/parse';
import { say } from '@/lib/i18n/said';
import { ledByNames } from '@/lib/charter/prose';
import { namesInSentences } from '@/lib/charter/sentences';
import { cellsOf } from '@/lib/charter/text-table';
import { readNames } from '@/lib/charter/names';
import { runningCategory, saysNecessary } from '@/lib/charter/vocabulary';

const meta = { site: 'data.example.org', url: 'https://data.example.org/p/cookies/', fetchedAt: '2026-12-01T10:00:00.000Z' };
const parse = (html: string) => {
  const { charter, warnings } = parseCharter(new DOMParser().parseFromString(html, 'text/html'), meta);
  // As the popup says them, in French unless told otherwise.
  return { charter, warnings: warnings.map(say) };
};
const layout = (name: string) => parse(readFileSync(join(import.meta.dirname, '../../fixtures/layouts', name), 'utf8'));
const nameOf = (n: CharterEntry['names'][number]) => ('exact' in n ? n.exact : `${n.prefix}*`);
const names = (entries: CharterEntry[]) => entries.flatMap((e) => e.names.map(nameOf));
/** name → category, for compact expectations. */
const categories = (entries: CharterEntry[]) => Object.fromEntries(entries.flatMap((e) => e.names.map((n) => [nameOf(n), e.category])));
const paragraph = (html: string) => new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild!;

describe('lines led by names (lines-led-by-names)', () => {
  const { charter } = layout('lines-led-by-names.html');
  it('reads a name before a colon, a dash or an arrow, a bold comma run, and "Cookie: x / Duration: y"', () => {
    expect(categories(charter.entries)).toEqual({
      portal_sid: 'necessary',
      'XSRF-TOKEN': 'necessary',
      _vc_id: 'statistics',
      _vc_ses: 'statistics',
      visit_rate: 'statistics',
      lang: 'unclear',
      tab_state: 'unclear',
      theme_choice: 'unclear',
    });
    expect(charter.entries.find((e) => names([e]).includes('theme_choice'))).toMatchObject({ duration: '6 months', purpose: 'remembers dark or light display' });
  });
  it('reads no kind, product, acronym, note or storage key written the same way', () => {
    for (const word of ['Témoins', 'GitHub', 'Note', 'RGPD', 'ui_draft']) expect(names(charter.entries)).not.toContain(word);
  });
  it('needs cookies said above the line or in it', () => {
    expect(ledByNames('X-Frame-Options: DENY', false)).toBeUndefined();
    expect(ledByNames('X-Frame-Options: DENY', true)).toMatchObject({ nameText: 'X-Frame-Options' });
    expect(ledByNames('GDPR: the European rules', true)).toBeUndefined();
    expect(ledByNames('NID: a cookie Google sets', false)).toMatchObject({ nameText: 'NID' });
    expect(ledByNames('e.g.: a note', true)).toBeUndefined();
    expect(ledByNames('note: read this first', true)).toBeUndefined();
    expect(ledByNames('lang: remembers your language, 1 year', true)).toMatchObject({ nameText: 'lang' });
  });
});

describe('names a sentence presents as cookies (names-in-sentences)', () => {
  const { charter } = layout('names-in-sentences.html');
  it('reads a name after « nommé », « appelé », "called", "named", after « le cookie » in quotes, and "the `x` cookie"', () => {
    expect(names(charter.entries)).toEqual(['edge_id', 'map_zoom', 'tiles_v', 'hw_open', 'hw_seen', 'lang_pref']);
  });
  it('reads no event, path, storage or speed measure in code, and no kind so called', () => {
    for (const word of ['page_open', 'file_get', '/mentions', 'localStorage', 'LCP', 'INP', 'CLS', 'etc', 'first-party']) {
      expect(names(charter.entries)).not.toContain(word);
    }
  });
  it('takes no category from the sentence: it is the label above that says', () => {
    expect(new Set(charter.entries.map((e) => e.category))).toEqual(new Set(['unclear']));
  });
  it('reads a name a table declared already once; a name the page declares again under another label, as unclear', () => {
    const table = (heading: string) => `<h2>${heading}</h2><table><tr><th>Nom du cookie</th><th>Finalité</th></tr><tr><td>sid</td><td>Session</td></tr></table>`;
    const sentence = (heading: string) => `<h2>${heading}</h2><p>Nous posons un cookie nommé <code>sid</code>.</p>`;
    const read = (html: string) => parse(html).charter.entries.map((e) => [names([e]).join(), e.category, e.purpose]);
    expect(read(table('Cookies nécessaires') + sentence('Cookies nécessaires'))).toEqual([['sid', 'necessary', 'Session']]);
    expect(read(sentence('Cookies nécessaires') + table('Cookies nécessaires'))[0]).toEqual(['sid', 'necessary', 'Nous posons un cookie nommé sid.']);
    expect(read(sentence('Cookies nécessaires') + table('Cookies de mesure d’audience'))[0]).toEqual(['sid', 'unclear', 'Nous posons un cookie nommé sid.']);
  });
  it.each([
    ['un témoin technique nommé <code>edge_id</code>', ['edge_id']],
    ['cookies named <code>a_1</code> and <code>a_2</code>', ['a_1', 'a_2']],
    ['les cookies (<code>_x1</code>, <code>_x2</code>)', ['_x1', '_x2']],
    ['une galleta llamada «pref_es»', ['pref_es']],
    ['un cookie nommé _cf_uid (sans mise en forme)', ['_cf_uid']],
    ['events such as <code>page_open</code>', []],
    ['the <code>search_run</code> event', []],
    ['a cookie-free counter sends <code>hit_id</code>', []],
  ])('reads « %s » as %j', (html, expected) => {
    expect(namesInSentences(paragraph(html))).toEqual(expected);
  });
});

describe('tables written as text (text-tables)', () => {
  const { charter } = layout('text-tables.html');
  it('reads tab-separated paragraphs under a header in an accordion title, and a Markdown table left as text', () => {
    expect(charter.entries.map((e) => [names(e ? [e] : []).join(), e.category, e.duration ?? ''])).toEqual([
      ['srv_pick', 'necessary', 'Sesión'],
      ['vis_uid', 'statistics', '1 año'],
      ['banner_done', 'preferences', '1 year'],
      ['_vc_id,_vc_ses', 'statistics', '13 months, 30 minutes respectively'],
    ]);
  });
  it('splits a row on tabs or pipes, skips a delimiter row, and leaves any other line alone', () => {
    expect(cellsOf('a\tb\tc')).toEqual(['a', 'b', 'c']);
    expect(cellsOf('| a | b | c |')).toEqual(['a', 'b', 'c']);
    expect(cellsOf('|---|:--:|---|')).toEqual([]);
    expect(cellsOf('a | b')).toBeUndefined();
    expect(cellsOf('a\tb')).toBeUndefined();
  });
  it('reads « No exenta » as not necessary and « Exenta » as necessary', () => {
    const { charter: tabbed } = parse(`<h2>Cookies</h2><p>Nombre\tFinalidad\tClase</p><p>a_1\tRecuerda algo\tNo exenta</p><p>b_2\tReparte la carga\tExenta</p>`);
    expect(categories(tabbed.entries)).toEqual({ a_1: 'non-essential', b_2: 'necessary' });
  });
});

describe('name columns headed by unusual words (unusual-name-headers)', () => {
  const { charter, warnings } = layout('unusual-name-headers.html');
  it('chooses the name column by its cells: "Cookie Identifier", "Key", words no rule knows', () => {
    expect(categories(charter.entries)).toEqual({
      __edge_uid: 'unclear',
      ads_prefs: 'unclear',
      stats_consent: 'unclear',
      cart_ref: 'unclear',
      pay_step: 'unclear',
      _vc_id: 'statistics',
      _vc_ses: 'statistics',
      analytics_seen: 'statistics',
    });
    expect(charter.entries[0]).toMatchObject({ purpose: 'Tells clients behind one address apart.', duration: '30 days' });
  });
  it('reads no storage key of a table the page says is local storage', () => {
    expect(names(charter.entries)).not.toContain('draft_text');
    expect(warnings).toContainEqual(expect.stringMatching(/clés de stockage local/));
  });
  it('reads a name made of category words as a name, not a title row', () => {
    expect(charter.entries.find((e) => names([e]).includes('analytics_seen'))!.declaredUnder).toBe('Audience measurement cookies');
  });
  it('reads names separated by spaces in one cell', () => {
    expect(readNames('_ga _gid _gat').names).toEqual([{ exact: '_ga' }, { exact: '_gid' }, { exact: '_gat' }]);
    expect(readNames('Google Analytics').names).toEqual([]);
  });
  it('reads no table of identifiers the page does not present as cookies', () => {
    const { charter: fields } = parse(`<h2>Data we keep</h2><table><tr><th>Field</th><th>Meaning</th></tr>
      <tr><td>user_id</td><td>Your number</td></tr><tr><td>created_at</td><td>When you joined</td></tr></table>`);
    expect(fields.entries).toEqual([]);
  });
});

describe('generated declarations and the safety of categories (generated-declaration)', () => {
  const { charter } = layout('generated-declaration.html');
  it('reads the category from a title on a line of its own, whatever the description says', () => {
    expect(categories(charter.entries)).toMatchObject({ consent_state: 'necessary', ui_lang: 'preferences', ad_track: 'advertising' });
  });
  it('keeps as unclear a row that says necessary under a heading that would clear it', () => {
    expect(categories(charter.entries).lb_pin).toBe('unclear');
  });
  it('takes no category from a purpose mentioned in passing', () => {
    expect(categories(charter.entries).misc_flag).toBe('unclear');
    expect(runningCategory('We use them to improve the quality or functionality of the website.')).toBeUndefined();
    expect(runningCategory('Preference cookies let the site remember your choices.')).toMatchObject({ category: 'preferences' });
    expect(runningCategory('We use Google Analytics to learn how the site is used.')).toMatchObject({ category: 'statistics' });
  });
  it('hears "necessary" only where no negation covers it', () => {
    expect(saysNecessary('strictement nécessaire au service')).toBe(true);
    expect(saysNecessary('not strictly necessary')).toBe(false);
  });
});

describe('a page that declares no cookie (no-cookie)', () => {
  it('gives no name: events in code, parameters and speed measures are none', () => {
    expect(layout('no-cookie.html').charter.entries).toEqual([]);
  });
});
