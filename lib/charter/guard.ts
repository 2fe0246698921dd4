/**
 * A charter page is measured before anything parses it. The browser's HTML parser slows down
 * badly on deeply nested markup (a megabyte of nested `<div>` takes it most of a minute) and
 * would freeze the popup: so the page's size, nesting depth and number of tags are checked first,
 * by one pass over the text that never looks back. A real charter page is far within these limits.
 */
import { numeral, said, type Said } from '../i18n/said';

/** Characters, not bytes: the fetch already refused pages over 2 MB. */
export const MAX_CHARTER_CHARS = 2 * 1024 * 1024;
export const MAX_CHARTER_DEPTH = 256;
export const MAX_CHARTER_TAGS = 50_000;

/** Measured in the portal's page, where the visitor's language is not loaded: a refusal is kept as data (lib/i18n/said.ts). */
export type GuardVerdict = { ok: true; depth: number; tags: number } | { ok: false; reason: Said };

/** Elements that never hold others, and those whose end tag a page may leave out (not counted as nesting). */
const FLAT = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param',
  'p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'option', 'optgroup',
  'rt', 'rp', 'html', 'head', 'body',
]);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

function nameAt(html: string, start: number): { name: string; end: number } {
  let end = start;
  while (end < html.length) {
    const code = html.charCodeAt(end);
    if (isLetter(code) || (code >= 48 && code <= 57) || code === 45 || code === 58) end++;
    else break;
  }
  return { name: html.slice(start, end).toLowerCase(), end };
}

/** The index just past the `>` that ends a tag, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) {
      quote = code;
    } else if (code === 62) {
      return i + 1;
    }
  }
  return html.length;
}

export function guardCharterHtml(html: string): GuardVerdict {
  if (html.length > MAX_CHARTER_CHARS) {
    return { ok: false, reason: said('error.charter.pageTooBig', MAX_CHARTER_CHARS / 1048576) };
  }
  const lower = html.toLowerCase();
  let depth = 0;
  let deepest = 0;
  let tags = 0;
  // Inside `<svg>` or `<math>`, `<path/>` closes itself; in HTML, `<div/>` opens a div all the same.
  let foreignFrom = 0;
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) break;
    const next = html.charCodeAt(open + 1);
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      i = close === -1 ? html.length : close + 3;
    } else if (next === 47 /* / */ && isLetter(html.charCodeAt(open + 2))) {
      const { name, end } = nameAt(html, open + 2);
      if (!FLAT.has(name) && depth > 0) depth--;
      if (depth < foreignFrom) foreignFrom = 0;
      i = tagEnd(html, end);
    } else if (isLetter(next)) {
      const { name, end } = nameAt(html, open + 1);
      i = tagEnd(html, end);
      if (++tags > MAX_CHARTER_TAGS) {
        return { ok: false, reason: said('error.charter.pageTooBusy', numeral(MAX_CHARTER_TAGS)) };
      }
      const foreign = foreignFrom > 0 || name === 'svg' || name === 'math';
      const selfClosing = foreign && html.charCodeAt(i - 2) === 47;
      if (RAW_TEXT.has(name)) {
        const close = lower.indexOf(`</${name}`, i);
        i = close === -1 ? html.length : close;
      } else if (!FLAT.has(name) && !selfClosing) {
        depth++;
        if (depth > deepest) deepest = depth;
        if (!foreignFrom && (name === 'svg' || name === 'math')) foreignFrom = depth;
        if (depth > MAX_CHARTER_DEPTH) {
          return { ok: false, reason: said('error.charter.pageTooDeep', MAX_CHARTER_DEPTH) };
        }
      }
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      i = tagEnd(html, open + 2);
    } else {
      i = open + 1;
    }
  }
  return { ok: true, depth: deepest, tags };
}
