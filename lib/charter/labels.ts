/**
 * What the page says above a table or a list of names: the labels real charters use, as the
 * document is walked in order. Headings (`h1`–`h6`) make an outline; below them, "minor" labels
 * — a bold line of its own, a short paragraph styled as a title, the label opening a paragraph
 * or a list item (« Cookies nécessaires : … »), an accordion's `<summary>` or `<button>`, a `<dt>`,
 * a `<legend>` — are the nearest label and win over an older heading; the next heading or label
 * replaces them. A table's `<caption>` is nearer still. A label naming no category is passed over.
 * Running text since the last label may name a kind that needs consent, never necessary.
 */
import type { Category } from './model';
import { UNKNOWN_PROVIDER, type TableContext } from './grid';
import { clip, collapse, fold, phraseAt, tagOf, wordsOf } from './text';
import { ABOUT_COOKIES, KNOWN_PROVIDERS, STORAGE, type Label, MAX_LABEL_CHARS, labelOf, runningCategory } from './vocabulary';

const INLINE = new Set(['span', 'u', 'em', 'i', 'a', 'font', 'mark', 'small', 'big', 'strong', 'b', 'code', 'img', 'sup', 'sub']);
/** Blocks in which a bold line reads as a heading (not list items, cells or real headings). */
const HEADING_BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'body', 'header', 'aside', 'center', 'blockquote', 'li', 'dd', 'details', 'summary', 'button', 'label']);
const LINE_FILLER = /^[\s:.\-–—]*$/;
/** Nodes read for one label's text: bounds the cost of a heading left open by broken markup. */
const MAX_LABEL_NODES = 200;
/** Words a label may have: longer is running text. */
const MAX_LABEL_WORDS = 14;
/** Running text kept since the last label (the most recent part). */
const MAX_RUNNING_CHARS = 3000;

/** Whether nothing but a line break, a block or punctuation sits beside `node` on that side. */
function lineEndsBeside(node: Element, side: 'previousSibling' | 'nextSibling'): boolean {
  let sibling = node[side];
  for (let i = 0; sibling && i < 20; i++) {
    if (sibling.nodeType === 1) {
      const tag = tagOf(sibling as Element);
      return tag === 'br' || (tag !== 'img' && !INLINE.has(tag));
    }
    if (sibling.nodeType === 3 && !LINE_FILLER.test(sibling.textContent ?? '')) return false;
    sibling = sibling[side];
  }
  return !sibling;
}

/** `<p><strong>Cookies tiers</strong></p>` and bold lines between `<br>`s act as headings. */
export function isBoldLine(el: Element): boolean {
  let node = el;
  for (let depth = 0; depth < 5; depth++) {
    if (!lineEndsBeside(node, 'previousSibling') || !lineEndsBeside(node, 'nextSibling')) return false;
    const parent = node.parentElement;
    if (!parent) return false;
    if (!INLINE.has(tagOf(parent))) return HEADING_BLOCKS.has(tagOf(parent));
    node = parent;
  }
  return false;
}

/**
 * A label's text, read only as far as the cap: broken markup can leave a heading open around
 * the rest of the page. Stops at an inner table (the heading ended there); for a bold line, any
 * block inside means it was no heading at all (an unclosed `<b>` around paragraphs), and gives ''.
 */
export function labelText(el: Element, bold: boolean): string {
  let text = '';
  const stack: Node[] = [];
  for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  for (let visited = 0; stack.length > 0 && visited < MAX_LABEL_NODES && text.length < MAX_LABEL_CHARS; visited++) {
    const node = stack.pop()!;
    if (node.nodeType === 3) text += (node as Text).data;
    if (node.nodeType !== 1) continue;
    const tag = tagOf(node as Element);
    if (tag === 'table') break;
    if (bold && !INLINE.has(tag) && tag !== 'br') return '';
    if (tag === 'script' || tag === 'style') continue;
    if (tag === 'br') text += ' ';
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return clip(collapse(text), MAX_LABEL_CHARS);
}

/**
 * The label a short text is, when it names a category or a party: a title-like line (« Cookies
 * Esenciales », "Analytics cookies (optional)"), or the words before a colon opening a paragraph
 * (« Cookies de mesure d'audience : ils comptent… »). Running text is no label: too long, or a
 * sentence before the colon.
 */
export function labelIn(text: string): string {
  const colon = text.indexOf(':');
  const head = (colon > 0 ? text.slice(0, colon) : text).trim();
  if (!head || head.split(' ').length > MAX_LABEL_WORDS) return '';
  // A whole line is a title only if it is no sentence; the part before a colon may be one word.
  // « 3. Cookies tiers », "II) Analytics": the numbering is no sentence end.
  const unnumbered = head.replace(/^(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)] /, '');
  if (colon < 0 && /[.!?]$/.test(unnumbered)) return '';
  if (/[.!?] /.test(unnumbered) || SENTENCE.test(unnumbered)) return '';
  const read = labelOf(head);
  return read.category || read.party ? head : '';
}

/**
 * Words that open a sentence, or make one, rather than a label: "These cookies are necessary: …"
 * is running text, and running text never says a cookie is necessary.
 */
const SENTENCE = /^(?:these|this|those|they|it|we|our|you|ces|ce|cet|cette|ils|elles|il|nous|vous|on|estas|estos|esta|este|ellas|ellos|nosotros|usted)\b|\b(?:are|is|sont|est|son|es)\b/i;

interface Heading {
  level: number;
  text: string;
}

/** The labels in force at a point of the page, and the running text since the last one. */
export class Outline {
  private readonly stack: Heading[] = [];
  private running = '';
  /** The last paragraph of running text: what introduces a list or the lines below it. */
  private last = '';
  /** Whether a table was declared under the labels in force. */
  private used = false;

  heading(level: number, text: string): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    this.stack.push({ level, text });
    this.running = '';
    this.last = '';
    this.version++;
    this.used = false;
  }

  /** A minor label: replaces the previous one if it names something, or if it is a title (`structural`). */
  minor(text: string, structural = false): void {
    const label = labelOf(text);
    if (label.category || label.party || structural) this.heading(7, text);
  }

  text(paragraph: string): void {
    this.running = `${this.running} ${paragraph}`.slice(-MAX_RUNNING_CHARS);
    this.last = paragraph.slice(-MAX_RUNNING_CHARS);
    this.version++;
  }

  /** Whether the nearest heading or label, or the paragraph introducing what follows, speaks of cookies. */
  aboutCookies(): boolean {
    const nearest = this.stack[this.stack.length - 1]?.text ?? '';
    return ABOUT_COOKIES.test(nearest) || ABOUT_COOKIES.test(this.last);
  }

  /**
   * What the page says of the cookies about to be declared; `caption` is nearer than any label.
   * A table starts afresh: running text after it speaks of what follows. A necessary label that
   * already served a table does not carry over running text that names a kind needing consent
   * ("Essential cookies" table, then "With your permission we use analytics…", then a table).
   */
  context(caption = '', table = false): TableContext {
    // Records and sentences ask again and again under the same labels: read the running text once.
    if (!caption && !table && this.cached?.version === this.version) return this.cached.context;
    const context = this.read(caption, table);
    if (!caption && !table) this.cached = { version: this.version, context };
    return context;
  }

  private version = 0;
  private cached: { version: number; context: TableContext } | undefined;

  private read(caption: string, table: boolean): TableContext {
    const headings = [...(caption ? [{ level: 8, text: caption }] : []), ...[...this.stack].reverse()];
    const labels = headings.map((h) => labelOf(h.text));
    const named = labels.findIndex((l) => l.category);
    const party = labels.slice(0, named >= 0 ? named + 1 : labels.length).find((l) => l.party)?.party;
    const provider = providerOf(headings[0]?.text) ?? UNKNOWN_PROVIDER;
    const said = this.running;
    const storage = STORAGE.test(said) || STORAGE.test(headings[0]?.text ?? '') || STORAGE.test(caption);
    const aboutCookies = ABOUT_COOKIES.test(said) || ABOUT_COOKIES.test(headings[0]?.text ?? '') || ABOUT_COOKIES.test(caption);
    const running = runningCategory(said);
    const reused = named >= 0 && this.used && !caption;
    if (table) {
      this.used = true;
      this.running = '';
      this.version++;
    }
    // A nearer heading titling a group of cookies that says nothing of their purpose (« Les cookies de la
    // plateforme » under « Cookies de mesure d'audience ») starts a group of its own: the older
    // heading's category does not reach it, and its cookies stay of unclear category. A title that
    // only says who sets them ("Third-party cookies") still belongs to the section above.
    const group = headings.findIndex((h, i) => i < named && h.level <= 6 && !labels[i]!.category && !labels[i]!.party && COOKIE_WORD.test(fold(h.text)));
    if (group >= 0) {
      const groupParty = labels.slice(0, group + 1).find((l) => l.party)?.party;
      const text = clip(collapse(headings[group]!.text), MAX_LABEL_CHARS);
      return { label: { category: 'unclear', text, ...(groupParty && { party: groupParty }) }, provider, named: true, storage, aboutCookies };
    }
    if (named >= 0 && !(reused && running && labels[named]!.category === 'necessary')) {
      const label = labels[named]!;
      return { label: { ...label, category: label.category!, ...(party && { party }) }, provider, named: true, storage, aboutCookies };
    }
    const partyLabel = labels.find((l) => l.party);
    const base: Label = partyLabel ? { party: partyLabel.party!, text: partyLabel.text! } : {};
    if (running) {
      const text = clip(collapse(sentenceWith(said, running.category)), 120);
      return { label: { ...base, category: running.category, text }, provider, named: true, inferred: true, storage, aboutCookies };
    }
    return { label: { ...base, category: 'unclear' as Category }, provider, named: false, storage, aboutCookies };
  }
}

const COOKIE_WORD = /\b(cookies?|traceurs?|trackers?)\b/;

/** The sentence of running text that names the kind it was read as, for the visitor to see. */
function sentenceWith(text: string, category: Category): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  return sentences.find((s) => runningCategory(s)?.category === category) ?? sentences[0] ?? '';
}

const PROVIDERS = KNOWN_PROVIDERS.map((name) => ({ name, words: wordsOf(name), folded: fold(name) }));

/**
 * A known provider named by the label right above a table, in the label's own wording
 * (« Matomo », "Google Analytics"). Only when exactly one is named: "Google and YouTube"
 * names no single provider for every row.
 */
function providerOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const words = wordsOf(text);
  const named = PROVIDERS.filter((p) => phraseAt(words, p.words) >= 0);
  // "Google Analytics" also contains "Google": keep the longest name only.
  const distinct = named.filter((p) => !named.some((q) => q !== p && q.folded.includes(p.folded)));
  if (distinct.length !== 1) return undefined;
  const provider = distinct[0]!;
  const at = fold(text).indexOf(provider.folded);
  return at >= 0 ? text.slice(at, at + provider.name.length) : provider.name;
}
