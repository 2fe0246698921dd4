/**
 * Reads a portal's published cookie charter (a parsed HTML `Document`) into a `Charter`.
 *
 * Opendatasoft portals each write their own charter: the columns differ in wording (French,
 * English, Spanish), order and number (3 to 5); one provider cell often spans several rows; a
 * name cell may hold several names or a rule such as « tout cookie commençant par _hs ». So:
 * - columns are found by header keywords, never by position (`HEADER_RULES`);
 * - a table's category comes from the headings above it (`CATEGORY_RULES`);
 * - `rowspan` and `colspan` are laid out on a grid before any column is read;
 * - whatever cannot be read becomes a French warning, never an exception.
 * Every pass is linear in the page and capped (tables, rows, columns, cell text), so a huge or
 * hostile page costs bounded time. Regular expressions have no nested quantifiers.
 */
import type { Category, Charter, CharterEntry, NamePattern } from './model';

export interface ParseResult {
  charter: Charter;
  /** What was skipped or guessed, in plain French sentences. */
  warnings: string[];
}

const MAX_TABLES = 200;
const MAX_ROWS = 2000;
const MAX_COLUMNS = 50;
const MAX_CELL_CHARS = 2000;
const MAX_WARNINGS = 100;
/** A header row is looked for among a table's first rows only (a title row may come first). */
const HEADER_SCAN_ROWS = 5;
/** Longer cells are content, not column headers. */
const MAX_HEADER_WORDS = 8;
const MAX_HEADING_CHARS = 300;
/** Nodes read for one heading's text: bounds the cost of a heading left open by broken markup. */
const MAX_HEADING_NODES = 200;

/** Shown when a table has no provider column and no heading names one. */
export const UNKNOWN_PROVIDER = 'Non précisé';
/** Shown when a row leaves its purpose empty. */
export const UNKNOWN_PURPOSE = 'Non précisée';

const NBSP = '\u00a0';

// ---------------------------------------------------------------------------------------------
// Text

const APOSTROPHES = '’‘ʼ`´';

/** Lower-case and accent-free, one output unit per input unit so that indexes still line up. */
function fold(text: string): string {
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
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** One line of text: whitespace (&nbsp; included) collapsed, trimmed; wording kept as written. */
function collapse(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** "Cookies", "cookie" and "COOKIES" read the same; so do plural and singular. */
function stem(word: string): string {
  return word.length >= 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** The words of a text, folded and stemmed, for keyword matching. */
function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(stem);
}

/** Where a phrase (already split into words) starts in `words`, or -1. */
function phraseAt(words: string[], phrase: string[], from = 0): number {
  for (let i = from; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, j) => words[i + j] === word)) return i;
  }
  return -1;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Keyword tables (as written in charters; folded and stemmed once, here)

type Field = 'provider' | 'service' | 'name' | 'purpose' | 'duration' | 'category';

/**
 * Column headers, most specific first: the first rule with a phrase in a header names its
 * column. Multi-word phrases come before the single words they contain: "Function and location"
 * is the service although "function" alone is the purpose; "Nom du prestataire" is the provider
 * although "nom" alone is the cookie's name. Generic name words come last, so "Durée du cookie"
 * is a duration and "Finalité du cookie" a purpose.
 */
const HEADER_RULES: [Field, string[]][] = [
  ['service', ['function and location', 'fonction et emplacement', 'función y ubicación']],
  ['provider', ['nom du prestataire', 'nom du fournisseur', "nom de l'éditeur", 'supplier name', 'provider name', 'vendor name', 'nombre del proveedor']],
  ['name', ['nom du cookie', 'nom des cookies', 'nom de cookie', 'cookie name', 'name of the cookie', 'nombre de la cookie', 'nombre de cookie', 'nombre de las cookies']],
  ['category', ['type', 'catégorie', 'category', 'tipo', 'categoría']],
  ['provider', ['prestataire', 'fournisseur', 'éditeur', 'émetteur', 'société', 'organisme', 'provider', 'supplier', 'vendor', 'company', 'issuer', 'proveedor', 'proveedores', 'empresa']],
  ['service', ['service', 'emplacement', 'location', 'ubicación', 'servicio']],
  ['duration', ['durée', 'duration', 'expiry', 'expiration', 'expires', 'lifetime', 'retention', 'conservation', 'validité', 'duración', 'caducidad', 'vencimiento', 'plazo', 'conservación']],
  ['purpose', ['finalité', 'objet', 'usage', 'utilité', 'utilisation', 'objectif', 'but', 'rôle', 'purpose', 'function', 'fonction', 'description', 'finalidad', 'propósito', 'descripción', 'función', 'uso']],
  ['name', ['cookie', 'nom', 'name', 'nombre', 'traceur']],
];

/**
 * Section headings. When one heading names several kinds (« Cookies nécessaires … / cookies
 * fonctionnels »), the earlier rule wins: necessary first, as the Issy charter intends.
 */
const CATEGORY_RULES: [Category, string[]][] = [
  ['necessary', ['nécessaires', 'strictement nécessaires', 'essentiels', 'fonctionnels', 'techniques', 'necessary', 'strictly necessary', 'essential', 'functional', 'technical', 'necesarias', 'técnicas', 'esenciales', 'funcionales', 'imprescindibles']],
  ['statistics', ['statistiques', "mesure d'audience", 'mesure de fréquentation', 'analytiques', 'performance', 'analytics', 'statistics', 'audience measurement', 'analíticas', 'estadísticas', 'medición de audiencia']],
  ['advertising', ['publicité', 'publicitaires', 'advertising', 'marketing', 'ciblage', 'targeting', 'publicidad', 'publicitarias']],
  // Embedded players and widgets: third-party content the page shows, not the portal's own.
  ['social', ['réseaux sociaux', 'social', 'redes sociales', 'vidéos intégrées', 'contenus tiers', 'contenus intégrés', 'embedded content', 'embedded videos']],
];

/**
 * Who sets the cookies: not what they are for. "Third-party cookies" says nothing of whether they
 * are necessary; the entry is flagged third party and keeps the category named elsewhere.
 */
const PARTY_RULES: ['first' | 'third', string[]][] = [
  ['third', ['tiers', 'third party', 'third parties', 'terceros', 'tercero', 'terceras', 'de tercera parte']],
  ['first', ['internes', 'interne', 'propriétaires', 'first party', 'own cookies', 'propias', 'propios', 'de origen', 'primera parte']],
];

/** « non nécessaires », "not essential": a necessary keyword after one of these says the opposite. */
const NEGATIONS = new Set(['non', 'not', 'no', 'pa', 'sin']);

/** Providers a heading may name above a table that has no provider column. */
const KNOWN_PROVIDERS = ['Opendatasoft', 'Huwise', 'Google Analytics', 'Google', 'Matomo', 'Piano Analytics', 'AT Internet', 'Xiti', 'Eulerian', 'HubSpot', 'YouTube', 'Vimeo', 'Dailymotion', 'Facebook', 'Meta', 'X (Twitter)', 'Twitter', 'LinkedIn', 'Hotjar', 'Microsoft Clarity', 'Axeptio', 'Didomi', 'tarteaucitron', 'Mapbox'];

const compileRules = <T>(rules: [T, string[]][]): [T, string[][]][] =>
  rules.map(([key, phrases]) => [key, phrases.map(wordsOf)]);
const HEADERS = compileRules(HEADER_RULES);
const CATEGORIES = compileRules(CATEGORY_RULES);
const PARTIES = compileRules(PARTY_RULES);
const PROVIDERS = KNOWN_PROVIDERS.map((name) => ({ name, words: wordsOf(name), folded: fold(name) }));

/** Name-cell phrases introducing a prefix rule, folded; longest first so "prefixed" beats "prefix". */
const PREFIX_PHRASES = [
  'commençant par', 'commencent par', 'commence par', 'débutant par', 'débutent par', 'débute par',
  'préfixé par', 'préfixés par', 'préfixe', 'préfixes', 'préfixé', 'préfixés',
  'starting with', 'beginning with', 'starts with', 'begins with', 'start with', 'begin with',
  'prefixed with', 'prefixed by', 'prefix',
  'que empiece por', 'que empiecen por', 'que empieza por', 'que empiezan por', 'que comienza por',
  'que comienzan por', 'que comience por', 'que comiencen por', 'comenzando por', 'empezando por',
  'con el prefijo', 'prefijo',
]
  .map(fold)
  .sort((a, b) => b.length - a.length);

/** Words that may stand between a prefix phrase and the prefix: « commençant par le préfixe “_pk” ». */
const PREFIX_FILLERS = new Set(['de', 'du', 'des', 'par', 'le', 'la', 'les', 'by', 'with', 'the', 'por', 'con', 'el', 'los', 'las', 'un', 'une', 'nom', 'name', 'nombre', ':']);

/** Cells that say "nothing here". */
const PLACEHOLDERS = new Set(['-', '–', '—', '/', '?', 'n/a', 'na', 'n.a', 'n/d', 'nd', 'aucun', 'aucune', 'neant', 'sans objet', 'non applicable', 'none', 'not applicable', 'nil', 'ninguna', 'ninguno', 'nada', 'no aplica']);

/** Several names in words: « _ga et _gid », "_ga and _gid", « _ga y _gid ». */
const CONJUNCTIONS = / (?:et|and|y|ou|or|o) /i;

/** What no cookie name contains (RFC 6265 token rules, and what would break our own lookups). */
const NOT_IN_A_NAME = /[\s;,=<>"\u0000-\u001f\u007f]/;
const MAX_NAME_CHARS = 256;

// ---------------------------------------------------------------------------------------------
// Warnings

class Warnings {
  private readonly list: string[] = [];
  private omitted = 0;
  add(text: string): void {
    if (this.list.length < MAX_WARNINGS) this.list.push(text);
    else this.omitted++;
  }
  result(): string[] {
    return this.omitted ? [...this.list, `${this.omitted} autres avertissements non affichés.`] : this.list;
  }
}

// ---------------------------------------------------------------------------------------------
// Headings and categories

interface Heading {
  level: number;
  text: string;
}

/** A table and the headings above it, nearest first (its caption, then the outline upwards). */
interface FoundTable {
  table: Element;
  headings: Heading[];
  /** A table with tables inside lays out the page rather than lists cookies. */
  holdsTables: boolean;
}

const tagOf = (el: Element) => el.localName.toLowerCase();

/**
 * An element's child elements, walked by sibling links: indexing a live `HTMLCollection`
 * (`.children`) costs jsdom a scan of the collection per access, quadratic on a long table.
 */
function* childElements(el: Element): Generator<Element> {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) yield child;
}

const INLINE = new Set(['span', 'u', 'em', 'i', 'a', 'font', 'mark', 'small', 'big', 'strong', 'b']);
/** Blocks in which a bold line reads as a heading (not list items, cells or real headings). */
const HEADING_BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'body', 'header', 'aside', 'center', 'blockquote']);
const LINE_FILLER = /^[\s:.\-–—]*$/;

/** Whether nothing but a line break, a block or punctuation sits beside `node` on that side. */
function lineEndsBeside(node: Element, side: 'previousSibling' | 'nextSibling'): boolean {
  let sibling = node[side];
  for (let i = 0; sibling && i < 20; i++) {
    if (sibling.nodeType === 1) {
      const tag = tagOf(sibling as Element);
      return tag === 'br' || !INLINE.has(tag);
    }
    if (sibling.nodeType === 3 && !LINE_FILLER.test(sibling.textContent ?? '')) return false;
    sibling = sibling[side];
  }
  return !sibling;
}

/** `<p><strong>Cookies tiers</strong></p>` and bold lines between `<br>`s act as headings. */
function isBoldHeading(el: Element): boolean {
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
 * A heading's text, read only as far as the cap: broken markup can leave a heading open around
 * the rest of the page. Stops at an inner table (the heading ended there); for a bold line, any
 * block inside means it was no heading at all (an unclosed `<b>` around paragraphs), and gives ''.
 */
function headingText(el: Element, bold: boolean): string {
  let text = '';
  const stack: Node[] = [];
  for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  for (let visited = 0; stack.length > 0 && visited < MAX_HEADING_NODES && text.length < MAX_HEADING_CHARS; visited++) {
    const node = stack.pop()!;
    if (node.nodeType === 3) text += (node as Text).data;
    if (node.nodeType !== 1) continue;
    const tag = tagOf(node as Element);
    if (tag === 'table') break;
    if (bold && !INLINE.has(tag) && tag !== 'br') return '';
    if (tag === 'script' || tag === 'style') continue;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return clip(collapse(text), MAX_HEADING_CHARS);
}

/**
 * Bold text or a heading inside a data cell is the cell's content, not a section title. A cell
 * holding a table is a layout cell (old pages wrap the whole page in one): headings in it count.
 * Memoised per cell, so a long layout cell is searched once.
 */
function dataCellTest(): (el: Element) => boolean {
  const holdsTable = new WeakMap<Element, boolean>();
  return (el) => {
    const cell = el.closest('td, th');
    if (!cell) return false;
    let layout = holdsTable.get(cell);
    if (layout === undefined) holdsTable.set(cell, (layout = cell.querySelector('table') !== null));
    return !layout;
  };
}

/** Every table in document order, with the headings above it; one pass over a short selector. */
function findTables(doc: Document): FoundTable[] {
  const found: FoundTable[] = [];
  const outline: Heading[] = [];
  const inDataCell = dataCellTest();
  const byTable = new Map<Element, FoundTable>();
  for (const el of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, strong, b, p, table')) {
    const tag = tagOf(el);
    if (tag === 'p') {
      // « Cookies nécessaires au bon fonctionnement : ces cookies… »: a label opening a paragraph.
      const text = inDataCell(el) ? '' : inlineLabel(headingText(el, false));
      if (text) {
        while (outline.length > 0 && outline[outline.length - 1]!.level >= 7) outline.pop();
        outline.push({ level: 7, text });
      }
      continue;
    }
    if (tag === 'table') {
      const caption = captionOf(el);
      const headings = [...outline].reverse();
      const table = { table: el, headings: caption ? [{ level: 7, text: caption }, ...headings] : headings, holdsTables: false };
      found.push(table);
      byTable.set(el, table);
      // Tables come in document order, outer before inner: mark the outer one now.
      const outer = el.parentElement?.closest('table');
      const outerTable = outer && byTable.get(outer);
      if (outerTable) outerTable.holdsTables = true;
      if (found.length > MAX_TABLES) break; // one more than read, so the cap is reported
      continue;
    }
    const level = tag.length === 2 && tag.startsWith('h') ? Number(tag[1]) : 7;
    if (level === 7 && !isBoldHeading(el)) continue;
    if (inDataCell(el)) continue;
    const text = headingText(el, level === 7);
    if (!text) continue;
    while (outline.length > 0 && outline[outline.length - 1]!.level >= level) outline.pop();
    outline.push({ level, text });
  }
  return found;
}

/** Words a label opening a paragraph may have, before its colon. */
const MAX_INLINE_LABEL_WORDS = 12;

/**
 * The label opening a paragraph (« Cookies de mesure d'audience : ils comptent… », bold or
 * not), when it names a kind of cookie or who sets them; '' otherwise. Running text before the
 * colon is no label: the part before it must be short and hold no sentence end.
 */
function inlineLabel(text: string): string {
  const colon = text.indexOf(':');
  if (colon <= 0) return '';
  const label = text.slice(0, colon).trim();
  if (label.split(' ').length > MAX_INLINE_LABEL_WORDS || /[.!?]/.test(label)) return '';
  const read = labelOf(label);
  return read.category || read.party ? label : '';
}

function captionOf(table: Element): string {
  for (const child of childElements(table)) {
    if (tagOf(child) === 'caption') return headingText(child, false);
  }
  return '';
}

/** The kind of cookies a heading (or a category cell) names, if it names one. */
function categoryOf(text: string): Category | undefined {
  const words = wordsOf(text);
  let negated = false;
  for (const [category, phrases] of CATEGORIES) {
    for (const phrase of phrases) {
      for (let at = phraseAt(words, phrase); at >= 0; at = phraseAt(words, phrase, at + 1)) {
        if (category === 'necessary' && NEGATIONS.has(words[at - 1] ?? '')) negated = true;
        else return category;
      }
    }
  }
  // « Cookies non nécessaires »: surely not necessary, and no more precise kind is given.
  return negated ? 'non-essential' : undefined;
}

/** Who sets the cookies a heading or cell speaks of, if it says. */
function partyOf(text: string): 'first' | 'third' | undefined {
  const words = wordsOf(text);
  return PARTIES.find(([, phrases]) => phrases.some((phrase) => phraseAt(words, phrase) >= 0))?.[0];
}

/** What a label (heading, caption, title row, cell) says of the cookies under it. */
interface Label {
  category?: Category;
  party?: 'first' | 'third';
  /** The label as written, when it names a category or a party. */
  text?: string;
}

function labelOf(text: string): Label {
  const category = categoryOf(text);
  const party = partyOf(text);
  return category || party ? { ...(category && { category }), ...(party && { party }), text: clip(collapse(text), MAX_HEADING_CHARS) } : {};
}

/**
 * A known provider named by the heading right above a table, in the heading's own wording
 * (« Matomo », "Google Analytics"). Only when exactly one is named: "Google and YouTube"
 * names no single provider for every row.
 */
function providerOf(heading: Heading | undefined): string | undefined {
  if (!heading) return undefined;
  const words = wordsOf(heading.text);
  const named = PROVIDERS.filter((p) => phraseAt(words, p.words) >= 0);
  // "Google Analytics" also contains "Google": keep the longest name only.
  const distinct = named.filter((p) => !named.some((q) => q !== p && q.folded.includes(p.folded)));
  if (distinct.length !== 1) return undefined;
  const provider = distinct[0]!;
  const at = fold(heading.text).indexOf(provider.folded);
  return at >= 0 ? heading.text.slice(at, at + provider.name.length) : provider.name;
}

// ---------------------------------------------------------------------------------------------
// Cells and grid

const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'pre', 'section', 'article', 'blockquote', 'address', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Not the cell's text: code, and inner tables, which are read as tables of their own. */
const NOT_TEXT = new Set(['script', 'style', 'template', 'table']);

/**
 * A cell's text with its line structure: `<br>`, list items and paragraphs become line breaks
 * (they separate names). Walks with an explicit stack (deep nesting cannot overflow the call
 * stack) and stops at the length cap.
 */
function cellText(cell: Element, onTruncate: () => void): string {
  let text = '';
  const stack: (Node | 'newline')[] = [];
  const pushChildren = (node: Node) => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  };
  pushChildren(cell);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'newline') text += '\n';
    else if (node.nodeType === 3 || node.nodeType === 4) text += (node as CharacterData).data;
    else if (node.nodeType === 1) {
      const tag = tagOf(node as Element);
      if (tag === 'br') text += '\n';
      else if (!NOT_TEXT.has(tag)) {
        if (BLOCKS.has(tag)) {
          text += '\n';
          stack.push('newline');
        }
        pushChildren(node);
      }
    }
    if (text.length > MAX_CELL_CHARS) {
      onTruncate();
      return text.slice(0, MAX_CELL_CHARS);
    }
  }
  return text;
}

/** One grid position; a cell spanning rows or columns fills several. */
interface Slot {
  cell: Element;
  text: string;
  /** The cell's own column, not one it spans into: colspan must not repeat text sideways. */
  firstColumn: boolean;
  /** The cell's own row: a name spanning rows is declared once, not once per row. */
  firstRow: boolean;
}
type Grid = (Slot | undefined)[][];

/** The table's own rows (inner tables' rows belong to them), at most one more than the cap. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    const tag = tagOf(child);
    const candidates = tag === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(tag) ? childElements(child) : [];
    for (const row of candidates) {
      if (tagOf(row) === 'tr') rows.push(row);
      if (rows.length > MAX_ROWS) return rows;
    }
  }
  return rows;
}

function spanOf(cell: Element, attribute: string, max: number): number {
  const value = Number.parseInt(cell.getAttribute(attribute) ?? '1', 10);
  if (attribute === 'rowspan' && value === 0) return max; // HTML: 0 spans to the section's end
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

/**
 * Lays cells out as the browser draws them: a `rowspan` provider cell fills the rows below, a
 * `colspan` cell the columns beside, so later cells land in their true column. Each position is
 * filled at most once; an overlapping span is cut short, which keeps the work within the grid size.
 */
function buildGrid(rows: Element[], warn: (cap: 'columns' | 'text') => void): Grid {
  const grid: Grid = rows.map(() => []);
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of childElements(row)) {
      const tag = tagOf(cell);
      if (tag !== 'td' && tag !== 'th') continue;
      while (grid[r]![column]) column++;
      if (column >= MAX_COLUMNS) {
        warn('columns');
        break;
      }
      const text = cellText(cell, () => warn('text'));
      const rowspan = spanOf(cell, 'rowspan', rows.length - r);
      const colspan = spanOf(cell, 'colspan', MAX_COLUMNS - column);
      for (let dr = 0; dr < rowspan && !grid[r + dr]![column]; dr++) {
        for (let dc = 0; dc < colspan && !grid[r + dr]![column + dc]; dc++) {
          grid[r + dr]![column + dc] = { cell, text, firstColumn: dc === 0, firstRow: dr === 0 };
        }
      }
      column += colspan;
    }
  });
  return grid;
}

// ---------------------------------------------------------------------------------------------
// Columns

function headerField(text: string): Field | undefined {
  if (text.includes('_')) return undefined; // `cookie_id` is a cookie's name, not a header
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_HEADER_WORDS) return undefined;
  return HEADERS.find(([, phrases]) => phrases.some((phrase) => phraseAt(words, phrase) >= 0))?.[0];
}

/** Which column holds which field, if this row is a header: it must name the cookie column. */
function columnsOf(row: (Slot | undefined)[]): Map<Field, number> | undefined {
  const columns = new Map<Field, number>();
  row.forEach((slot, column) => {
    if (!slot?.firstColumn) return;
    const field = headerField(slot.text);
    // Two columns for one field ("Cookie" twice): the first one is the field, the other ignored.
    if (field && !columns.has(field)) columns.set(field, column);
  });
  return columns.has('name') && columns.size >= 2 ? columns : undefined;
}

function findHeader(grid: Grid): { row: number; columns: Map<Field, number> } | undefined {
  for (let row = 0; row < Math.min(grid.length, HEADER_SCAN_ROWS); row++) {
    const columns = columnsOf(grid[row]!);
    if (columns) return { row, columns };
  }
  return undefined;
}

/**
 * A row made of one cell across the table (« Cookies de mesure d'audience ») titles the rows
 * below it. Returns its category, null for such a row naming none, undefined for an ordinary row.
 */
function sectionRow(row: (Slot | undefined)[]): Label | null | undefined {
  const own = row.filter((slot): slot is Slot => !!slot && slot.firstColumn && slot.firstRow);
  if (own.length !== 1) return undefined;
  const { cell, text } = own[0]!;
  const label = labelOf(text);
  if (label.text) return label;
  // A lone cell that spans nothing may be a short row's cookie name: read it as a row.
  const width = row.filter((slot) => slot?.cell === cell).length;
  return width >= 2 ? null : undefined;
}

// ---------------------------------------------------------------------------------------------
// Names

const QUOTES = '«»“”„‟"\'‘’‚‛`´‹›';
const LEADING_JUNK = `${QUOTES}•·▪‣(`;
const TRAILING_JUNK = `${QUOTES}.:!?)…`;

/** Strips quotes, spaces, bullets and trailing punctuation around a name: « “_pk” » → `_pk`. */
function trimName(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (/\s/.test(text[start]!) || LEADING_JUNK.includes(text[start]!))) start++;
  while (end > start && (/\s/.test(text[end - 1]!) || TRAILING_JUNK.includes(text[end - 1]!))) end--;
  const name = text.slice(start, end);
  return /^[-–—] /.test(name) ? trimName(name.slice(2)) : name; // a list dash
}

function isValidName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_NAME_CHARS && !NOT_IN_A_NAME.test(name);
}

function isWordBoundary(text: string, at: number): boolean {
  return at < 0 || at >= text.length || !/[a-z0-9]/.test(text[at]!);
}

/**
 * The prefix of a rule written in words (« tout cookie commençant par _hs », "Any cookie
 * starting with “_hs”", « préfixe _pk »): the prefix, null when the phrase is there but no
 * readable prefix follows it, undefined when the text is no such rule.
 */
function prefixInWords(text: string): string | null | undefined {
  const folded = fold(text);
  for (const phrase of PREFIX_PHRASES) {
    let at = folded.indexOf(phrase);
    while (at >= 0 && !(isWordBoundary(folded, at - 1) && isWordBoundary(folded, at + phrase.length))) {
      at = folded.indexOf(phrase, at + 1);
    }
    if (at < 0) continue;
    const tokens = text.slice(at + phrase.length).split(' ').map(trimName).filter(Boolean);
    const token = tokens.slice(0, 4).find((t) => !PREFIX_FILLERS.has(fold(t)));
    if (token === undefined) return null;
    // `_pk_id.*`: the dot before the star belongs to the prefix.
    const star = token.indexOf('*');
    const prefix = star >= 0 ? token.slice(0, star) : token;
    return isValidName(prefix) ? prefix : null;
  }
  return undefined;
}

/**
 * One name as written: `sessionid`; `_pk_*` or `_hj*` (a prefix); `_ga_<container-id>` or
 * `_pk_id.[site]` (a placeholder after a fixed start: a prefix too).
 */
function patternOf(token: string): NamePattern | undefined {
  const star = token.indexOf('*');
  if (star >= 0) {
    const prefix = token.slice(0, star); // `_pk_id.*`: the dot belongs to the prefix
    return isValidName(prefix) ? { prefix } : undefined;
  }
  const bracket = token.search(/[<[{]/);
  if (bracket > 0 && '>]}'.includes(token[token.length - 1]!)) {
    const prefix = token.slice(0, bracket);
    return isValidName(prefix) ? { prefix } : undefined;
  }
  return isValidName(token) ? { exact: token } : undefined;
}

/** Reads one piece of a name cell into `names`; what is not a name goes to `unreadable`. */
function readNamePiece(piece: string, names: NamePattern[], unreadable: string[], depth = 0): void {
  const text = trimName(piece);
  if (!text || PLACEHOLDERS.has(fold(text))) return;
  if (!text.includes(' ')) {
    const pattern = patternOf(text);
    if (pattern) names.push(pattern);
    else unreadable.push(text);
    return;
  }
  const prefix = prefixInWords(text);
  if (prefix) names.push({ prefix });
  else if (prefix === undefined && depth === 0 && CONJUNCTIONS.test(text)) {
    for (const part of text.split(CONJUNCTIONS)) readNamePiece(part, names, unreadable, 1);
  } else unreadable.push(text);
}

/**
 * The names a cell declares: one, several (split on `;`, `,`, ` / `, line breaks and list
 * items), or prefix rules. Duplicates are dropped.
 */
function readNames(raw: string): { names: NamePattern[]; unreadable: string[] } {
  const names: NamePattern[] = [];
  const unreadable: string[] = [];
  // Single spaces from here on: the phrase and conjunction searches need no `\s+`.
  const text = raw.replace(INVISIBLE, '').replace(/[^\S\n]+/g, ' ');
  for (const piece of text.split(/\n|;|,| \/ /)) readNamePiece(piece, names, unreadable);
  const seen = new Set<string>();
  const distinct = names.filter((pattern) => {
    const key = 'exact' in pattern ? `=${pattern.exact}` : `*${pattern.prefix}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { names: distinct, unreadable };
}

// ---------------------------------------------------------------------------------------------
// Tables

/**
 * The category when nothing above a table names one: the charter declares these cookies without
 * saying whether they are necessary, and clearing keeps them unless the visitor ticks them.
 */
const DEFAULT_CATEGORY: Category = 'unclear';
const CATEGORY_LABEL: Record<Category, string> = {
  necessary: 'nécessaires',
  preferences: 'préférences',
  statistics: 'statistiques',
  advertising: 'publicité',
  social: 'réseaux sociaux',
  'non-essential': 'non essentiels',
  unclear: 'nécessité non précisée',
};

/**
 * The table's category from the headings above it, nearest first, with the heading's words; who
 * sets the cookies from the nearest heading that says so. The cautious default, with a warning,
 * when no heading names a category.
 */
function tableLabel(found: FoundTable, grid: Grid, label: string, warnings: Warnings): Label & { category: Category } {
  const labels = found.headings.map((h) => labelOf(h.text));
  const named = labels.findIndex((l) => l.category);
  const party = labels.slice(0, named >= 0 ? named + 1 : labels.length).find((l) => l.party)?.party;
  if (named >= 0) return { ...labels[named]!, category: labels[named]!.category!, ...(party && { party }) };
  // A title row inside the table may still name its rows; warn only if none does.
  if (!grid.some((row) => sectionRow(row)?.category)) {
    warnings.add(`${label}${NBSP}: aucun titre ne dit de quels cookies il s'agit${NBSP}; sauf indication dans la ligne, ils sont classés « ${CATEGORY_LABEL[DEFAULT_CATEGORY]} » et conservés par la suppression.`);
  }
  const partyLabel = labels.find((l) => l.party);
  return { category: DEFAULT_CATEGORY, ...(partyLabel && { party: partyLabel.party, text: partyLabel.text }) };
}

/**
 * The provider of rows that have no provider cell: a provider named by the heading right above
 * the table (« Matomo »), else « Non précisé », said in a warning. Not the portal's own name:
 * the portal is often not the one that sets the cookie, and a wrong provider reads as a fact.
 */
function tableProvider(found: FoundTable, columns: Map<Field, number>, label: string, warnings: Warnings): string {
  if (columns.has('provider')) return UNKNOWN_PROVIDER; // only for an empty provider cell
  const named = providerOf(found.headings[0]);
  if (named) return named;
  warnings.add(`${label}${NBSP}: pas de colonne de prestataire${NBSP}; prestataire « ${UNKNOWN_PROVIDER} ».`);
  return UNKNOWN_PROVIDER;
}

/** Some pages repeat the header row further down a long table: it declares nothing. */
function repeatsHeader(row: (Slot | undefined)[], header: (Slot | undefined)[]): boolean {
  return row.length === header.length && row.every((slot, i) => collapse(slot?.text ?? '') === collapse(header[i]?.text ?? ''));
}

function readTable(found: FoundTable, number: number, warnings: Warnings): CharterEntry[] {
  const label = `Tableau ${number}`;
  const rows = rowsOf(found.table);
  if (rows.length > MAX_ROWS) {
    warnings.add(`${label}${NBSP}: plus de ${MAX_ROWS} lignes${NBSP}; seules les ${MAX_ROWS} premières sont lues.`);
    rows.length = MAX_ROWS;
  }
  const capsHit = new Set<'columns' | 'text'>();
  const grid = buildGrid(rows, (cap) => capsHit.add(cap));
  if (capsHit.has('columns')) warnings.add(`${label}${NBSP}: plus de ${MAX_COLUMNS} colonnes${NBSP}; les suivantes sont ignorées.`);
  if (capsHit.has('text')) warnings.add(`${label}${NBSP}: texte de cellule tronqué à ${MAX_CELL_CHARS} caractères.`);

  const header = findHeader(grid);
  if (!header) {
    // A table holding tables lays out the page; its inner tables are read on their own.
    if (!found.holdsTables) warnings.add(`${label}${NBSP}: aucune colonne de nom de cookie reconnue${NBSP}; tableau ignoré.`);
    return [];
  }
  const { columns } = header;
  let tableWords = tableLabel(found, grid, label, warnings);
  const provider = tableProvider(found, columns, label, warnings);
  const unreadable = (r: number) => (text: string) =>
    warnings.add(`${label}, ligne ${r + 1}${NBSP}: « ${clip(text, 60)} » n'est pas un nom de cookie lisible${NBSP}; ignoré.`);

  const entries: CharterEntry[] = [];
  grid.forEach((row, r) => {
    if (r === header.row) return;
    const section = sectionRow(row);
    if (section !== undefined) {
      // A title row naming only who sets the cookies keeps the category named above.
      if (section) tableWords = section.category ? { ...section, category: section.category } : { ...tableWords, ...section, category: tableWords.category };
      return;
    }
    if (r < header.row || repeatsHeader(row, grid[header.row]!)) return;
    const entry = readRow(row, columns, { label: tableWords, provider }, unreadable(r));
    if (entry) entries.push(entry);
  });
  if (entries.length === 0) warnings.add(`${label}${NBSP}: aucune ligne ne déclare de cookie.`);
  return entries;
}

function readRow(
  row: (Slot | undefined)[],
  columns: Map<Field, number>,
  table: { label: Label & { category: Category }; provider: string },
  unreadable: (text: string) => void,
): CharterEntry | undefined {
  // A spanned cell carries its text down (rowspan) but not sideways (colspan).
  const field = (name: Field): string => {
    const column = columns.get(name);
    const slot = column === undefined ? undefined : row[column];
    return slot?.firstColumn ? collapse(slot.text) : '';
  };
  const nameSlot = row[columns.get('name')!];
  if (!nameSlot?.firstColumn || !nameSlot.firstRow) return undefined;
  const { names, unreadable: rejected } = readNames(nameSlot.text);
  rejected.forEach(unreadable);
  if (names.length === 0) return undefined;

  const service = field('service');
  const duration = field('duration');
  // A « Type » cell may name the category, who sets the cookie, or both.
  const typeText = field('category');
  const cell = labelOf(typeText);
  const category = cell.category ?? table.label.category;
  const declaredUnder = cell.category ? cell.text : (table.label.text ?? (typeText || undefined));
  const party = cell.party ?? table.label.party;
  return {
    provider: field('provider') || table.provider,
    ...(service && { service }),
    names,
    purpose: field('purpose') || UNKNOWN_PURPOSE,
    category,
    ...(declaredUnder && { declaredUnder }),
    ...(party && { party }),
    ...(duration && { duration }),
  };
}

// ---------------------------------------------------------------------------------------------

export function parseCharter(doc: Document, meta: { site: string; url: string; fetchedAt: string }): ParseResult {
  const warnings = new Warnings();
  const entries: CharterEntry[] = [];
  try {
    const tables = findTables(doc);
    if (tables.length > MAX_TABLES) {
      warnings.add(`Plus de ${MAX_TABLES} tableaux dans la page${NBSP}; seuls les ${MAX_TABLES} premiers sont lus.`);
      tables.length = MAX_TABLES;
    }
    tables.forEach((found, i) => {
      for (const entry of readTable(found, i + 1, warnings)) entries.push(entry);
    });
  } catch {
    // Never expected; if a DOM implementation surprises us, keep what was read.
    warnings.add(`La lecture de la page s'est arrêtée sur une erreur inattendue${NBSP}; seuls les cookies lus avant sont gardés.`);
  }
  if (entries.length === 0) warnings.add('Aucun tableau de cookies reconnu dans cette page.');
  const charter: Charter = { site: meta.site, url: meta.url, source: 'live', fetchedAt: meta.fetchedAt, entries };
  return { charter, warnings: warnings.result() };
}
