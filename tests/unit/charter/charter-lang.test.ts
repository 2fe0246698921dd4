// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { charterLang } from '@/lib/charter/lang';
import { validateCharter } from '@/lib/charter/validate';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the language of a charter page', () => {
  it.each([
    ['<html lang="en"><body></body></html>', 'en'],
    ['<html lang="fr-FR"><body></body></html>', 'fr-fr'],
    ['<html xml:lang="es"><body></body></html>', 'es'],
    ['<html><head><meta http-equiv="Content-Language" content="de, en"></head></html>', 'de'],
    ['<html><body></body></html>', undefined],
    ['<html lang="<script>"><body></body></html>', undefined],
  ])('%s → %s', (html, lang) => {
    expect(charterLang(doc(html))).toBe(lang);
  });

  it('is kept when the charter crosses to the background, and refused when it is not a language tag', () => {
    const charter = { site: 'opendata.ville-exemple.fr', url: 'https://x/', source: 'live', fetchedAt: '2026-12-05T08:00:00Z', entries: [] };
    expect(validateCharter({ ...charter, lang: 'en' }, charter.site).lang).toBe('en');
    expect(validateCharter(charter, charter.site).lang).toBeUndefined();
    expect(() => validateCharter({ ...charter, lang: 'en"><b' }, charter.site)).toThrow('charte invalide');
  });
});
