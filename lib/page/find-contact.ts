/**
 * Finding whom to write to: the portal's data protection officer (« délégué à la protection des
 * données », DPO), as the portal's own pages name them. Pure: it takes a parsed page and returns
 * an e-mail address written near the words that name the DPO, or a contact form's link, or
 * nothing. Addresses are often disguised against harvesters (« dpo [at] ville.fr »,
 * « dpo arobase ville point fr »): those are read back as addresses.
 */

export type DpoContact =
  | { kind: 'email'; address: string; foundOn: string }
  | { kind: 'form'; url: string; foundOn: string };

/** The words that name a data protection officer, in French, English and Spanish. */
const DPO_WORDS = new RegExp(
  [
    'd[ée]l[ée]gu[ée]e?s?\\s+(?:[àa]\\s+la\\s+)?protection\\s+des\\s+(?:donn[ée]es|personnes)',
    'd[ée]l[ée]gu[ée]e?s?\\s+(?:rgpd|cnil|informatique\\s+et\\s+libert[ée]s)',
    'correspondante?\\s+informatique\\s+et\\s+libert[ée]s',
    'responsable\\s+(?:de\\s+la\\s+)?protection\\s+des\\s+donn[ée]es',
    'data\\s+protection\\s+officer',
    'delegad[oa]\\s+de\\s+protecci[oó]n\\s+de\\s+datos',
    '\\bdpo\\b',
    '\\bdpd\\b',
  ].join('|'),
  'gi',
);

const NAMES_DPO = new RegExp(DPO_WORDS.source, 'i');

/** A local part that names the role when no word near the address does. */
const DPO_MAILBOX = /^(?:dpo|dpd|rgpd|gdpr|cil|privacy|protection|donnees|data-?protection|informatique-?et-?libertes|vie-?privee)/i;

/** The words of a link that leads to a form (or a page) to write to someone. */
const FORM_WORDS = /formulaire|\bform\b|contact|saisir|saisine|[ée]crire|exercer|demande/i;
/** Words near a form's link that say it is the one for personal data. */
const DATA_WORDS = /donn[ée]es\s+personnelles|vos\s+droits|personal\s+data|privacy|rgpd|gdpr/i;

const EMAIL = /[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9])?@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![a-z0-9-])/gi;

/** Elements whose end starts a new line of text (a table row is one line: its cells are separated). */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'address', 'blockquote', 'pre',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'caption', 'figure', 'figcaption', 'details', 'summary', 'br', 'hr', 'form', 'fieldset', 'legend',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'select', 'textarea']);

/** Decoys hidden from readers (`dpo@<span style="display:none">null</span>ville.fr`) are not read. */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const REVERSED_STYLE = [/unicode-bidi\s*:\s*bidi-override/i, /direction\s*:\s*rtl/i];

/** The most text of a page looked at. */
const MAX_TEXT = 400_000;

/** A page's text in reading order, lines by block, with the addresses of `mailto:` links written out. */
function pageText(doc: Document): string {
  const parts: string[] = [];
  let size = 0;
  const walk = (node: Node): void => {
    if (size > MAX_TEXT) return;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      parts.push(text);
      size += text.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const name = element.localName;
    if (SKIPPED.has(name) || element.hasAttribute('hidden') || HIDDEN_STYLE.test(element.getAttribute('style') ?? '')) return;
    // Written backwards and shown the right way round by the style: read as shown.
    if (REVERSED_STYLE.every((pattern) => pattern.test(element.getAttribute('style') ?? ''))) {
      const text = [...(element.textContent ?? '')].reverse().join('');
      parts.push(text);
      size += text.length;
      return;
    }
    if (name === 'td' || name === 'th') parts.push(' | ');
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
    if (name === 'a') {
      const address = mailtoAddress(element.getAttribute('href') ?? '');
      if (address) parts.push(` ${address} `);
    }
    if (BLOCKS.has(name)) parts.push('\n');
  };
  if (doc.body) walk(doc.body);
  return parts.join('').slice(0, MAX_TEXT);
}

/** The first address of a `mailto:` link, percent-decoded; '' when there is none. */
function mailtoAddress(href: string): string {
  const match = /^\s*mailto:([^?#]*)/i.exec(href);
  if (!match) return '';
  let to: string;
  try {
    to = decodeURIComponent(match[1]!);
  } catch {
    to = match[1]!;
  }
  return to.split(',')[0]!.trim();
}

const OPEN = '[\\[({<«]';
const CLOSE = '[\\])}>»]';
const AT_WORD = '(?:at|arobase|arrobase|arroba|chez|a|à)';
const DOT_WORD = '(?:dot|point|punto)';

/**
 * Disguised addresses written back as addresses: « dpo [at] ville [dot] fr », « dpo(a)ville.fr »,
 * « dpo AT ville DOT fr », « dpo arobase ville point fr », « dpo @ ville . fr ».
 */
export function undisguise(text: string): string {
  const spelledDot = new RegExp(`\\s+(?:\\.|${DOT_WORD})\\s+`, 'gi');
  return (
    text
      .replaceAll('\uff20', '@')
      .replace(new RegExp(`\\s*${OPEN}\\s*(?:${AT_WORD}|@)\\s*${CLOSE}\\s*`, 'gi'), '@')
      .replace(new RegExp(`\\s*${OPEN}\\s*(?:${DOT_WORD}|\\.)\\s*${CLOSE}\\s*`, 'gi'), '.')
      // « arobase » says what it is; a bare « at » only before a domain whose dots are spelled out.
      .replace(
        new RegExp(`([a-z0-9][a-z0-9._+-]*)\\s+(?:arobase|arrobase|arroba)\\s+([a-z0-9-]+(?:(?:\\.|\\s+(?:\\.|${DOT_WORD})\\s+)[a-z0-9-]+)+)`, 'gi'),
        (_all, local: string, domain: string) => `${local}@${domain.replace(spelledDot, '.')}`,
      )
      .replace(
        new RegExp(`([a-z0-9][a-z0-9._+-]*)\\s+at\\s+([a-z0-9-]+(?:\\s+${DOT_WORD}\\s+[a-z0-9-]+)+)`, 'gi'),
        (_all, local: string, domain: string) => `${local}@${domain.replace(spelledDot, '.')}`,
      )
      // « dpo at ville.fr »: a bare « at » before a dotted domain, when what precedes it is a mailbox.
      .replace(
        /([a-z0-9][a-z0-9._+-]*)\s+at\s+([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24})(?![a-z0-9/-])/gi,
        (all, local: string, domain: string) => (DPO_MAILBOX.test(local) || /[._+-]/.test(local) ? `${local}@${domain}` : all),
      )
      .replace(/([a-z0-9])\s+@\s*([a-z0-9])|([a-z0-9])\s*@\s+([a-z0-9])/gi, (_all, a, b, c, d) => `${a ?? c}@${b ?? d}`)
      // A domain written with spaced or spelled dots throughout: « @ville . fr », « @ville dot fr ».
      .replace(
        new RegExp(`(@[a-z0-9-]+)(?![a-z0-9.-])((?:\\s+(?:\\.|${DOT_WORD})\\s+[a-z0-9-]+)+)`, 'gi'),
        (_all, head: string, tail: string) => `${head}${tail.replace(spelledDot, '.')}`,
      )
  );
}

/** How far, in characters, an address may be from the words naming the DPO: before them, and after. */
const MAX_AFTER_WORDS = 400;
const MAX_BEFORE_WORDS = 150;

function normalised(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}

/**
 * The DPO's e-mail address on a page: of every address on it, the one closest to the words that
 * name the DPO (in the same line or table row first, then just after them), or else one whose
 * mailbox names the role (`dpo@…`).
 */
export function findDpoAddress(doc: Document): string | undefined {
  const text = undisguise(pageText(doc));
  const words = [...text.matchAll(DPO_WORDS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let best: { address: string; score: number } | undefined;
  for (const match of text.matchAll(EMAIL)) {
    const address = match[0];
    const start = match.index;
    const end = start + address.length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
    let score = Infinity;
    for (const word of words) {
      const sameLine = word.start >= lineStart && word.end <= lineEnd;
      if (word.end <= start && start - word.end <= MAX_AFTER_WORDS) score = Math.min(score, (start - word.end) / (sameLine ? 4 : 1));
      // An address before the words only in their line (« dpo@ville.fr, notre délégué… »): the
      // row or paragraph above names someone else (the publisher, the host).
      else if (sameLine && word.start >= end && word.start - end <= MAX_BEFORE_WORDS) score = Math.min(score, (word.start - end) / 2);
    }
    const local = address.slice(0, address.lastIndexOf('@'));
    if (DPO_MAILBOX.test(local)) score = Math.min(score, 40);
    if (score < (best?.score ?? Infinity)) best = { address: normalised(address), score };
  }
  return best?.address;
}

/** A link to a form (or a page) for writing to the DPO: named as such, or next to the words naming the DPO. */
export function findDpoForm(doc: Document, pageUrl: string): string | undefined {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (url.username || url.password) continue;
    const own = `${link.textContent ?? ''} ${link.getAttribute('title') ?? ''} ${link.getAttribute('aria-label') ?? ''}`;
    // The link's paragraph, list item or table row, and the heading or line just before it.
    const block = link.closest('p, li, tr, dd, dt');
    const around = block ? `${block.previousElementSibling?.textContent ?? ''} ${block.textContent ?? ''}` : '';
    const namesDpo = NAMES_DPO.test(own) || NAMES_DPO.test(around) || DATA_WORDS.test(own) || /\b(?:dpo|dpd|rgpd|gdpr)\b/i.test(url.pathname);
    if (namesDpo && (FORM_WORDS.test(own) || FORM_WORDS.test(url.pathname))) return url.href;
  }
  return undefined;
}

/** Whom to write to, as one page of the portal says: an address first, else a form. */
export function findDpoContact(doc: Document, pageUrl: string): DpoContact | undefined {
  const address = findDpoAddress(doc);
  if (address) return { kind: 'email', address, foundOn: pageUrl };
  const form = findDpoForm(doc, pageUrl);
  return form ? { kind: 'form', url: form, foundOn: pageUrl } : undefined;
}
