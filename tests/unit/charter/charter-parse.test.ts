// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCharters, hasChanges } from '@/lib/charter/diff';
import { durationSeconds } from '@/lib/charter/duration';
import { issyCharter } from '@/lib/charter/issy';
import type { Charter, CharterEntry } from '@/lib/charter/model';
import { parseCharter } from '@/lib/charter/parse';
import { scopeToSite } from '@/lib/charter/scope';
import { setMessages } from '@/lib/i18n/messages';
import { say } from '@/lib/i18n/said';
import { messagesOf } from '../support/messages';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../../fixtures', path), 'utf8');
const meta = { site: 'data.example.org', url: 'https://data.example.org/terms/cookies-policy/', fetchedAt: '2026-12-01T10:00:00.000Z' };

/** Read as the page script reads it, then scoped as the background keeps it. */
function parse(html: string) {
  const { charter, warnings } = parseCharter(new DOMParser().parseFromString(html, 'text/html'), meta);
  // As the popup says them, in French unless told otherwise.
  return { charter: scopeToSite(charter), warnings: warnings.map(say) };
}

/**
 * The charter layouts we read, one fixture each (tests/fixtures/charters/):
 * - fr-4-columns-issy-like: the Issy shape with the columns in another order, curly apostrophes.
 * - fr-3-columns-no-provider: no provider column; « Non précisé », or the provider a heading names (« Matomo »).
 * - en-supplier-name-duration: `Supplier name | Cookie name | Duration | Function`, `_ga_*`.
 * - en-function-and-location: "Function and location" (service) beside "Function" (purpose); names split on `,`.
 * - es-proveedor-finalidad: Spanish headers, « Cualquier cookie que empiece por _pk », « Sesión ».
 * - fr-several-sections: nécessaires, mesure d'audience (« _pk_* ») and tiers under a `<p><strong>` heading.
 * - fr-multi-names-rowspan: rowspan providers and services; names split on `;`, `,`, `<br>`, ` / `,
 *   list items; « tout cookie commençant par _hs »; a `<id>` placeholder.
 * - broken-markup: unclosed tags, stray `</td>`, no thead, empty cells, a 5-column table with an
 *   unknown column, a table left inside an unclosed heading.
 * - header-in-first-row-td: header in the first `<tr>` of `<td>`s; a browser-help table skipped with a warning.
 * - nested-layout-table: a layout table around the charter table, category and provider from a caption.
 * - fr-category-column: a « Type » column, a title row inside a table, a table under no category heading.
 * - no-table: text only.
 */
const entry = (e: Partial<CharterEntry> & Pick<CharterEntry, 'names'>): CharterEntry => ({
  provider: 'Opendatasoft',
  purpose: 'Non précisée',
  category: 'necessary',
  ...e,
});
const exact = (name: string) => ({ exact: name });
const prefix = (start: string) => ({ prefix: start });

const expected: [string, CharterEntry[]][] = [
  [
    'fr-4-columns-issy-like.html',
    [
      entry({ names: [exact('sessionid')], service: 'Connexion au portail', purpose: 'Garder la connexion ouverte d’une page à l’autre', declaredUnder: 'Cookies strictement nécessaires' }),
      entry({ names: [exact('csrftoken')], service: 'Sécurité', purpose: "Protéger les formulaires et les appels à l'API", declaredUnder: 'Cookies strictement nécessaires' }),
      entry({ names: [exact('cookies_preferences')], service: 'Bandeau cookies', purpose: 'Garder en mémoire vos choix sur les cookies', declaredUnder: 'Cookies strictement nécessaires' }),
    ],
  ],
  [
    'fr-3-columns-no-provider.html',
    [
      entry({ provider: 'Non précisé', names: [exact('sessionid')], purpose: 'Maintenir votre session ouverte', duration: '2 semaines', declaredUnder: 'Cookies techniques' }),
      entry({ provider: 'Non précisé', names: [exact('csrftoken')], purpose: 'Sécuriser les requêtes envoyées au portail', duration: '1 an', declaredUnder: 'Cookies techniques' }),
      entry({ provider: 'Matomo', names: [prefix('_pk_id.')], purpose: 'Distinguer les visiteurs sans les identifier', category: 'statistics', duration: '13 mois', declaredUnder: 'Cookies statistiques' }),
      entry({ provider: 'Matomo', names: [prefix('_pk_ses.')], purpose: 'Regrouper les pages vues pendant une visite', category: 'statistics', duration: '30 minutes', declaredUnder: 'Cookies statistiques' }),
    ],
  ],
  [
    'en-supplier-name-duration.html',
    [
      entry({ names: [exact('sessionid')], purpose: 'Keeps you signed in while you browse', duration: '2 weeks by default', declaredUnder: 'Strictly necessary cookies' }),
      entry({ names: [exact('csrftoken')], purpose: 'Guards forms and API calls against forged requests', duration: 'Up to 12 months', declaredUnder: 'Strictly necessary cookies' }),
      entry({ names: [exact('django_language')], purpose: 'Remembers the language you picked', duration: '1 year', declaredUnder: 'Strictly necessary cookies' }),
      entry({ names: [exact('cookies_preferences')], purpose: 'Stores your answer to the cookie banner', duration: '6 months', declaredUnder: 'Strictly necessary cookies' }),
      entry({ provider: 'Google', names: [exact('_ga')], purpose: 'Tells visitors apart to count them', category: 'statistics', duration: '13 months', declaredUnder: 'Audience measurement cookies' }),
      entry({ provider: 'Google', names: [prefix('_ga_')], purpose: 'Keeps the state of a visit', category: 'statistics', duration: '13 months', declaredUnder: 'Audience measurement cookies' }),
      entry({ provider: 'Google', names: [exact('_gid')], purpose: 'Tells visitors apart over one day', category: 'statistics', duration: '24 hours', declaredUnder: 'Audience measurement cookies' }),
    ],
  ],
  [
    'en-function-and-location.html',
    [
      // "Functional" alone does not say necessary: unclear, kept by clearing (and these two are
      // platform cookies, kept in any case).
      entry({ names: [exact('sessionid')], service: 'Sign-in (portal and back office)', purpose: 'Recognises you from one page to the next.', category: 'unclear', declaredUnder: 'Functional cookies' }),
      entry({ names: [exact('django_language')], service: 'Language menu (portal)', purpose: 'Shows the portal in the language you chose', category: 'unclear', declaredUnder: 'Functional cookies' }),
      entry({
        provider: 'YouTube',
        service: 'Embedded videos (dataset pages)',
        names: [exact('YSC'), exact('VISITOR_INFO1_LIVE')],
        purpose: 'Counts views and remembers playback settings',
        category: 'unclear',
        party: 'third',
        declaredUnder: 'Third-party cookies',
      }),
    ],
  ],
  [
    'es-proveedor-finalidad.html',
    [
      entry({ names: [exact('sessionid')], purpose: 'Mantener la sesión del usuario entre páginas', duration: 'Sesión', declaredUnder: 'Cookies técnicas' }),
      entry({ names: [exact('cookies_preferences')], purpose: 'Guardar la elección del usuario sobre las cookies', duration: '6 meses', declaredUnder: 'Cookies técnicas' }),
      entry({ provider: 'Matomo', names: [prefix('_pk')], purpose: 'Medir las visitas de forma anónima', category: 'statistics', duration: '1 año', declaredUnder: 'Cookies analíticas' }),
    ],
  ],
  [
    'fr-several-sections.html',
    [
      entry({ service: 'Tout le portail', names: [exact('sessionid')], purpose: 'Vous garder connecté', declaredUnder: '1. Cookies nécessaires' }),
      entry({ service: 'Bandeau cookies', names: [exact('cookies_preferences')], purpose: 'Retenir vos choix', declaredUnder: '1. Cookies nécessaires' }),
      entry({ provider: 'Matomo', service: 'Toutes les pages publiques', names: [prefix('_pk_')], purpose: 'Compter les visites de façon anonyme', category: 'statistics', declaredUnder: "2. Cookies de mesure d'audience" }),
      entry({ provider: 'YouTube', service: 'Pages de présentation des jeux de données', names: [exact('YSC')], purpose: 'Mesurer la lecture des vidéos', category: 'social', party: 'third', declaredUnder: '3. Cookies tiers (vidéos intégrées)' }),
      entry({
        provider: 'YouTube',
        service: 'Pages de présentation des jeux de données',
        names: [exact('VISITOR_INFO1_LIVE')],
        purpose: 'Adapter la qualité de la vidéo à votre connexion',
        category: 'social',
        party: 'third',
        declaredUnder: '3. Cookies tiers (vidéos intégrées)',
      }),
    ],
  ],
  [
    'fr-multi-names-rowspan.html',
    [
      entry({ provider: 'Google', service: 'Google Analytics', names: [exact('_ga'), exact('_gid')], purpose: 'Distinguer les visiteurs', category: 'advertising', declaredUnder: 'Cookies publicitaires et réseaux sociaux' }),
      entry({ provider: 'Google', service: 'Google Analytics', names: [prefix('_ga_'), exact('_gat')], purpose: 'Limiter le nombre de requêtes', category: 'advertising', declaredUnder: 'Cookies publicitaires et réseaux sociaux' }),
      entry({ provider: 'Google', service: 'Google Tag Manager', names: [prefix('_dc_gtm_')], purpose: 'Charger les balises', category: 'advertising', declaredUnder: 'Cookies publicitaires et réseaux sociaux' }),
      entry({
        provider: 'HubSpot',
        service: 'Formulaires de contact',
        names: [exact('__hstc'), exact('hubspotutk'), exact('__hssc')],
        purpose: 'Suivre les visites liées à un formulaire',
        category: 'advertising',
        declaredUnder: 'Cookies publicitaires et réseaux sociaux',
      }),
      entry({ provider: 'HubSpot', service: 'Formulaires de contact', names: [prefix('_hs')], purpose: "Mémoriser l'état du formulaire", category: 'advertising', declaredUnder: 'Cookies publicitaires et réseaux sociaux' }),
      entry({ provider: 'LinkedIn', service: 'Bouton de partage', names: [exact('bcookie'), exact('lidc')], purpose: 'Afficher le bouton de partage', category: 'advertising', declaredUnder: 'Cookies publicitaires et réseaux sociaux' }),
      entry({
        provider: 'Hotjar',
        service: 'Cartes de chaleur',
        names: [prefix('_hjSessionUser_'), prefix('_hjSession_')],
        purpose: 'Observer les clics de façon agrégée',
        category: 'advertising',
        declaredUnder: 'Cookies publicitaires et réseaux sociaux',
      }),
    ],
  ],
  [
    'broken-markup.html',
    [
      // The « Domaine » column scopes the entry to that domain as well as the charter's own site.
      entry({ names: [exact('sessionid')], purpose: 'Connexion', duration: 'Fin de session', declaredUnder: 'Cookies nécessaires', domains: ['commune-exemple.fr', 'example.org'] }),
      entry({ provider: 'Non précisé', names: [exact('csrftoken')], duration: '12 mois', declaredUnder: 'Cookies nécessaires' }),
      entry({ provider: 'Google', names: [exact('_gcl_au')], purpose: 'Mesurer les conversions', category: 'unclear', party: 'third', declaredUnder: 'Cookies tiers' }),
    ],
  ],
  [
    'header-in-first-row-td.html',
    [
      entry({ service: 'Connexion (portail et back office)', names: [exact('sessionid')], purpose: "Reconnaître l'utilisateur connecté", declaredUnder: 'Cookies nécessaires au fonctionnement du portail' }),
      entry({ service: "Appels à l'API", names: [exact('csrftoken')], purpose: 'Empêcher les requêtes forgées', declaredUnder: 'Cookies nécessaires au fonctionnement du portail' }),
    ],
  ],
  [
    'nested-layout-table.html',
    [
      entry({ provider: 'Matomo', names: [prefix('_pk_id.')], purpose: 'Reconnaître un visiteur anonyme', category: 'statistics', duration: '13 mois', declaredUnder: "Cookies de mesure d'audience" }),
      entry({ provider: 'Matomo', names: [prefix('_pk_ref.')], purpose: "Retenir le site d'où vient le visiteur", category: 'statistics', duration: '6 mois', declaredUnder: "Cookies de mesure d'audience" }),
    ],
  ],
  [
    'fr-category-column.html',
    [
      entry({ names: [exact('sessionid')], purpose: 'Garder la connexion', duration: '2 semaines', declaredUnder: 'Nécessaire' }),
      entry({ provider: 'AT Internet', names: [exact('atuserid')], purpose: 'Compter les visiteurs', category: 'statistics', duration: '13 mois', declaredUnder: "Mesure d'audience" }),
      entry({ provider: 'Meta', names: [exact('_fbp')], purpose: "Mesurer l'efficacité des annonces", category: 'advertising', duration: '3 mois', declaredUnder: 'Publicité' }),
      entry({ provider: 'Région Exemple', names: [exact('mystere')], purpose: "Préférences d'affichage", category: 'unclear', duration: '1 an', declaredUnder: 'Autre' }),
      entry({ provider: 'Région Exemple', names: [exact('carto_state')], purpose: 'Retenir la position de la carte', category: 'non-essential', declaredUnder: 'Cookies non nécessaires' }),
      entry({ provider: 'Région Exemple', names: [exact('widget_seen')], purpose: "Ne plus montrer l'aide", category: 'unclear' }),
    ],
  ],
  ['no-table.html', []],
];

describe.each(expected)('reading the charter in %s', (file, entries) => {
  const { charter } = parse(fixture(`charters/${file}`));

  it('finds every declared cookie with its provider, service, purpose, category and duration', () => {
    expect(charter.entries).toStrictEqual(entries);
  });

  it('records the page as a live charter of the site', () => {
    expect(charter).toMatchObject({ ...meta, source: 'live' });
  });
});

describe('the data.issy.com charter', () => {
  const { charter, warnings } = parse(fixture('charte-cookies-data.issy.com.html'));

  it('reads exactly the bundled copy, in its own wording', () => {
    expect(charter.entries).toStrictEqual(issyCharter.entries);
    expect(hasChanges(diffCharters(issyCharter, charter))).toBe(false);
  });

  it('reads without a warning', () => {
    expect(warnings).toEqual([]);
  });
});

describe('warnings', () => {
  const warningsOf = (file: string) => parse(fixture(`charters/${file}`)).warnings;

  it.each<[string, RegExp[]]>([
    ['header-in-first-row-td.html', [/^Tableau 2\u00a0: aucune colonne de nom de cookie reconnue\u00a0; tableau ignoré\.$/]],
    ['no-table.html', [/^Aucun tableau de cookies reconnu dans cette page\.$/]],
    ['fr-3-columns-no-provider.html', [/^Tableau 1\u00a0: pas de colonne de prestataire\u00a0; prestataire « Non précisé »\.$/]],
    [
      'broken-markup.html',
      [/^Tableau 1, ligne 6\u00a0: « mon cookie » n'est pas un nom de cookie lisible\u00a0; ignoré\.$/, /^Tableau 2\u00a0: aucun titre .*« nécessité non précisée »/],
    ],
    ['fr-category-column.html', [/^Tableau 1\u00a0: aucun titre/, /^Tableau 3\u00a0: aucun titre.*« nécessité non précisée » et conservés par la suppression\.$/]],
  ])('explains what %s leaves out or guesses', (file, patterns) => {
    const warnings = warningsOf(file);
    expect(warnings).toHaveLength(patterns.length);
    patterns.forEach((pattern, i) => expect(warnings[i]).toMatch(pattern));
  });

  it('keeps them as keys and substitutions, said in the language spoken where they are shown', async () => {
    // Read in the portal's page, where the visitor's chosen language is not loaded: no sentence there.
    const { warnings } = parseCharter(new DOMParser().parseFromString(fixture('charters/broken-markup.html'), 'text/html'), meta);
    expect(warnings[0]).toEqual({
      key: 'charterStatus.warning.rowNotReadable',
      subs: [{ key: 'charterStatus.warning.table', subs: [1] }, 6, 'mon cookie'],
    });
    setMessages('en', await messagesOf('en'));
    expect(warnings.map(say)).toEqual([
      'Table 1, row 6: “mon cookie” is not a readable cookie name; ignored.',
      expect.stringMatching(/^Table 2: no heading says which cookies these are; .*“necessity not stated”/),
    ]);
    const prose = parseCharter(new DOMParser().parseFromString(readFileSync(join(import.meta.dirname, '../../fixtures/layouts/prose-records.html'), 'utf8'), 'text/html'), meta);
    expect(prose.warnings).toEqual([{ key: 'charterStatus.warning.inProse', count: 6, subs: [] }]);
    expect(say(prose.warnings[0]!)).toBe('6 cookies read in the page’s text, outside any table.');
    setMessages('fr', await messagesOf('fr'));
    expect(say(prose.warnings[0]!)).toBe('6\u00a0cookies lus dans le texte de la page, hors tableau.');
  });

  it.each(['fr-4-columns-issy-like.html', 'en-supplier-name-duration.html', 'fr-several-sections.html', 'fr-multi-names-rowspan.html', 'nested-layout-table.html'])(
    'has nothing to say about %s',
    (file) => expect(warningsOf(file)).toEqual([]),
  );
});

describe('reading layouts the fixtures do not show', () => {
  const table = (heading: string, header: string, rows: string) =>
    `<h2>${heading}</h2><table><tr>${header}</tr>${rows}</table>`;

  it('keeps columns in place under a colspan header and carries a rowspan provider down', () => {
    const { charter } = parse(
      table(
        'Cookies nécessaires',
        '<th>Prestataire</th><th colspan="2">Nom du cookie</th><th>Finalité</th>',
        '<tr><td rowspan="2">Opendatasoft</td><td colspan="2">a</td><td>A</td></tr><tr><td>b</td><td>c</td><td>B</td></tr>',
      ),
    );
    expect(charter.entries.map((e) => [e.provider, e.names, e.purpose])).toEqual([
      ['Opendatasoft', [exact('a')], 'A'],
      ['Opendatasoft', [exact('b')], 'B'],
    ]);
  });

  it('skips a header row repeated further down the table', () => {
    const { charter, warnings } = parse(
      table(
        'Cookies tiers',
        '<th>Cookie</th><th>Finalité</th>',
        '<tr><td>a</td><td>A</td></tr><tr><th>Cookie</th><th>Finalité</th></tr><tr><td>cookie_b</td><td>Finalité du cookie b</td></tr>',
      ),
    );
    expect(charter.entries.flatMap((e) => e.names)).toEqual([exact('a'), exact('cookie_b')]);
    // « Cookies tiers » says who sets them, not whether they are necessary.
    expect(warnings).toEqual([
      expect.stringMatching(/^Tableau 1\u00a0: aucun titre .*« nécessité non précisée »/),
      `Tableau 1\u00a0: pas de colonne de prestataire\u00a0; prestataire « Non précisé ».`,
    ]);
  });

  it.each<[string, CharterEntry['category'], CharterEntry['party']]>([
    ['Cookies non nécessaires', 'non-essential', undefined],
    // « fonctionnels » may mean necessary or not; beside a kind that needs consent, the label does
    // not say which cookie is which.
    ['Cookies fonctionnels et de mesure d’audience', 'unclear', undefined],
    ['Non-essential (functional) cookies', 'non-essential', undefined],
    ['Cookies nécessaires et de mesure d’audience', 'unclear', undefined],
    ['Cookies strictement nécessaires', 'necessary', undefined],
    ['Cookies no necesarias', 'non-essential', undefined],
    ['Cookies de Rendimiento', 'statistics', undefined],
    ['Marketing cookies', 'advertising', undefined],
    ['Cookies de préférences', 'preferences', undefined],
    // « internes » says who sets them, not what they are for.
    ['Cookies internes', 'unclear', 'first'],
    ['Social media cookies', 'social', undefined],
    ['Third-party advertising cookies', 'advertising', 'third'],
  ])('classifies a table under « %s » as %s (party: %s), in the heading’s words', (heading, category, party) => {
    const { charter } = parse(table(heading, '<th>Cookie</th><th>Purpose</th>', '<tr><td>x</td><td>y</td></tr>'));
    const { category: read, party: setBy, declaredUnder } = charter.entries[0]!;
    expect({ read, setBy, declaredUnder }).toEqual({ read: category, setBy: party, declaredUnder: heading });
  });

  it('keeps the category named above a third-party section, flagged third party', () => {
    const { charter } = parse(
      `<h2>Cookies de mesure d’audience</h2><h3>Cookies tiers</h3><table><tr><th>Cookie</th><th>Finalité</th></tr><tr><td>_ga</td><td>Compter</td></tr></table>`,
    );
    expect(charter.entries[0]).toMatchObject({ category: 'statistics', party: 'third', declaredUnder: 'Cookies de mesure d’audience' });
  });

  it('gives no older category to a subheading that titles a group of cookies without saying what for', () => {
    const { charter } = parse(
      `<h2>Cookies de mesure d’audience</h2><h3>Les cookies de la plateforme</h3><table><tr><th>Cookie</th><th>Finalité</th></tr><tr><td>django_language</td><td>Langue</td></tr></table>`,
    );
    expect(charter.entries[0]).toMatchObject({ category: 'unclear', declaredUnder: 'Les cookies de la plateforme' });
  });

  it('reads who sets a cookie from a « Type » cell without losing the section’s category', () => {
    const { charter } = parse(
      table('Cookies nécessaires', '<th>Cookie</th><th>Type</th><th>Finalité</th>', '<tr><td>cdn_lb</td><td>Tiers</td><td>Répartir la charge</td></tr>'),
    );
    expect(charter.entries[0]).toMatchObject({ category: 'necessary', party: 'third', declaredUnder: 'Cookies nécessaires' });
  });

  it.each([
    ['« préfixe _pk »', [prefix('_pk')]],
    ['Any cookie starting with “_hs”', [prefix('_hs')]],
    ['cookies beginning with _ga', [prefix('_ga')]],
    ['cookies commençant par “_pk”', [prefix('_pk')]],
    ['_hj*', [prefix('_hj')]],
    ["'sessionid'", [exact('sessionid')]],
    ['`csrftoken`.', [exact('csrftoken')]],
    ['_ga et _gid', [exact('_ga'), exact('_gid')]],
    ['N/A', []],
    ['aucun', []],
    ['a=b', []],
    ['*', []],
  ])('reads the name cell %s', (cell, names) => {
    const { charter } = parse(table('Cookies tiers', '<th>Cookie</th><th>Finalité</th>', `<tr><td>${cell}</td><td>x</td></tr>`));
    expect(charter.entries.flatMap((e) => e.names)).toEqual(names);
  });
});

describe('durationSeconds', () => {
  const DAY = 86_400;
  const MONTH = 30.436875 * DAY;
  const YEAR = 365.2425 * DAY;
  it.each<[string, number | undefined]>([
    ['6 mois', 6 * MONTH],
    ['13 mois', 13 * MONTH],
    ['2 semaines', 14 * DAY],
    ['1 an', YEAR],
    ['24 heures', DAY],
    ['30 jours', 30 * DAY],
    ['session', 0],
    ['fin de session', 0],
    ['Session', 0],
    ['end of session', 0],
    ['sesión', 0],
    ['2 weeks by default', 14 * DAY],
    ['Up to 12 months', 12 * MONTH],
    ["jusqu'à 13 mois", 13 * MONTH],
    ['jusqu’à 13 mois', 13 * MONTH],
    ['1 year', YEAR],
    ['2 years', 2 * YEAR],
    ['30 minutes', 1800],
    ['1 año', YEAR],
    ['2 años', 2 * YEAR],
    ['6 meses', 6 * MONTH],
    ['1 día', DAY],
    ['un an', YEAR],
    ['deux ans', 2 * YEAR],
    ['six mois', 6 * MONTH],
    ['une semaine', 7 * DAY],
    ['douze mois', 12 * MONTH],
    ['treize mois', 13 * MONTH],
    ['one year', YEAR],
    ['thirteen months', 13 * MONTH],
    ['de 1 à 13 mois', 13 * MONTH],
    ['between 1 and 13 months', 13 * MONTH],
    ['24h', DAY],
    ['1,5 an', 1.5 * YEAR],
    ['persistant', undefined],
    ['', undefined],
    ['variable', undefined],
    ['13', undefined],
  ])('reads « %s »', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds === undefined ? undefined : Math.round(seconds));
  });
});

describe('diffCharters', () => {
  const base: Charter = {
    site: 'data.example.org',
    url: meta.url,
    source: 'bundled',
    fetchedAt: '2026-01-01',
    entries: [
      { provider: 'Opendatasoft', names: [exact('sessionid')], purpose: 'Session', category: 'necessary' },
      { provider: 'Matomo', names: [prefix('_pk_')], purpose: 'Audience', category: 'statistics', duration: '13 mois' },
    ],
  };
  const withEntries = (entries: CharterEntry[]): Charter => ({ ...base, source: 'live', entries });

  it('finds nothing between a charter and itself', () => {
    expect(diffCharters(base, base)).toEqual({ added: [], removed: [], changed: [] });
    expect(hasChanges(diffCharters(base, base))).toBe(false);
  });

  it('names added and removed cookies, prefix rules as `prefix*`', () => {
    const after = withEntries([base.entries[0]!, { provider: 'Google', names: [exact('_ga'), prefix('_ga_')], purpose: 'Audience', category: 'statistics' }]);
    expect(diffCharters(base, after)).toEqual({ added: ['_ga', '_ga_*'], removed: ['_pk_*'], changed: [] });
  });

  it('names the fields that changed', () => {
    const after = withEntries([
      { ...base.entries[0]!, purpose: 'Garder la session ouverte' },
      { ...base.entries[1]!, category: 'advertising', duration: '25 mois' },
    ]);
    expect(diffCharters(base, after).changed).toEqual([
      { name: 'sessionid', fields: ['purpose'] },
      { name: '_pk_*', fields: ['category', 'duration'] },
    ]);
  });

  it('tells a prefix rule from the exact name it spells', () => {
    const after = withEntries([base.entries[0]!, { ...base.entries[1]!, names: [exact('_pk_')] }]);
    expect(diffCharters(base, after)).toMatchObject({ added: ['_pk_'], removed: ['_pk_*'] });
  });

  it('sees a cookie moved between entries with the same wording as unchanged', () => {
    const after = withEntries([{ ...base.entries[0]!, names: [exact('sessionid')] }, base.entries[1]!]);
    expect(hasChanges(diffCharters(base, after))).toBe(false);
  });
});

describe('more header and heading wordings', () => {
  it('reads « Société | Nom | But | Durée » under a performance heading', () => {
    const doc = new DOMParser().parseFromString(
      `<h2>Cookies de performance</h2><table><tr><th>Société</th><th>Nom</th><th>But</th><th>Durée</th></tr>
       <tr><td>Matomo</td><td>_pk_id.*</td><td>Compter les visites</td><td>13 mois</td></tr></table>`,
      'text/html',
    );
    const { charter } = parseCharter(doc, { site: 'data.issy.com', url: 'https://data.issy.com/', fetchedAt: '2026-11-29T00:00:00Z' });
    expect(charter.entries).toEqual([
      { provider: 'Matomo', names: [{ prefix: '_pk_id.' }], purpose: 'Compter les visites', category: 'statistics', declaredUnder: 'Cookies de performance', duration: '13 mois' },
    ]);
  });
});
