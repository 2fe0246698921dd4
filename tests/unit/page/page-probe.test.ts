// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { footerLinks } from '@/lib/page/fetch-charter';
import { probePage } from '@/lib/page/probe';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  localStorage.clear();
  sessionStorage.clear();
});

describe('reading a portal page', () => {
  it.each([
    ['', []],
    ['a=1', ['a']],
    ['a=1; b=2; a=3', ['a', 'b', 'a']],
    ['novalue; x==y', ['', 'x']],
    [' spaced = 1 ;t=', ['spaced', 't']],
  ])('reads document.cookie %j as the names %j', (text, names) => {
    vi.spyOn(document, 'cookie', 'get').mockReturnValue(text);
    expect(probePage().cookieNames).toEqual(names);
  });

  it('lists storage keys, never their values', () => {
    localStorage.setItem('_hjid', 'secret-id');
    sessionStorage.setItem('ods-state', '{"q":1}');
    const probe = probePage();
    expect(probe.localStorageKeys).toEqual(['_hjid']);
    expect(probe.sessionStorageKeys).toEqual(['ods-state']);
    expect(JSON.stringify(probe)).not.toContain('secret-id');
  });

  it('recognises Opendatasoft markup and finds the charter link in the footer', () => {
    document.body.innerHTML = `
      <header class="ods-front-header"></header>
      <a href="/explore/">Données</a>
      <footer class="ods-front-footer"><a href="/terms/cookies-policy/">Charte cookies</a>
      <a href="https://elsewhere.example/cookies">ailleurs</a></footer>`;
    expect(probePage().opendatasoftMarkup).toBe(true);
    expect(footerLinks()).toEqual([new URL('/terms/cookies-policy/', location.href).href]);
  });

  it('says when the page is not an Opendatasoft portal', () => {
    document.body.innerHTML = '<main class="content"><a href="/x">x</a></main>';
    expect(probePage().opendatasoftMarkup).toBe(false);
  });
});
