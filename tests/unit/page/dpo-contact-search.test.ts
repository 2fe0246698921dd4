// @vitest-environment jsdom
/**
 * Where Témoin looks for the DPO's contact, with the charter's fetch limits, and what the
 * background keeps of the page's answer (the page is untrusted).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contactCandidates, findContactInPage } from '@/lib/page/contact';
import { validateContactSearch } from '@/lib/letter/validate-contact';

const origin = location.origin;
const html = (name: string) => readFileSync(`tests/fixtures/contacts/${name}`, 'utf8');

function answer(body: string, url: string, status = 200): Response {
  const response = new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
  return Object.defineProperty(response, 'url', { value: url });
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the pages Témoin reads for the DPO’s contact', () => {
  it('takes the charter page, two legal footer links at most judged by their path, then the platform’s known pages', () => {
    const links = [
      '/account/logout/?next=mentions-legales',
      '/pages/mentions-legales/',
      '/explore/?q=rgpd',
      '/pages/donnees-personnelles/',
      '/pages/confidentialite/',
      'https://ville-exemple.fr/mentions-legales/',
    ].map((p) => new URL(p, 'https://data.issy.com').href);
    expect(contactCandidates('https://data.issy.com/explore/', links, 'https://data.issy.com/terms/cookies-policy/', 'fr')).toEqual([
      'https://data.issy.com/terms/cookies-policy/',
      'https://data.issy.com/pages/mentions-legales/',
      'https://data.issy.com/pages/donnees-personnelles/',
      'https://data.issy.com/terms/privacy-policy/?flg=fr',
      'https://data.issy.com/terms/terms-and-conditions/?flg=fr',
    ]);
  });

  it('never takes a charter address of another origin or with credentials', () => {
    for (const charter of ['https://elsewhere.example/terms/cookies-policy/', 'https://user:pw@data.issy.com/terms/cookies-policy/']) {
      expect(contactCandidates('https://data.issy.com/', [], charter, '')[0]).toBe('https://data.issy.com/terms/privacy-policy/');
    }
  });

  it('reads the page the visitor is on first, without any request', async () => {
    document.body.innerHTML = '<p>Délégué à la protection des données : dpo@ville.fr</p>';
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await findContactInPage()).toEqual({ contact: { kind: 'email', address: 'dpo@ville.fr', foundOn: location.href }, looked: [location.href] });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks without cookies, stops at the first page with an address, and says where it looked', async () => {
    document.body.innerHTML = `<footer><a href="${origin}/pages/mentions-legales/">Mentions légales</a></footer>`;
    const pages: Record<string, string> = {
      [`${origin}/terms/cookies-policy/`]: '<h1>Charte</h1><table><tr><td>sessionid</td></tr></table>',
      [`${origin}/pages/mentions-legales/`]: html('table.html'),
    };
    const fetch = vi.fn(async (url: string, _init: RequestInit) => (pages[url] ? answer(pages[url], url) : answer('<h1>404</h1>', url, 404)));
    vi.stubGlobal('fetch', fetch);
    const found = await findContactInPage(`${origin}/terms/cookies-policy/`);
    expect(found).toEqual({
      contact: { kind: 'email', address: 'protection.donnees@agglo-orne.fr', foundOn: `${origin}/pages/mentions-legales/` },
      looked: [location.href, `${origin}/terms/cookies-policy/`, `${origin}/pages/mentions-legales/`],
    });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([`${origin}/terms/cookies-policy/`, `${origin}/pages/mentions-legales/`]);
    for (const [, init] of fetch.mock.calls) expect(init).toMatchObject({ method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('gives the form when no page has an address, after reading every page', async () => {
    const fetch = vi.fn(async (url: string) => (url.includes('privacy-policy') ? answer(html('form.html'), url) : answer(html('none.html'), url)));
    vi.stubGlobal('fetch', fetch);
    const found = await findContactInPage();
    expect(found.contact).toEqual({ kind: 'form', url: 'https://www.ville-exemple.fr/demarches/saisir-le-dpo', foundOn: `${origin}/terms/privacy-policy/` });
    expect(found.looked).toHaveLength(3);
  });

  it('finds nothing when no page names the DPO', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(html('none.html'), url)));
    expect(await findContactInPage()).toEqual({ looked: [location.href, `${origin}/terms/privacy-policy/`, `${origin}/terms/terms-and-conditions/`] });
  });
});

describe('what the background keeps of the page’s answer', () => {
  const site = 'https://data.issy.com';

  it('keeps a plain address found on the portal, and the portal’s addresses read', () => {
    const value = { contact: { kind: 'email', address: 'dpo@ville.fr', foundOn: `${site}/pages/mentions/` }, looked: [`${site}/`, `${site}/pages/mentions/`] };
    expect(validateContactSearch(value, site)).toEqual(value);
  });

  it.each([
    ['an address that would add recipients', { kind: 'email', address: 'dpo@ville.fr?bcc=all@evil.example', foundOn: `${site}/` }],
    ['an address with a line break', { kind: 'email', address: 'dpo@ville.fr\r\nBcc: x@evil.example', foundOn: `${site}/` }],
    ['an address found on another site', { kind: 'email', address: 'dpo@ville.fr', foundOn: 'https://elsewhere.example/' }],
    ['a form that is a script', { kind: 'form', url: 'javascript:alert(1)', foundOn: `${site}/` }],
    ['a form with credentials', { kind: 'form', url: 'https://user:pw@ville.fr/form', foundOn: `${site}/` }],
    ['a form whose address is huge', { kind: 'form', url: `https://ville.fr/${'a'.repeat(3000)}`, foundOn: `${site}/` }],
    ['something else', { kind: 'phone', number: '0123', foundOn: `${site}/` }],
  ])('drops %s', (_case, contact) => {
    expect(validateContactSearch({ contact, looked: [] }, site)).toEqual({ looked: [] });
  });

  it('keeps only the portal’s own addresses among those said to be read, eight at most', () => {
    const looked = ['https://elsewhere.example/', 42, ...Array.from({ length: 12 }, (_, i) => `${site}/p${i}`)];
    expect(validateContactSearch({ looked }, site).looked).toEqual(Array.from({ length: 8 }, (_, i) => `${site}/p${i}`));
    expect(validateContactSearch(null, site)).toEqual({ looked: [] });
  });
});
