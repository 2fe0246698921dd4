// @vitest-environment jsdom
/**
 * A charter page built to choke the HTML parser is measured and refused before any parse, so
 * the portal's page never freezes on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardCharterHtml, MAX_CHARTER_DEPTH, MAX_CHARTER_TAGS } from '@/lib/charter/guard';
import { setMessages } from '@/lib/i18n/messages';
import { say, type Said } from '@/lib/i18n/said';
import { messagesOf } from '../support/messages';

const fixtures = join(__dirname, '..', '..', 'fixtures');
const pages = [
  ...readdirSync(fixtures).filter((f) => f.endsWith('.html')),
  ...readdirSync(join(fixtures, 'charters')).map((f) => join('charters', f)),
];

/** About a megabyte of nested divisions around a charter table. */
const nested = (depth: number, open = '<div>') => `${open.repeat(depth)}<table><tr><td>sessionid</td></tr></table>`;

afterEach(() => vi.restoreAllMocks());

/** The refusal's words, as the popup says them in the language spoken. */
const reasonOf = (verdict: ReturnType<typeof guardCharterHtml>) => (verdict.ok ? undefined : say(verdict.reason));

describe('measuring a charter page before parsing it', () => {
  it.each(pages)('lets the real layout %s through', (name) => {
    expect(guardCharterHtml(readFileSync(join(fixtures, name), 'utf8'))).toMatchObject({ ok: true });
  });

  it('lets a portal page with its scripts, icons and deep layout through', () => {
    const icon = '<svg viewBox="0 0 1 1"><g><path d="M0 0"/><circle r="1"/></g></svg>';
    const page = `<!doctype html><html><head><script>if (a < b && c > d) document.write("<div><div><div>")</script>
      <style>div > p { color: red }</style></head><body>${'<div class="l">'.repeat(60)}
      ${`<p>${icon}<a href="/" title="a > b">x</a><br><img src="x"></p>`.repeat(400)}
      <ul>${'<li>item'.repeat(500)}</ul><table><tr><td>a<td>b<tr><td>c</table>${'</div>'.repeat(60)}</body></html>`;
    expect(guardCharterHtml(page)).toMatchObject({ ok: true });
  });

  it('refuses a megabyte of nested markup, in French, without looking at all of it', () => {
    const page = nested(200_000);
    expect(page.length).toBeGreaterThan(1_000_000);
    const verdict = guardCharterHtml(page);
    expect(verdict).toEqual({ ok: false, reason: { key: 'error.charter.pageTooDeep', subs: [MAX_CHARTER_DEPTH] } });
    expect(reasonOf(verdict)).toBe(`balises de la charte imbriquées sur plus de ${MAX_CHARTER_DEPTH}\u00a0niveaux`);
  });

  it.each([
    ['<div/>', '<div/>'],
    ['formatting tags left open', '<b>'],
    ['tags with attributes', '<span class="a>b" data-x=\'1\'>'],
    ['upper-case tags', '<DIV>'],
  ])('counts nesting through %s', (_, open) => {
    expect(guardCharterHtml(nested(MAX_CHARTER_DEPTH + 1, open))).toMatchObject({ ok: false });
    expect(guardCharterHtml(nested(MAX_CHARTER_DEPTH - 10, open))).toMatchObject({ ok: true });
  });

  it('refuses a page with too many tags', () => {
    const verdict = guardCharterHtml('<p>x</p>'.repeat(MAX_CHARTER_TAGS + 1));
    expect(verdict).toEqual({ ok: false, reason: { key: 'error.charter.pageTooBusy', subs: [{ number: MAX_CHARTER_TAGS }] } });
    expect(reasonOf(verdict)).toMatch(/^page de la charte trop chargée \(plus de 50\s000 balises\)$/);
  });

  it('refuses a page over 2 MB', () => {
    const verdict = guardCharterHtml(`<table>${' '.repeat(2 * 1024 * 1024)}`);
    expect(verdict).toEqual({ ok: false, reason: { key: 'error.charter.pageTooBig', subs: [2] } });
    expect(reasonOf(verdict)).toBe('page de la charte trop grande (plus de 2\u00a0Mo)');
  });

  it('is not fooled by markup inside comments or scripts, and does not count it', () => {
    const hidden = `<!-- ${'<div>'.repeat(1000)} --><script>${'<div>'.repeat(1000)}</script><table></table>`;
    expect(guardCharterHtml(hidden)).toMatchObject({ ok: true, depth: 1 });
  });

  it('ends on unterminated markup', () => {
    for (const page of ['<div', '<div title="', '<!--', '<script>', '</', '<', '<!', `${'<div>'.repeat(10)}<a href='`]) {
      expect(guardCharterHtml(page).ok).toBe(true);
    }
  });
});

describe('reading a charter page in the portal’s page', () => {
  it('never hands a refused page to the parser', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const response = new Response(nested(200_000), { headers: { 'content-type': 'text/html' } });
        return Object.defineProperty(response, 'url', { value: url });
      }),
    );
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');
    const { readCharterInPage } = await import('@/lib/page/charter');
    const reading = await readCharterInPage('data.issy.com');
    expect(reading).toEqual({
      failure: {
        reason: { key: 'error.charter.refused', subs: [{ key: 'error.charter.pageTooDeep', subs: [MAX_CHARTER_DEPTH] }] },
        url: new URL('/terms/cookies-policy/', location.href).href,
      },
    });
    expect(say((reading as { failure: { reason: Said } }).failure.reason)).toBe(
      `charte refusée\u00a0: balises de la charte imbriquées sur plus de ${MAX_CHARTER_DEPTH}\u00a0niveaux`,
    );
    expect(parse).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('a refusal measured in the portal’s page', () => {
  it('is kept as a key and its substitutions, said in the language spoken where it is shown', async () => {
    const verdict = guardCharterHtml('<p>x</p>'.repeat(MAX_CHARTER_TAGS + 1));
    // The page script has neither the visitor's chosen language nor, in a page's own world, any i18n at all:
    // a sentence made there would be in the browser's language, or a bare key.
    expect(verdict.ok ? undefined : typeof verdict.reason).toBe('object');
    setMessages('en', await messagesOf('en'));
    expect(reasonOf(verdict)).toBe('charter page too heavy (over 50,000 tags)');
    expect(reasonOf(guardCharterHtml(nested(MAX_CHARTER_DEPTH + 1)))).toBe(`charter tags nested more than ${MAX_CHARTER_DEPTH} levels deep`);
  });
});
