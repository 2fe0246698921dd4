/**
 * Layout families of real charters, each in a fixture of our own (tests/fixtures/layouts/ and the
 * replica's newer template): where the category and the names sit, and what must read as necessary.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CharterEntry } from '@/lib/charter/model';
import { parseCharter } from '@/lib/charter/parse';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '../fixtures', path), 'utf8');
const meta = { site: 'data.example.org', url: 'https://data.example.org/p/cookies/', fetchedAt: '2026-12-01T10:00:00.000Z' };
const parse = (html: string) => parseCharter(new DOMParser().parseFromString(html, 'text/html'), meta);

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
