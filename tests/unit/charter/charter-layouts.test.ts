// @vitest-environment jsdom
/**
 * Layout families of real charters, each in a fixture of our own (tests/fixtures/layouts/ and the
 * replica's newer template): where the category and the names sit, and what must read as necessary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CharterEntry } from '@/lib/charter/model';
import { durationSeconds } from '@/lib/charter/duration';
import { parseCharter } from '@/lib/charter/parse';
import { scopeToSite } from '@/lib/charter/scope';
import { say } from '@/lib/i18n/said';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../../fixtures', path), 'utf8');
const meta = { site: 'data.example.org', url: 'https://data.example.org/p/cookies/', fetchedAt: '2026-12-01T10:00:00.000Z' };
/** Read as the page script reads it, then scoped as the background keeps it. */
const parse = (html: string) => {
  const { charter, warnings } = parseCharter(new DOMParser().parseFromString(html, 'text/html'), meta);
  // As the popup says them, in French unless told otherwise.
  return { charter: scopeToSite(charter), warnings: warnings.map(say) };
};

/** name → category and the words it was declared under, for compact expectations. */
function byName(entries: CharterEntry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    for (const n of e.names) out['exact' in n ? n.exact : `${n.prefix}*`] = `${e.category} | ${e.declaredUnder ?? ''}`;
  }
  return out;
}

describe('the newer Opendatasoft template: an inline label opening the paragraph above each table', () => {
  it('reads the platform cookies as necessary under the label, and the audience cookie as statistics', () => {
    const { charter } = parse(fixture('charte-cookies-modele-recent.html'));
    expect(byName(charter.entries)).toEqual({
      sessionid: 'necessary | Cookies nécessaires au bon fonctionnement de la plateforme',
      csrftoken: 'necessary | Cookies nécessaires au bon fonctionnement de la plateforme',
      cookies_preferences: 'necessary | Cookies nécessaires au bon fonctionnement de la plateforme',
      django_language: 'necessary | Cookies nécessaires au bon fonctionnement de la plateforme',
      _ga: "statistics | Cookies de mesure d'audience",
    });
  });

  it('reads the English label, not bold, over an older heading that names another kind', () => {
    const { charter } = parse(`<h2>Analytics</h2><p>Intro.</p>
      <p>Strictly necessary cookies: these keep you signed in and remember your choice.</p>
      <table><tr><th>Supplier name</th><th>Cookie name</th><th>Duration</th><th>Function</th></tr>
      <tr><td>Opendatasoft</td><td>sessionid</td><td>2 weeks</td><td>Session</td></tr></table>`);
    expect(byName(charter.entries)).toEqual({ sessionid: 'necessary | Strictly necessary cookies' });
  });

  it('takes no label from running text before a colon', () => {
    const { charter } = parse(`<h2>Cookies de mesure d'audience</h2>
      <p>Nous utilisons des cookies nécessaires et d'autres qui ne le sont pas. Voici la liste : elle change parfois.</p>
      <table><tr><th>Nom du cookie</th><th>Finalité</th></tr><tr><td>_pk_id</td><td>Compter</td></tr></table>`);
    expect(byName(charter.entries)).toEqual({ _pk_id: "statistics | Cookies de mesure d'audience" });
  });
});

const layout = (name: string) => parse(fixture(`layouts/${name}`));
const names = (entries: CharterEntry[]) => entries.flatMap((e) => e.names.map((n) => ('exact' in n ? n.exact : `${n.prefix}*`)));

describe('inline labels opening a paragraph (inline-label-en)', () => {
  const { charter } = layout('inline-label-en.html');
  it('reads each table under the label right above it, a negation covering its whole phrase', () => {
    expect(byName(charter.entries)).toEqual({
      sessionid: 'necessary | Strictly necessary cookies',
      csrftoken: 'necessary | Strictly necessary cookies',
      map_style: 'non-essential | Non-essential (functional) cookies',
      '_pk_id.*': 'statistics | Audience measurement cookies',
    });
  });
  it('keeps the provider column and the duration as written', () => {
    expect(charter.entries[0]).toMatchObject({ provider: 'Opendatasoft', duration: '2 weeks', purpose: 'Keeps a signed-in visitor signed in.' });
  });
});

describe('bold lines (bold-line-fr)', () => {
  it('takes a bold paragraph and a bold line between line breaks over the older heading', () => {
    const { charter } = layout('bold-line-fr.html');
    expect(byName(charter.entries)).toEqual({
      sessionid: 'necessary | Cookies indispensables au service',
      ads_seen: 'advertising | Cookies publicitaires',
    });
    // « Échéance » is the duration column.
    expect(charter.entries.map((e) => e.duration)).toEqual(['Fin de session', '1 an et 6 mois']);
  });
});

describe('a list item, a caption, accordion titles and a term (list-item-caption-accordion)', () => {
  it('reads the category from each', () => {
    const { charter } = layout('list-item-caption-accordion.html');
    expect(byName(charter.entries)).toEqual({
      csrftoken: 'necessary | Cookies strictement nécessaires',
      _ga: 'statistics | Cookies de mesure d’audience',
      django_language: 'necessary | Essential cookies',
      ad_uid: 'advertising | Advertising cookies',
      share_cnt: 'social | Cookies de redes sociales',
      cookies_preferences: 'necessary | Cookies techniques',
    });
  });
});

describe('per-row columns (per-row-columns)', () => {
  const { charter } = layout('per-row-columns.html');
  it('keeps a third-party row of a necessary section necessary, flagged third party', () => {
    expect(charter.entries.slice(0, 2).map((e) => [names([e])[0], e.category, e.party, e.provider])).toEqual([
      ['lb_route', 'necessary', 'third', 'CDN'],
      ['sessionid', 'necessary', 'first', 'Opendatasoft'],
    ]);
  });
  it('reads "Strictly necessary? Yes/No", « Catégorie » and "Type" cells row by row', () => {
    expect(byName(charter.entries.slice(2))).toEqual({
      csrftoken: 'necessary | Is this cookie strictly necessary? Yes',
      tour_done: 'preferences | Preference',
      _gid: 'statistics | Analytics',
      _hjid: 'statistics | Mesure d’audience',
      lang_choice: 'preferences | Fonctionnalité',
    });
  });
  it('reads "Expiry" and "Lasts for" as durations', () => {
    expect(charter.entries.slice(2, 4).map((e) => e.duration)).toEqual(['1 year', 'Lasts for 30 days']);
  });
});

describe('the name column chosen by its content (name-column-by-content-es)', () => {
  const { charter, warnings } = layout('name-column-by-content-es.html');
  it('takes names from "Nombre" and the kind from "Cookie"; reads "Titre | Description" by its first column', () => {
    expect(byName(charter.entries)).toEqual({
      _ga: 'statistics | HTTP (Estadística)',
      IDE: 'advertising | HTTP (Marketing)',
      lang: 'unclear | ',
    });
  });
  it('warns that a kind in a name cell is no name, and skips a table of storage keys', () => {
    expect(warnings).toContainEqual(expect.stringMatching(/« Analytics » désigne une sorte de cookie ou un outil/));
    expect(warnings).toContainEqual(expect.stringMatching(/clés de stockage local, pas des cookies/));
    expect(names(charter.entries)).not.toContain('consent_state');
  });
});

describe('vertical one-cookie tables and a domain column (vertical-and-domain)', () => {
  const { charter } = layout('vertical-and-domain.html');
  it('reads a table whose first column holds the keys as one cookie', () => {
    expect(charter.entries.slice(0, 2)).toEqual([
      { provider: 'Google', names: [{ exact: '_ga' }], purpose: 'Counts visitors', category: 'statistics', declaredUnder: 'Analytics cookies', duration: '2 years' },
      { provider: 'Non précisé', names: [{ exact: '_gid' }], purpose: 'Counts visitors for a day', category: 'statistics', declaredUnder: 'Analytics cookies', duration: '24 hours' },
    ]);
  });
  it('scopes an entry to its « Host » as well as the charter’s own site; "Session or persistent" is the duration', () => {
    expect(charter.entries.slice(2).map((e) => [names([e])[0], e.domains, e.duration])).toEqual([
      ['__cf_bm', ['example.net', 'example.org'], 'Persistent'],
      ['sessionid', ['example.org'], 'Session'],
    ]);
  });
});

describe('records in prose (prose-records)', () => {
  const { charter } = layout('prose-records.html');
  it('reads « Nom : x ; Finalité : y ; Durée : z », "Name: x; Purpose: y" and a name followed by "Tipo: / Caducidad:" lines', () => {
    expect(charter.entries.map((e) => [names([e]).join(), e.category, e.purpose, e.duration ?? ''])).toEqual([
      ['sessionid', 'necessary', 'garder votre session ouverte', '2 semaines'],
      ['csrftoken', 'necessary', 'protéger les formulaires', '1 an'],
      ['_pk_ses.*', 'statistics', 'groups the pages of one visit', '30 minutes'],
      ['_pk_ref', 'statistics', 'remembers where you came from', '6 months'],
      ['_fbp', 'advertising', 'Publicidad en redes', '3 meses'],
      ['fr_state', 'advertising', 'Non précisée', '1 día'],
    ]);
  });
  it('reads a kind that needs consent from running text, never « Note : » or « Contact : » as a record', () => {
    expect(charter.entries[2]!.declaredUnder).toContain('analytics');
    expect(names(charter.entries)).not.toContain('cette');
  });
});

describe('lists of names and definition lists (lists-and-definitions)', () => {
  const { charter } = layout('lists-and-definitions.html');
  it('reads names listed under a label, with a description or a count, and terms of a definition list', () => {
    expect(charter.entries.map((e) => [names([e]).join(), e.category, e.purpose, e.duration ?? ''])).toEqual([
      ['high_contrast', 'unclear', 'Non précisée', ''],
      ['_ga', 'statistics', 'Non précisée', ''],
      ['_gid', 'statistics', 'regroupe les pages d’une journée', ''],
      ['_gat', 'statistics', 'Non précisée', ''],
      ['sessionid', 'necessary', 'Garder la session ouverte.', '2 semaines'],
      ['csrftoken', 'necessary', 'Protéger les formulaires.', ''],
    ]);
  });
});

describe('name notations (name-notations)', () => {
  const { charter, warnings } = layout('name-notations.html');
  it('reads `*`, `#`, `<ID>`, `{…}` and `#[…]{32}` as prefixes and drops a count', () => {
    expect(names(charter.entries)).toEqual(['_ga_*', '_hjSession_*', 'AMCV_*', 'UUID*', '_gat', '_pk_id.*']);
  });
  it('warns that a kind or a tool in a name cell is no name', () => {
    expect(warnings).toContainEqual(expect.stringMatching(/« Cookies de session » n'est pas un nom de cookie lisible/));
    expect(warnings).toContainEqual(expect.stringMatching(/« Matomo » désigne une sorte de cookie ou un outil, pas un nom/));
  });
});

describe('running text and labels already used', () => {
  it('reads a kind needing consent from the text above a table no label names, but never a platform cookie out of its keeping', () => {
    const { charter } = parse(`<h1>Cookies</h1><p>With your permission, we use Google Analytics to learn how the portal is used.</p>
      <table><caption>Cookies we set</caption><tr><th>Name</th><th>Purpose</th></tr><tr><td>_ga</td><td>Counts</td></tr><tr><td>sessionid</td><td>Session</td></tr></table>`);
    expect(charter.entries.map((e) => [names([e])[0], e.category])).toEqual([
      ['_ga', 'statistics'],
      ['sessionid', 'unclear'],
    ]);
  });

  it('does not carry a necessary label over to a second table introduced by text about analytics', () => {
    const { charter } = parse(`<h2>Essential cookies</h2><table><tr><th>Name</th><th>Purpose</th></tr><tr><td>csrftoken</td><td>Forms</td></tr></table>
      <p>With your permission, we also use analytics to count visits.</p>
      <table><tr><th>Name</th><th>Purpose</th></tr><tr><td>_gid</td><td>Counts</td></tr></table>`);
    expect(charter.entries.map((e) => [names([e])[0], e.category])).toEqual([
      ['csrftoken', 'necessary'],
      ['_gid', 'statistics'],
    ]);
  });

  it('takes no label from a sentence before a colon', () => {
    const { charter } = parse(`<h1>Cookies</h1><p>These cookies are necessary: they keep you signed in.</p>
      <table><tr><th>Name</th><th>Purpose</th></tr><tr><td>lb_route</td><td>Routing</td></tr></table>`);
    expect(charter.entries[0]!.category).toBe('unclear');
  });

  it('never takes necessary from running text', () => {
    const { charter } = parse(`<h1>Cookies</h1><p>These cookies are strictly necessary for the portal to work.</p>
      <table><tr><th>Name</th><th>Purpose</th></tr><tr><td>lb_route</td><td>Routing</td></tr></table>`);
    expect(charter.entries[0]!.category).toBe('unclear');
  });
});

describe('two columns that could hold the name', () => {
  it('gives the names to the column that holds names, and a plain « Nom » beside it to the provider', () => {
    const { charter } = parse(`<h2>Cookies de mesure d’audience</h2><table><tr><th>Nom</th><th>Cookies</th><th>Finalité</th></tr>
      <tr><td>Matomo</td><td>_pk_id.*, _pk_ses.*</td><td>Compter</td></tr></table>`);
    expect(charter.entries).toEqual([
      { provider: 'Matomo', names: [{ prefix: '_pk_id.' }, { prefix: '_pk_ses.' }], purpose: 'Compter', category: 'statistics', declaredUnder: 'Cookies de mesure d’audience' },
    ]);
  });
});

describe('durations written in parts', () => {
  const MONTH = 30.436875 * 24 * 3600;
  it.each([
    ['1 an et 6 mois', 18],
    ['1 year 6 months', 18],
    ['1 año y 6 meses', 18],
    ['de 1 à 13 mois', 13],
    ['6 mois, ou 1 an', 12],
  ])('reads « %s » as %d months', (text, months) => {
    expect(durationSeconds(text)).toBe(Math.round(months * MONTH));
  });
});

describe('titles that name nothing', () => {
  it('end the label above them: a group titled "Unclassified" is not read under the group before it', () => {
    const { charter } = parse(`<h2>Cookie declaration</h2>
      <div><p class="group-header">Marketing (1)</p><table><tr><th>Name</th><th>Purpose</th></tr><tr><td>ads_uid</td><td>Ads</td></tr></table></div>
      <div><p class="group-header">Unclassified (1)</p><table><tr><th>Name</th><th>Purpose</th></tr><tr><td>zz_misc</td><td>Unknown</td></tr></table></div>`);
    expect(charter.entries.map((e) => [names([e])[0], e.category])).toEqual([
      ['ads_uid', 'advertising'],
      ['zz_misc', 'unclear'],
    ]);
  });
});

describe('more label wordings', () => {
  const under = (heading: string) =>
    parse(`<h2>${heading}</h2><table><tr><th>Name</th><th>Purpose</th></tr><tr><td>x_1</td><td>y</td></tr></table>`).charter.entries[0]!.category;
  it.each([
    ['Functional cookies (optional)', 'preferences'],
    ['Cookies that measure website use', 'statistics'],
    ['Cookies soumis à votre consentement', 'non-essential'],
    ['Cookies exemptés de consentement', 'necessary'],
    ['Cookies de mesure d’audience exemptés de consentement', 'unclear'],
    ['Cookies que no son necesarias', 'non-essential'],
  ])('reads « %s » as %s', (heading, category) => {
    expect(under(heading)).toBe(category);
  });
});

describe('consent-platform declarations and lists (cookie-declarations)', () => {
  const { charter } = layout('cookie-declarations.html');
  const row = (name: string) => charter.entries.find((e) => names([e]).includes(name))!;
  it('reads the name column among three "Cookie…" headers, the domains and who sets each cookie', () => {
    expect([row('IDE').category, row('IDE').party, row('IDE').domains]).toEqual(['statistics', 'third', ['doubleclick.net', 'example.org']]);
    expect(names([row('_gid')])).toEqual(['_ga', '_gid', '_ga_*']);
    expect(row('sessionid')).toMatchObject({ category: 'necessary', party: 'first', duration: 'Session' });
  });
  it('reads group headers, and an unclassified group as unclear', () => {
    expect([row('CookieConsent').category, row('_hjid').category, row('misc_flag').category]).toEqual(['necessary', 'statistics', 'unclear']);
  });
  it('reads names listed with a description, and no words listed under what is said about cookies', () => {
    expect([row('PHPSESSID').purpose, row('lang').purpose]).toEqual(['maintient la session', 'langue']);
    expect(names(charter.entries)).not.toContain('accepter');
    expect(names(charter.entries)).toHaveLength(11);
  });
});

describe('a name as a heading of its own, names right after a label (names-as-headings-and-after-labels)', () => {
  it('reads each, under the label in force', () => {
    const { charter } = layout('names-as-headings-and-after-labels.html');
    expect(charter.entries.map((e) => [names([e]).join(), e.category, e.purpose, e.duration ?? ''])).toEqual([
      ['sessionid', 'necessary', 'garder la session', '2 semaines'],
      ['csrf_token', 'necessary', 'sécurité', ''],
      ['_ga', 'statistics', 'Non précisée', ''],
      ['_gid', 'statistics', 'Non précisée', ''],
      ['_gat', 'statistics', 'Non précisée', ''],
      ['_fbp', 'advertising', 'Non précisée', ''],
    ]);
  });
});

describe('a division holding only text reads as a paragraph', () => {
  it('takes the label opening it', () => {
    const { charter } = parse(`<h2>Cookies</h2><div class="intro"><strong>Strictly necessary cookies:</strong> these keep you signed in.</div>
      <table><tr><th>Cookie name</th><th>Function</th></tr><tr><td>sessionid</td><td>Session</td></tr></table>`);
    expect(byName(charter.entries)).toEqual({ sessionid: 'necessary | Strictly necessary cookies' });
  });
});
