// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationSeconds } from '@/lib/charter/duration';
import type { Charter } from '@/lib/charter/model';
import { parseCharter } from '@/lib/charter/parse';
import { say } from '@/lib/i18n/said';
import { binaryString } from '../support/code-points';

const meta = { site: 'data.example.org', url: 'https://data.example.org/terms/cookies-policy/', fetchedAt: '2026-12-01T10:00:00.000Z' };
const parse = (html: string) => {
  const { charter, warnings } = parseCharter(new DOMParser().parseFromString(html, 'text/html'), meta);
  // As the popup says them, in French unless told otherwise.
  return { charter, warnings: warnings.map(say) };
};

/** What no name read from a charter may hold: it would break lookups or inject markup. */
const NOT_IN_A_NAME = /[\s<>;,=]/;
function badNames(charter: Charter): string[] {
  return charter.entries
    .flatMap((entry) => entry.names)
    .map((pattern) => ('exact' in pattern ? pattern.exact : pattern.prefix))
    .filter((name) => name === '' || NOT_IN_A_NAME.test(name));
}

// Pieces hostile pages are made of: charter keywords, markup, quotes, separators, spaces.
const words = fc.constantFrom(
  'Nom du cookie', 'Nom du prestataire', 'Prestataire', 'Service et emplacement', 'Finalités', 'Durée',
  'Function and location', 'Function', 'Supplier name', 'Cookie name', 'Nombre de la cookie', 'Type',
  'Cookies nécessaires', 'Cookies tiers', 'non nécessaires', 'mesure d\'audience',
  'tout cookie commençant par', 'Any cookie starting with', 'préfixe', '_pk_*', '_ga_<id>', '*',
  'sessionid', 'csrftoken', 'a=b', 'x;y', '« _hs »', '“', '"', "'", '`', ';', ',', ' / ', '=', '<', '>',
  '&nbsp;', '&lt;script&gt;', '\u00a0', '\u200b', '\n', '\t', ' ', 'N/A', '-', 'session', '13 mois',
);
const text = fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 6 }).map((parts) => parts.join(''));

const tags = fc.constantFrom(
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'h2', 'h3', 'p', 'strong', 'b', 'i',
  'br', 'ul', 'li', 'div', 'span', 'script', 'style', 'img', 'a', 'title', 'template', 'svg', 'math', 'textarea',
);
const attribute = fc.oneof(
  fc.constantFrom('rowspan', 'colspan').chain((name) =>
    fc.oneof(fc.integer({ min: -3, max: 70_000 }).map(String), fc.constantFrom('', 'x', '2.5', '1e9')).map((v) => `${name}="${v}"`),
  ),
  fc.constant('onerror="alert(1)" src="x"'),
  fc.constant('style="display:none"'),
  text.map((v) => `title='${v}'`),
);
const tag = fc.record({ name: tags, attrs: fc.array(attribute, { maxLength: 3 }), close: fc.boolean() });
const token = fc.oneof(
  tag.map(({ name, attrs, close }) => (close ? `</${name}>` : `<${[name, ...attrs].join(' ')}>`)),
  text,
  fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '</td></td>', '<table><tr><td>', '<'),
);
// Half the pages open a charter table first, so the random tokens after it become its rows.
const hostilePage = fc
  .tuple(fc.constantFrom('', '<h2>Cookies tiers</h2><table><tr><th>Nom du cookie</th><th>Finalité</th></tr><tr><td>'), fc.array(token, { maxLength: 60 }))
  .map(([start, tokens]) => start + tokens.join(''));

/** Tables that look like charters, with hostile cells. */
const cell = fc.oneof(text, fc.constantFrom('<script>document.cookie="x=1"</script>', '<img src=x onerror="alert(1)">', '<br>', '<ul><li>_ga</li><li>a b</li></ul>'));
const row = (tagName: 'td' | 'th') =>
  fc.array(fc.tuple(cell, fc.constantFrom('', ' rowspan="2"', ' colspan="3"', ' rowspan="0"')), { minLength: 0, maxLength: 6 }).map(
    (cells) => `<tr>${cells.map(([content, attrs]) => `<${tagName}${attrs}>${content}</${tagName}>`).join('')}</tr>`,
  );
const headerWord = fc.constantFrom('Nom du cookie', 'Cookie', 'Prestataire', 'Provider', 'Finalité', 'Function', 'Durée', 'Type', 'Service');
const header = fc
  .array(fc.oneof({ arbitrary: headerWord, weight: 3 }, { arbitrary: cell, weight: 1 }), { minLength: 1, maxLength: 6 })
  .map((cells) => `<tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`);
const charterTable = fc
  .tuple(text, fc.oneof(header, row('th')), fc.array(row('td'), { maxLength: 8 }))
  .map(([heading, header, rows]) => `<h2>${heading}</h2><table><thead>${header}</thead><tbody>${rows.join('')}</tbody></table>`);
const charterPage = fc.array(charterTable, { minLength: 1, maxLength: 4 }).map((tables) => `<main>${tables.join('')}</main>`);

describe('parseCharter on anything', () => {
  it.each([
    ['random strings', binaryString({ maxLength: 300 })],
    ['hostile markup', hostilePage],
    ['charter-like tables with hostile cells', charterPage],
  ])('never throws and never yields an empty or unsafe cookie name, on %s', (_, page) => {
    fc.assert(
      fc.property(page, (html) => {
        const { charter, warnings } = parse(html);
        expect(charter.source).toBe('live');
        expect(Array.isArray(warnings)).toBe(true);
        expect(badNames(charter)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('always explains an empty result', () => {
    fc.assert(
      fc.property(hostilePage, (html) => {
        const { charter, warnings } = parse(html);
        if (charter.entries.length === 0) expect(warnings).toContain('Aucun tableau de cookies reconnu dans cette page.');
      }),
      { numRuns: 100 },
    );
  });
});

describe('durationSeconds on anything', () => {
  it('never throws, and gives a whole non-negative number of seconds or undefined', () => {
    fc.assert(
      fc.property(fc.oneof(binaryString({ maxLength: 200 }), text), (value) => {
        const seconds = durationSeconds(value);
        if (seconds !== undefined) {
          expect(Number.isInteger(seconds)).toBe(true);
          expect(seconds).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a charter page past every cap', () => {
  // Many rows, many tables and one huge cell: every cap is reached. The page is just past the caps,
  // not as large as the guard allows (lib/charter/guard.ts): what is read stops at a cap whatever
  // follows it, and parsing megabytes in the test's DOM would only cost time. No timing here (see
  // the bench).
  const rowHtml = (i: number) =>
    `<tr><td>Opendatasoft</td><td>Service numéro ${i} du portail</td><td>cookie_${i}</td><td>Finalité du cookie ${i}, décrite en quelques mots</td></tr>`;
  const bigTable = `<h2>Cookies nécessaires</h2><table><tr><th>Prestataire</th><th>Service</th><th>Nom du cookie</th><th>Finalité</th></tr>${Array.from({ length: 2_500 }, (_, i) => rowHtml(i)).join('')}</table>`;
  const smallTables = Array.from({ length: 250 }, (_, t) => `<h3>Cookies tiers ${t}</h3><table><tr><th>Cookie</th><th>Purpose</th></tr><tr><td>t${t}</td><td>${'x'.repeat(t === 0 ? 10_000 : 3_000)}</td></tr></table>`).join('');
  const page = `<!doctype html><html><body><header class="ods-front-header"></header><main>${bigTable}${smallTables}</main></body></html>`;

  it('is read, up to the caps, with a warning for each cap reached', { timeout: 120_000 }, () => {
    const { charter, warnings } = parse(page);
    // 2,000 rows of the first table (one is its header), then one row in each of 199 small tables.
    expect(charter.entries).toHaveLength(1999 + 199);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Plus de 200 tableaux/),
        expect.stringMatching(/^Tableau 1\u00a0: plus de 2000 lignes/),
        expect.stringMatching(/texte de cellule tronqué/),
      ]),
    );
  });
});
