/**
 * Names inside sentences, where the sentence itself presents them as cookies: « un cookie nommé
 * `langc` », "a session cookie called `results`", « le témoin “_cfduid” », "the `_ga` cookie",
 * « cookies (`_ga`, `_gid`) ». The name must be set apart as code, emphasis, quotes or
 * parentheses, or be written as only code is after "called" / « nommé »; a word in `<code>` that
 * no cookie word introduces (an event, a path, a storage key) is no cookie. Nothing here says what
 * the cookie is for: its category comes from the labels above, never from the sentence.
 */
import { looksLikeName, trimName } from './names';
import { tagOf } from './text';
import { ABOUT_COOKIES, isVocabularyWord } from './vocabulary';

const MAX_CHARS = 4000;
/** Inline elements that set a name apart from the words around it. */
const MARKS = new Set(['code', 'kbd', 'samp', 'tt', 'var', 'em', 'i', 'strong', 'b', 'q', 'mark']);
/** Blocks end a sentence: their text is not joined to the next. */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'table']);

/** "called", « nommé », « llamada »: the name follows (a cookie word shortly before). */
const NAMING_VERB = /\b(?:called|named|nommée?s?|appelée?s?|dénommée?s?|intitulée?s?|llamad[ao]s?|denominad[ao]s?)\s*[«“"'‘(]?\s*/gi;
const NAMING_HINT = /called|named|nomm|appel|intitul|llamad|denominad/i;
/** A cookie word within the same sentence, a few words before "called". */
const COOKIE_BEFORE = /(?:cookies?|t[ée]moins?|traceurs?|galletas?)\b[^.;:!?\n]{0,40}$/i;
/** An article and a cookie word right before the name: « le cookie `x` », "the cookie `x`", "cookies (`x`". */
const NOUN_BEFORE = /(?:\b(?:the|a|an|this|le|la|un|une|ce|cet|el|este|esta)\s+(?:cookie|t[ée]moin|traceur|galleta)\s*[«“"'‘]?\s*|\b(?:cookies?|t[ée]moins?|galletas?)\s*\(\s*)$/i;
/** "the `_ga` cookie": an article before, the cookie word after. */
const ARTICLE_BEFORE = /\b(?:the|a|an|this)\s+[«“"'‘]?$/i;
const NOUN_AFTER = /^[»”"'’]?\s*cookies?\b/i;
/** What joins two names of one sentence: `_ga` and `_gid`, `_ga`, `_gid`. */
const JOIN = /^[»”"'’]?\s*(?:,|\band\b|\bet\b|\by\b|\bor\b|\bou\b|\bo\b)\s*[«“"'‘]?\s*$/i;
/** Written as no word is: an underscore, a wildcard, a capital inside lower case, a digit, a hyphen. */
const CODE_LIKE = /[_*#]|[a-z][A-Z]|\d|[A-Za-z]-[A-Za-z]/;
/** A quoted token: « “_cfduid” », "'wall'". */
const QUOTED = /[«“"‘']\s*([^\s«»“”"‘’']{1,80})\s*[»”"’']/g;

interface Span {
  start: number;
  end: number;
}

/** The block's text, sentences kept apart by its blocks, and where each marked token sits. */
function textWithMarks(el: Element): { text: string; marks: Span[] } {
  let text = '';
  const marks: Span[] = [];
  const stack: (Node | Span)[] = [];
  const push = (node: Node) => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  };
  push(el);
  while (stack.length > 0 && text.length < MAX_CHARS) {
    const node = stack.pop()!;
    if (!('nodeType' in node)) {
      node.end = text.length;
      marks.push(node);
      continue;
    }
    if (node.nodeType === 3) text += (node as Text).data;
    if (node.nodeType !== 1) continue;
    const tag = tagOf(node as Element);
    if (SKIP.has(tag)) continue;
    if (BREAKS.has(tag)) text += '\n';
    if (MARKS.has(tag)) {
      const span = { start: text.length, end: text.length };
      stack.push(span);
    }
    push(node);
  }
  return { text, marks: marks.filter((m) => m.end > m.start) };
}

/** Where, in a block's text, a name is introduced by "called" / « nommé » after a cookie word. */
function namingPoints(text: string): Set<number> {
  const points = new Set<number>();
  if (!NAMING_HINT.test(text)) return points;
  for (const match of text.matchAll(NAMING_VERB)) {
    if (COOKIE_BEFORE.test(text.slice(Math.max(0, match.index - 60), match.index))) points.add(match.index + match[0].length);
  }
  return points;
}

/** The names a block's sentences present as cookies, as written, in order. */
export function namesInSentences(el: Element): string[] {
  const { text, marks } = textWithMarks(el);
  if (!ABOUT_COOKIES.test(text)) return [];
  const points = namingPoints(text);
  for (const match of text.matchAll(QUOTED)) {
    const start = match.index + match[0].indexOf(match[1]!);
    marks.push({ start, end: start + match[1]!.length });
  }
  marks.sort((a, b) => a.start - b.start);
  const tokens = marks
    .map((m) => ({ ...m, name: trimName(text.slice(m.start, m.end)) }))
    .filter((t) => t.name && !/\s/.test(t.name) && looksLikeName(t.name));
  const found: string[] = [];
  let previous: (typeof tokens)[number] | undefined;
  for (const token of tokens) {
    const before = text.slice(Math.max(0, token.start - 30), token.start);
    const after = text.slice(token.end, token.end + 20);
    const named = [...points].some((p) => p <= token.start && token.start - p <= 2);
    const introduced = named || NOUN_BEFORE.test(before) || (ARTICLE_BEFORE.test(before) && NOUN_AFTER.test(after));
    // The next of a run the sentence introduced: « nommés `_ga` et `_gid` ».
    const continued = previous !== undefined && found.at(-1) === previous.name && JOIN.test(text.slice(previous.end, token.start));
    if (introduced || continued) found.push(token.name);
    previous = token;
  }
  // A name after "called" / « nommé » needs no mark when it is written as only code is.
  // Not a kind so called: "cookies … are called first-party cookies".
  for (const point of points) {
    const [word = ''] = /^\S*/.exec(text.slice(point, point + 100))!;
    const name = trimName(word);
    if (!name || found.includes(name) || !CODE_LIKE.test(name) || !looksLikeName(name) || isVocabularyWord(name)) continue;
    if (!NOUN_AFTER.test(text.slice(point + word.length).trimStart())) found.push(name);
  }
  return [...new Set(found)];
}
