/** Text and DOM helpers shared by the charter reader: folding, words, phrases, bounded walks. */

const APOSTROPHES = '’‘ʼ`´';

/** Lower-case and accent-free, one output unit per input unit so that indexes still line up. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch < '\u0080') out += ch.toLowerCase();
    else if (APOSTROPHES.includes(ch)) out += "'";
    else out += ch.normalize('NFD')[0]!.toLowerCase()[0]!;
  }
  return out;
}

/** Zero-width characters some editors leave behind; they would split or glue words unseen. */
export const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** One line of text: whitespace (&nbsp; included) collapsed, trimmed; wording kept as written. */
export function collapse(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** "Cookies", "cookie" and "COOKIES" read the same; so do plural and singular. */
function stem(word: string): string {
  return word.length >= 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** The words of a text, folded and stemmed, for keyword matching. "non-essential" is two words. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(stem);
}

/** Where a phrase (already split into words) starts in `words`, or -1. */
export function phraseAt(words: string[], phrase: string[], from = 0): number {
  for (let i = from; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, j) => words[i + j] === word)) return i;
  }
  return -1;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const tagOf = (el: Element) => el.localName.toLowerCase();

/**
 * An element's child elements, walked by sibling links: indexing a live `HTMLCollection`
 * (`.children`) costs jsdom a scan of the collection per access, quadratic on a long table.
 */
export function* childElements(el: Element): Generator<Element> {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) yield child;
}

/** Elements that break a line: their text is a line of its own. */
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'td', 'th', 'pre', 'section', 'article', 'blockquote', 'address', 'summary', 'details', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'button']);
/** Never text: code, and inner tables, which are read as tables of their own. */
const NOT_TEXT = new Set(['script', 'style', 'template', 'table', 'noscript']);

/**
 * An element's text with its line structure: `<br>`, list items and paragraphs become line
 * breaks (they separate names and records). Walks with an explicit stack (deep nesting cannot
 * overflow the call stack) and stops at `max` characters, calling `onTruncate`.
 */
export function linedText(el: Element, max: number, onTruncate?: () => void): string {
  let text = '';
  const stack: (Node | 'newline')[] = [];
  const pushChildren = (node: Node) => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  };
  pushChildren(el);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'newline') text += '\n';
    else if (node.nodeType === 3 || node.nodeType === 4) text += (node as CharacterData).data;
    else if (node.nodeType === 1) {
      const tag = tagOf(node as Element);
      if (tag === 'br' || tag === 'hr') text += '\n';
      else if (!NOT_TEXT.has(tag)) {
        if (BLOCKS.has(tag)) {
          text += '\n';
          stack.push('newline');
        }
        pushChildren(node);
      }
    }
    if (text.length > max) {
      onTruncate?.();
      return text.slice(0, max);
    }
  }
  return text;
}
