/**
 * Reads a portal's published cookie charter (a parsed HTML `Document`) into a `Charter`.
 *
 * Real charters declare cookies in tables of every shape (grid.ts), and in prose: records,
 * lists of names, definition lists (prose.ts); the category sits in a heading, a bold line, the
 * label opening a paragraph, a list item, a caption, an accordion title (labels.ts), in the
 * words of vocabulary.ts. The page is walked once, in document order. Whatever cannot be read
 * becomes a warning, never an exception. Every pass is linear in the page and capped
 * (tables, rows, columns, cell and label text), so a huge or hostile page costs bounded time.
 * Regular expressions have no nested quantifiers.
 *
 * Runs in the portal's page (lib/page/charter.ts), so it imports nothing heavy: an entry's
 * domains are kept as written, and reduced to registrable domains by the background (scope.ts).
 */
import { type TableContext, UNKNOWN_PROVIDER, UNKNOWN_PURPOSE, entryOf, readTable } from './grid';
import { Outline, isBoldLine, labelIn, labelText } from './labels';
import type { Charter, CharterEntry } from './model';
import { RecordReader, type Record, definitionRecords, listRecords, namesAfterLabel } from './prose';
import { readNames } from './names';
import { said, saidn, type Said } from '../i18n/said';
import { namesInSentences } from './sentences';
import { TextTable } from './text-table';
import { childElements, clip, tagOf } from './text';

export { UNKNOWN_PROVIDER, UNKNOWN_PURPOSE };

export interface ParseResult {
  charter: Charter;
  /**
   * What was skipped or guessed, as sentences kept as data (lib/i18n/said.ts): the page has at
   * most the browser's language, and the popup says them in the visitor's.
   */
  warnings: Said[];
}

const MAX_TABLES = 200;
const MAX_WARNINGS = 100;
/** Headings, labels, paragraphs, lists and tables read; beyond, the page is not read. */
const MAX_ELEMENTS = 50_000;
const WALKED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'span', 'p', 'div', 'li', 'dt', 'summary', 'button', 'legend', 'table', 'ul', 'ol', 'dl']);
/** Blocks that may be one or more rows of a table written as text (tabs, pipes); a heading may be its header. */
const TEXT_ROWS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'summary']);
/** Paragraphs styled as titles: accordion headers, cookie-declaration group headers. */
const TITLE_CLASS = /title|head|bold|toggle|accordion/i;
const MAX_TITLE_WORDS = 10;
/** A sentence naming a cookie is kept as its purpose, this long at most. */
const MAX_SENTENCE_CHARS = 300;

/** A short line that is no sentence. */
function isTitle(text: string): boolean {
  return text.split(' ').length <= MAX_TITLE_WORDS && !/[.!?]$/.test(text);
}

const keyOf = (n: CharterEntry['names'][number]) => ('exact' in n ? `=${n.exact}` : `*${n.prefix}`);

/** Words that say a list introduced by them lists cookies. */
const COOKIE_WORDS = /cookie|traceur|t[ée]moin|tracker/i;

class Warnings {
  private readonly list: Said[] = [];
  private omitted = 0;
  add = (warning: Said): void => {
    if (this.list.length < MAX_WARNINGS) this.list.push(warning);
    else this.omitted++;
  };
  result(): Said[] {
    return this.omitted ? [...this.list, saidn('charterStatus.warning.omitted', this.omitted)] : this.list;
  }
}

/** Where nothing is declared: code, and what the page does not show as text. */
const NOT_READ = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head', 'select']);

/**
 * Elements in document order. The inside of a data table is its cells' business (bold text or a
 * heading in a cell is content, not a section title) and is not walked; a table holding tables
 * lays out the page (old pages wrap everything in one) and is walked through. `skipInside` is
 * asked after the loop body has seen the element.
 */
function* walk(root: Element, skipInside: (el: Element) => boolean): Generator<Element> {
  let el: Element | null = root;
  while (el) {
    yield el;
    let next: Element | null = skipInside(el) ? null : el.firstElementChild;
    while (!next && el && el !== root) {
      next = el.nextElementSibling;
      if (!next) el = el.parentElement;
    }
    el = next;
  }
}

function captionOf(table: Element): string {
  for (const child of childElements(table)) {
    if (tagOf(child) === 'caption') return labelText(child, false);
  }
  return '';
}

/** Whether a list item has blocks inside (then its paragraphs are read, not the item as a whole). */
function holdsBlocks(el: Element): boolean {
  for (const child of childElements(el)) if (BLOCKS.has(tagOf(child))) return true;
  return false;
}
const BLOCKS = new Set(['p', 'div', 'ul', 'ol', 'dl', 'table', 'section', 'article', 'details', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'form', 'nav', 'header', 'footer', 'main', 'aside', 'figure', 'pre']);

/** Whether a list item's label counts: the list's last item, in a list not made of other kinds. */
function lastOfItsKind(item: Element, label: string): boolean {
  if (item.nextElementSibling) return false;
  const list = item.parentElement;
  if (!list) return true;
  for (const other of childElements(list)) {
    if (other === item) continue;
    if (labelIn(labelText(other, false))) return false; // a list of kinds defined one by one
  }
  return !!label;
}

export function parseCharter(doc: Document, meta: { site: string; url: string; fetchedAt: string }): ParseResult {
  const warnings = new Warnings();
  const entries: CharterEntry[] = [];
  const outline = new Outline();
  const reader = new RecordReader();
  const consumed = new WeakSet<Element>();
  const layoutTables = new WeakSet<Element>();
  const skipInside = (el: Element) => {
    const tag = tagOf(el);
    return consumed.has(el) || NOT_READ.has(tag) || (tag === 'table' && !layoutTables.has(el));
  };
  let tables = 0;
  let proseCount = 0;
  /** Entries read from sentences. */
  const sentences: CharterEntry[] = [];
  const seen = new Set<string>();
  let indexed = 0;
  /** The names declared so far, indexed as entries come. */
  const declared = () => {
    for (; indexed < entries.length; indexed++) for (const n of entries[indexed]!.names) seen.add(keyOf(n));
    return seen;
  };

  const declare = (records: Record[], context: TableContext) => {
    for (const { nameText, fields } of records) {
      const { names, unreadable, notNames } = readNames(nameText);
      for (const text of [...unreadable, ...notNames]) warnings.add(said('charterStatus.warning.notReadable', said('charterStatus.warning.text'), text.slice(0, 60)));
      if (names.length === 0) continue;
      proseCount++;
      entries.push(entryOf(names, fields, context));
    }
  };
  const flush = () => {
    reader.close();
    const records = reader.take();
    if (records.length) declare(records, outline.context());
  };
  const textTable = new TextTable();
  /** Reads the rows written as text gathered so far, as the table they are. */
  const endTextTable = () => {
    const table = textTable.take(doc);
    if (!table) return;
    flush();
    tables++;
    const context = outline.context('', true);
    entries.push(...readTable(table, said('charterStatus.warning.table', tables), () => context, warnings.add));
  };

  try {
    if (doc.querySelectorAll('table').length > MAX_TABLES) {
      warnings.add(said('charterStatus.warning.tooManyTables', MAX_TABLES));
    }
    let walked = 0;
    for (const el of walk(doc.body ?? doc.documentElement, skipInside)) {
      const tag = tagOf(el);
      if (!WALKED.has(tag)) continue;
      if (++walked > MAX_ELEMENTS) {
        warnings.add(said('charterStatus.warning.tooLong', MAX_ELEMENTS));
        break;
      }
      if (consumed.has(el)) continue;
      // A container (a division or item holding blocks) is walked through: its blocks decide.
      const container = (tag === 'div' || tag === 'li') && holdsBlocks(el);
      if (!container && TEXT_ROWS.has(tag) && textTable.feed(el)) {
        consumed.add(el);
        continue;
      }
      if (!container && textTable.pending) endTextTable();
      if (tag === 'table') {
        flush();
        if (++tables > MAX_TABLES) break;
        const context = outline.context(captionOf(el), true);
        const label = said('charterStatus.warning.table', tables);
        const layout = el.querySelector('table') !== null;
        if (layout) layoutTables.add(el);
        const read = readTable(el, label, () => context, layout ? () => {} : warnings.add);
        entries.push(...read);
        continue;
      }
      if (tag.length === 2 && tag.startsWith('h') && tag !== 'hr') {
        flush();
        const text = labelText(el, false);
        if (text && !reader.heading(text)) outline.heading(Number(tag[1]), text);
        continue;
      }
      switch (tag) {
        case 'span': {
          // A title on a line of its own (« Preferences (4) » in a generated declaration), when it
          // names a kind; not in a list item, where a list of kinds defines them one by one.
          if (!isBoldLine(el) || el.closest('li, dd')) break;
          const text = labelText(el, true);
          const label = text && isTitle(text) ? labelIn(text) : '';
          if (!label) break;
          flush();
          outline.minor(label, true);
          break;
        }
        case 'strong':
        case 'b':
        case 'summary':
        case 'button':
        case 'legend':
        case 'dt': {
          if ((tag === 'strong' || tag === 'b') && !isBoldLine(el)) break;
          const text = labelText(el, tag === 'strong' || tag === 'b');
          if (!text) break;
          flush();
          // A title naming nothing ("Unclassified", « Autres ») still ends the label above it.
          outline.minor(labelIn(text) || text, isTitle(text));
          break;
        }
        case 'ul':
        case 'ol': {
          const intro = el.previousElementSibling;
          const introText = intro ? labelText(intro, false) : '';
          const records = listRecords(el, introText);
          const introduced = !!intro && (/:\s*$/.test(introText) || /^h[1-6]$/.test(tagOf(intro))) && COOKIE_WORDS.test(introText);
          if (records && introduced) {
            flush();
            declare(records, outline.context());
            consumed.add(el);
          }
          break;
        }
        case 'dl': {
          const records = definitionRecords(el);
          if (records.length) {
            flush();
            declare(records, outline.context());
            consumed.add(el);
          }
          break;
        }
        case 'div':
        case 'li':
        case 'p': {
          // A division holding only text and inline elements is a paragraph by another name.
          if (tag !== 'p' && holdsBlocks(el)) break;
          const used = reader.block(el, outline.aboutCookies());
          const done = reader.take();
          if (done.length) declare(done, outline.context());
          if (used) break;
          const text = labelText(el, false);
          const label = labelIn(text);
          const listed = label ? namesAfterLabel(text) : undefined;
          const labelled = !!label && (tag !== 'li' || !!listed || lastOfItsKind(el, label));
          if (labelled) {
            flush();
            outline.minor(label);
            if (listed) declare(listed, outline.context());
          }
          if (!listed) {
            // Names a sentence presents as cookies, unless declared already.
            const fresh = namesInSentences(el).flatMap((text) => readNames(text).names).filter((n) => !declared().has(keyOf(n)));
            if (fresh.length) {
              const entry = entryOf(fresh, { purpose: clip(text, MAX_SENTENCE_CHARS) }, outline.context());
              sentences.push(entry);
              entries.push(entry);
              proseCount++;
            }
          }
          if (labelled) {
            // The label is in force for what follows.
          } else if (tag !== 'li' && TITLE_CLASS.test(el.getAttribute('class') ?? '') && isTitle(text)) {
            flush();
            outline.minor(text, true);
          } else if (tag !== 'li') outline.text(text);
          break;
        }
      }
    }
    endTextTable();
    flush();
    // A name met in a sentence and declared again further on, under a label saying something
    // else: the page disagrees with itself, and the sentence's reading (the first, which the
    // matcher takes) becomes unclear, so clearing keeps the cookie.
    if (sentences.length) {
      const categories = new Map<string, Set<string>>();
      for (const entry of entries) {
        for (const n of entry.names) categories.set(keyOf(n), (categories.get(keyOf(n)) ?? new Set()).add(entry.category));
      }
      // A sentence's names were fresh when it was read: every other entry naming them comes later.
      for (const entry of sentences) {
        if (entry.names.some((n) => categories.get(keyOf(n))!.size > 1)) entry.category = 'unclear';
      }
    }
  } catch {
    // Never expected; if a DOM implementation surprises us, keep what was read.
    warnings.add(said('charterStatus.warning.stopped'));
  }
  if (entries.length === 0) warnings.add(said('charterStatus.warning.noTable'));
  else if (proseCount) warnings.add(saidn('charterStatus.warning.inProse', proseCount));
  const charter: Charter = { site: meta.site, url: meta.url, source: 'live', fetchedAt: meta.fetchedAt, entries };
  return { charter, warnings: warnings.result() };
}
