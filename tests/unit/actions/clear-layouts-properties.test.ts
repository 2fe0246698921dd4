// @vitest-environment jsdom
/**
 * From page to clearing: whatever layout a charter uses (a heading, a bold line, the label
 * opening a paragraph, a list item, a caption, an accordion title, a term, a "Strictly
 * necessary?" column, records in prose), and whatever words it uses, clearing with the preview's
 * defaults never deletes a cookie the page declares necessary, nor an Opendatasoft platform
 * cookie the page does not declare non-essential.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseCharter } from '@/lib/charter/parse';
import { clearNonEssential, previewClear } from '@/lib/actions/clear';
import { cookieKey, type StoredCookie } from '@/lib/cookies/model';
import { PLATFORM_COOKIES } from '@/lib/cookies/platform';
import { settings } from '@/lib/actions/keep-names';
import { MemoryCookies } from '../support/memory-cookies';

const PLATFORM = [...PLATFORM_COOKIES];
const OTHERS = ['_ga', '_gid', 'lb_route', 'map_theme', '_hjid', 'ads_uid'];

/** Label words, by what the page means by them. */
const NECESSARY = ['Cookies strictement nécessaires', 'Strictly necessary cookies', 'Cookies esenciales', 'Cookies techniques', 'Essential cookies', 'Cookies indispensables', 'Cookies técnicas'];
const UNSAID = ['Cookies fonctionnels', 'Functional cookies', 'Les cookies de la plateforme', 'Cookies', 'Cookies internes', 'Third-party cookies'];
const CONSENT = ['Cookies de mesure d’audience', 'Non-essential (functional) cookies', 'Cookies no necesarias', 'Marketing cookies', 'Cookies non essentiels'];
type Meaning = 'necessary' | 'unsaid' | 'consent';
/** Layouts of pages nobody described, each under an `<h2>` label: lines, sentences, text tables, a "Key" column. */
const UNDER_A_HEADING = ['lines', 'sentence', 'tabs', 'pipes', 'key'] as const;
/** Labels that say who sets the cookies and nothing of what they are for. */
const PARTY_ONLY = ['Cookies internes', 'Third-party cookies'];

/** One section: a label of some meaning, written in some layout, above some names. */
const arbSection = fc.record({
  meaning: fc.constantFrom<Meaning>('necessary', 'unsaid', 'consent'),
  pick: fc.nat(),
  layout: fc.constantFrom('h2', 'h3', 'bold', 'inline', 'li', 'caption', 'summary', 'button', 'dt', 'column', 'records', ...UNDER_A_HEADING, 'span'),
  names: fc.uniqueArray(fc.constantFrom(...PLATFORM, ...OTHERS), { minLength: 1, maxLength: 4 }),
  header: fc.constantFrom(['Nom du cookie', 'Finalité'], ['Supplier name', 'Cookie name', 'Duration', 'Function'], ['Cookie', 'Proveedor', 'Finalidad']),
});
type Section = typeof arbSection extends fc.Arbitrary<infer T> ? T : never;

function labelFor(section: Section): string {
  const words = { necessary: NECESSARY, unsaid: UNSAID, consent: CONSENT }[section.meaning];
  return words[section.pick % words.length]!;
}

function table(section: Section, caption = ''): string {
  const head = section.header.map((h) => `<th>${h}</th>`).join('');
  const nameAt = section.header.findIndex((h) => /nom|name|cookie/i.test(h) && !/supplier/i.test(h));
  const rows = section.names
    .map((name) => `<tr>${section.header.map((_, i) => `<td>${i === nameAt ? name : 'Texte'}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${caption ? `<caption>${caption}</caption>` : ''}<tr>${head}</tr>${rows}</table>`;
}

function render(section: Section): string {
  const label = labelFor(section);
  switch (section.layout) {
    case 'h2':
    case 'h3':
      return `<${section.layout}>${label}</${section.layout}><p>Ces cookies sont décrits ci-dessous.</p>${table(section)}`;
    case 'bold':
      return `<h2>Section</h2><p><strong>${label}</strong></p>${table(section)}`;
    case 'inline':
      return `<h2>Section</h2><p>${label} : voici à quoi ils servent.</p>${table(section)}`;
    case 'li':
      return `<h2>Section</h2><ul><li>${label}</li></ul>${table(section)}`;
    case 'caption':
      return `<h2>Section</h2>${table(section, label)}`;
    case 'summary':
      return `<h2>Section</h2><details open><summary>${label}</summary>${table(section)}</details>`;
    case 'button':
      return `<h2>Section</h2><button type="button">${label}</button><div>${table(section)}</div>`;
    case 'dt':
      return `<h2>Section</h2><dl><dt>${label}</dt><dd>${table(section)}</dd></dl>`;
    case 'column': {
      // The label's meaning said row by row: yes for necessary, no for consent, nothing otherwise.
      const answer = { necessary: 'Yes', unsaid: '', consent: 'No' }[section.meaning];
      const rows = section.names.map((name) => `<tr><td>${name}</td><td>${answer}</td></tr>`).join('');
      return `<h2>Section</h2><table><tr><th>Name</th><th>Strictly necessary?</th></tr>${rows}</table>`;
    }
    case 'records':
      return `<h2>${label}</h2>${section.names.map((name) => `<p>Nom : ${name} ; Finalité : un usage ; Durée : 1 an</p>`).join('')}`;
    case 'lines':
      return `<h2>${label}</h2><ul>${section.names.map((name) => `<li><strong>${name}</strong> : un cookie pour un usage, gardé 1 an</li>`).join('')}</ul>`;
    case 'sentence':
      return `<h2>${label}</h2>${section.names.map((name) => `<p>Le portail dépose un cookie nommé <code>${name}</code> pour un usage.</p>`).join('')}`;
    case 'tabs':
      return `<h2>${label}</h2><p>Nom du cookie\tFinalité\tDurée</p>${section.names.map((name) => `<p>${name}\tUn usage\t1 an</p>`).join('')}`;
    case 'pipes':
      return `<h2>${label}</h2><p>| Name | Purpose | Expiry |\n|---|---|---|\n${section.names.map((name) => `| ${name} | A use | 1 year |`).join('\n')}</p>`;
    case 'key':
      return `<h2>${label}</h2><table><tr><th>Key</th><th>Purpose</th></tr>${section.names.map((name) => `<tr><td>${name}</td><td>A use</td></tr>`).join('')}</table>`;
    case 'span':
      return `<h2>Section</h2><div><span>${label}</span><p class="text">What these do, in a few words.</p>${table(section)}</div>`;
  }
  return '';
}

const cookie = (name: string): StoredCookie => ({
  name,
  value: `${name}-v`,
  domain: 'data.issy.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: false,
  sameSite: 'lax',
  session: false,
  expirationDate: 1_900_000_000,
  storeId: '0',
});

describe('clearing a charter read from any layout', () => {
  it('with the defaults, never deletes what the page declares necessary, nor a platform cookie it does not call non-essential', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbSection, { minLength: 1, maxLength: 4 }), async (sections) => {
        const html = `<main><h1>Politique cookies</h1>${sections.map(render).join('')}</main>`;
        const { charter } = parseCharter(new DOMParser().parseFromString(html, 'text/html'), {
          site: 'data.issy.com',
          url: 'https://data.issy.com/terms/cookies-policy/',
          fetchedAt: '2026-12-01T10:00:00Z',
        });
        // What the page means for each name: the first section declaring it, as the matcher reads.
        // A subheading that only says who sets the cookies ("Third-party cookies") belongs to the
        // heading above it, and means what that heading means.
        const meaning = new Map<string, Meaning>();
        let above: Meaning = 'unsaid';
        for (const s of sections) {
          if (s.layout === 'h2' || s.layout === 'records' || (UNDER_A_HEADING as readonly string[]).includes(s.layout)) above = s.meaning;
          else if (s.layout !== 'h3') above = 'unsaid'; // under « Section »
          const means = s.layout === 'h3' && PARTY_ONLY.includes(labelFor(s)) ? above : s.meaning;
          for (const name of s.names) if (!meaning.has(name)) meaning.set(name, means);
        }
        const cookies = [...meaning.keys()].map(cookie);
        fakeBrowser.reset();
        const jar = new MemoryCookies(cookies).install();
        await settings.setValue({ keepNames: [] });
        const preview = await previewClear(charter);
        await clearNonEssential(charter, preview.toDelete.map((c) => c.id));
        for (const c of cookies) {
          const kept = jar.jar.some((j) => cookieKey(j) === cookieKey(c));
          const must = meaning.get(c.name) === 'necessary' || (PLATFORM.includes(c.name) && meaning.get(c.name) !== 'consent');
          if (must) expect(kept, `${c.name} (${meaning.get(c.name)}) in ${html}`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
