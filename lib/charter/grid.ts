/**
 * Cookie tables. Columns are found by header words, never by position, and the name column by
 * what its cells hold: "Cookie" holding kinds (« HTTP (Estadística) ») beside "Nombre" holding
 * names gives the names to "Nombre" and makes "Cookie" a per-row category; "Titre | Description"
 * with cookie names in the first column is read. A one-cookie table written vertically (keys in
 * the first column) is read as one entry. `rowspan` and `colspan` are laid out on a grid first.
 * Per-row "Type", « Catégorie », "Strictly necessary? Yes/No", party and domain columns refine
 * each row; who sets a cookie never changes what it is for.
 */
import { isPlatformCookie } from '../cookies/platform';
import type { Category, CharterEntry } from './model';
import { looksLikeName, readNames } from './names';
import { said, type Said } from '../i18n/said';
import { childElements, clip, collapse, linedText, phraseAt, tagOf, wordsOf } from './text';
import { type Label, labelOf, saysNecessary, yesNo } from './vocabulary';

export const MAX_ROWS = 2000;
const MAX_COLUMNS = 50;
const MAX_CELL_CHARS = 2000;
/** A header row is looked for among a table's first rows only (a title row may come first). */
const HEADER_SCAN_ROWS = 5;
/** Longer cells are content, not column headers. */
const MAX_HEADER_WORDS = 8;

/** Shown when a table has no provider column and no heading names one. */
export const UNKNOWN_PROVIDER = 'Non précisé';
/** Shown when a row leaves its purpose empty. */
export const UNKNOWN_PURPOSE = 'Non précisée';

export type Field = 'provider' | 'service' | 'name' | 'purpose' | 'duration' | 'category' | 'necessity' | 'party' | 'domain' | 'key';

/**
 * Column headers, most specific first: the first rule with a phrase in a header names its
 * column. Multi-word phrases come before the single words they contain: "Function and location"
 * is the service although "function" alone is the purpose; "Nom du prestataire" is the provider
 * although "nom" alone is the cookie's name. Generic name words come last, so "Durée du cookie"
 * is a duration and "Finalité du cookie" a purpose. The same words name the keys of a vertical
 * one-cookie table and of "Name: x; Purpose: y" records.
 */
const HEADER_RULES: [Field, string[]][] = [
  // « Clase : Exenta / No exenta »: whether the cookie is exempt from consent, in Spanish charters.
  ['necessity', ['strictly necessary', 'strictement nécessaire', 'necessary', 'nécessaire', 'essential', 'essentiel', 'necesaria', 'estrictamente necesaria', 'exempté de consentement', 'exempt', 'clase', 'exenta', 'exención']],
  ['party', ['first or third party', 'first party or third party', 'party', 'first third party', 'interne ou tiers', 'propre ou tiers', 'propia o de tercero', 'propia o de terceros', 'origine']],
  ['service', ['function and location', 'fonction et emplacement', 'función y ubicación']],
  ['provider', ['nom du prestataire', 'nom du fournisseur', "nom de l'éditeur", 'supplier name', 'provider name', 'vendor name', 'nombre del proveedor', 'set by', 'déposé par']],
  ['purpose', ['what it is for', 'what it s for', 'what it does', 'what for', 'à quoi il sert', 'à quoi sert', 'qué hace', 'para qué sirve', 'para qué']],
  ['duration', ['valid for', 'how long', 'cuánto dura', 'combien de temps', 'session or persistent', 'session ou persistant', 'sesión o persistente', 'length of the storage', 'length of storage', 'storage period', 'lasts for', 'durée de conservation', 'durée de vie', 'plazo de conservación']],
  ['name', ['nom du cookie', 'nom des cookies', 'nom de cookie', 'nom technique', 'cookie name', 'name of the cookie', 'name of cookie', 'nombre de la cookie', 'nombre de cookie', 'nombre de las cookies']],
  ['key', ['clé', 'key', 'clave', 'local storage', 'localstorage', 'session storage', 'sessionstorage']],
  ['domain', ['domaine', 'domain', 'host', 'hôte', 'dominio', 'hostname']],
  ['category', ['type', 'catégorie', 'category', 'tipo', 'categoría', 'kind']],
  ['provider', ['prestataire', 'fournisseur', 'éditeur', 'émetteur', 'société', 'organisme', 'propriétaire', 'provider', 'supplier', 'vendor', 'company', 'issuer', 'owner', 'proveedor', 'proveedores', 'empresa', 'propietario', 'titular']],
  ['service', ['service', 'emplacement', 'location', 'ubicación', 'servicio']],
  ['duration', ['durée', 'duration', 'expiry', 'expiration', 'expires', 'expire', 'lifetime', 'lifespan', 'retention', 'conservation', 'validité', 'échéance', 'duración', 'caducidad', 'vencimiento', 'plazo', 'conservación']],
  ['purpose', ['finalité', 'finalités', 'objet', 'usage', 'utilité', 'utilisation', 'objectif', 'but', 'rôle', 'purpose', 'function', 'fonction', 'description', 'used for', 'finalidad', 'propósito', 'proposito', 'descripción', 'función', 'uso']],
  ['name', ['cookie', 'nom', 'name', 'nombre', 'traceur', 'identifiant']],
];
const HEADERS: [Field, string[][]][] = HEADER_RULES.map(([field, phrases]) => [field, phrases.map(wordsOf)]);

/** The field a header (or a record's key) names, if any. */
export function headerField(text: string): Field | undefined {
  if (text.includes('_')) return undefined; // `cookie_id` is a cookie's name, not a header
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_HEADER_WORDS) return undefined;
  return HEADERS.find(([, phrases]) => phrases.some((phrase) => phraseAt(words, phrase) >= 0))?.[0];
}

/** What the reading could not understand, kept as data: it is found in the portal's page, and said where it is shown (lib/i18n/said.ts). */
export interface Warn {
  (warning: Said): void;
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
type Row = (Slot | undefined)[];
type Grid = Row[];

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
      const text = linedText(cell, MAX_CELL_CHARS, () => warn('text'));
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

/** Of a column's body cells, the share that look like cookie names (0 when it has none). */
function nameLikeShare(grid: Grid, column: number, from: number): number {
  let cells = 0;
  let names = 0;
  for (let r = from; r < grid.length; r++) {
    const slot = grid[r]![column];
    if (!slot?.firstColumn || !slot.firstRow || !collapse(slot.text)) continue;
    cells++;
    const lines = slot.text.split(/\n|,|;/).map(collapse).filter(Boolean);
    if (lines.length > 0 && lines.every(looksLikeName)) names++;
  }
  return cells === 0 ? 0 : names / cells;
}

/**
 * What a second name-like column holds, by its cells: domains (a scope), who sets the cookie
 * ("Third Party"), or, headed "Cookie", the kind of cookie; headed "Nom" or "Name", the provider.
 */
function otherNameColumn(grid: Grid, column: number, from: number, headedCookie: boolean): Field {
  let domains = 0;
  let parties = 0;
  let cells = 0;
  for (let r = from; r < grid.length; r++) {
    const slot = grid[r]![column];
    const text = slot?.firstColumn ? collapse(slot.text) : '';
    if (!text) continue;
    cells++;
    if (domainOf(text)) domains++;
    const label = labelOf(text);
    if (label.party && !label.category) parties++;
  }
  if (cells && domains * 2 > cells) return 'domain';
  if (cells && parties * 2 > cells) return 'party';
  return headedCookie ? 'category' : 'provider';
}

interface Header {
  row: number;
  columns: Map<Field, number>;
  /** The header's text per column, for a column read as a per-row category. */
  texts: string[];
}

/**
 * Which column holds which field, if this row is a header. The name column is chosen by its
 * content when two headers could be it, or found by content when no header names it.
 */
function columnsOf(grid: Grid, r: number, keyIsName: boolean, aboutCookies: boolean): Map<Field, number> | undefined {
  const row = grid[r]!;
  const fields: (Field | undefined)[] = row.map((slot) => {
    const field = slot?.firstColumn ? headerField(slot.text) : undefined;
    return field === 'key' && keyIsName ? 'name' : field;
  });
  const named = fields.filter(Boolean).length;
  if (named < 1) return aboutCookies ? namesByContentAlone(grid, r) : undefined;
  const columns = new Map<Field, number>();
  fields.forEach((field, column) => {
    if (field && field !== 'name' && !columns.has(field)) columns.set(field, column);
  });
  const candidates = fields.flatMap((field, column) => (field === 'name' ? [column] : []));
  let nameColumn: number | undefined;
  if (candidates.length === 1) nameColumn = candidates[0];
  else if (candidates.length > 1) {
    const shares = candidates.map((column) => nameLikeShare(grid, column, r + 1));
    nameColumn = candidates[shares.indexOf(Math.max(...shares))];
    // The other column: headed "Cookie", it says what each cookie is (« HTTP (Estadística) »), a
    // per-row category; headed "Nom" or "Name", it names who sets it.
    for (const other of candidates) {
      if (other === nameColumn) continue;
      const kind = otherNameColumn(grid, other, r + 1, /cookie/i.test(row[other]?.text ?? ''));
      if (!columns.has(kind)) columns.set(kind, other);
    }
  } else if (!columns.has('key')) {
    // "Titre | Description": a column no header names, whose cells are mostly cookie names.
    const unnamed = fields.flatMap((field, column) => (field === undefined && row[column]?.firstColumn ? [column] : []));
    nameColumn = unnamed.find((column) => nameLikeShare(grid, column, r + 1) >= 0.5);
  }
  if (nameColumn === undefined) return undefined;
  // A header naming the name column alone ("Cookie Identifier | What it's for | Valid for") is
  // one when the cells below it hold names.
  if (named + (candidates.length ? 0 : 1) < 2 && !(row.length >= 2 && nameLikeShare(grid, nameColumn, r + 1) >= 0.5)) return undefined;
  columns.set('name', nameColumn);
  return columns;
}

/**
 * A header of words no rule knows ("Identifier | What it does | How long"), in a table the page
 * presents as cookies: the column whose cells below are names (at least two, most of them), under
 * a header cell that is no name itself, is the name column.
 */
function namesByContentAlone(grid: Grid, r: number): Map<Field, number> | undefined {
  const row = grid[r]!;
  if (grid.length - r - 1 < 2 || row.length < 2) return undefined;
  for (let column = 0; column < row.length; column++) {
    const slot = row[column];
    if (!slot?.firstColumn || !collapse(slot.text) || looksLikeName(collapse(slot.text))) continue;
    if (nameLikeShare(grid, column, r + 1) >= 0.6) return new Map([['name', column]]);
  }
  return undefined;
}

function findHeader(grid: Grid, keyIsName: boolean, aboutCookies: boolean): Header | undefined {
  for (let row = 0; row < Math.min(grid.length, HEADER_SCAN_ROWS); row++) {
    const columns = columnsOf(grid, row, keyIsName, aboutCookies);
    if (columns) return { row, columns, texts: grid[row]!.map((slot) => collapse(slot?.text ?? '')) };
  }
  return undefined;
}

/** Whether the table lists storage keys ("Clé | Finalité"), which are no cookies. */
function listsStorageKeys(grid: Grid): boolean {
  for (let row = 0; row < Math.min(grid.length, HEADER_SCAN_ROWS); row++) {
    const fields = grid[row]!.map((slot) => (slot?.firstColumn ? headerField(slot.text) : undefined));
    if (fields.includes('key') && !fields.includes('name')) return true;
  }
  return false;
}

/**
 * A row made of one cell across the table (« Cookies de mesure d'audience ») titles the rows
 * below it. Returns what it says, null for such a row naming nothing, undefined for an ordinary row.
 */
function sectionRow(row: Row): Label | null | undefined {
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
// Rows

/** What the table as a whole is declared under, found above it. */
export interface TableContext {
  label: Label & { category: Category };
  provider: string;
  /** Whether the label above names a category (else a title row inside may). */
  named: boolean;
  /** The category was read from running text, not from a label: not enough to call a platform cookie non-essential. */
  inferred?: boolean;
  /** The heading, caption or text above speaks of browser storage (local storage): a "Key" column lists its keys. */
  storage?: boolean;
  /** The nearest heading, the caption or the text above speaks of cookies. */
  aboutCookies?: boolean;
}

/** Some pages repeat the header row further down a long table: it declares nothing. */
function repeatsHeader(row: Row, header: Row): boolean {
  return row.length === header.length && row.every((slot, i) => collapse(slot?.text ?? '') === collapse(header[i]?.text ?? ''));
}

/** A domain cell as a registrable-ish host: `.google.com` → `google.com`; '' when none. */
function domainOf(text: string): string {
  const host = collapse(text).toLowerCase().replace(/^https?:\/\//, '').replace(/^[.*]+/, '').split(/[/\s,;]/)[0] ?? '';
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host) ? host : '';
}

export interface RowFields {
  provider?: string;
  service?: string;
  purpose?: string;
  duration?: string;
  category?: string;
  necessity?: string;
  /** The necessity column's header, to show with its yes or no: "Strictly necessary? Yes". */
  necessityHeader?: string;
  party?: string;
  domain?: string;
}

/**
 * An entry from a row's (or a record's) fields, under the table's label: a category cell that
 * names a kind wins; a "Strictly necessary?" cell says yes or no; a party cell says who sets it.
 */
export function entryOf(names: CharterEntry['names'], fields: RowFields, context: TableContext): CharterEntry {
  const cell = labelOf(fields.category ?? '');
  const platform = context.inferred && !cell.category && names.some((n) => 'exact' in n && isPlatformCookie(n.exact));
  let category: Category = cell.category ?? (platform ? 'unclear' : context.label.category);
  let declaredUnder = cell.category ? cell.text : (context.label.text ?? (fields.category || undefined));
  const necessary = fields.necessity ? yesNo(fields.necessity) : undefined;
  const said = fields.necessityHeader ? `${fields.necessityHeader} ${fields.necessity}` : fields.necessity;
  if (necessary === true) {
    // "Yes" beside a row's own kind that needs consent (« Analítica », « Exenta »): the row disagrees with itself.
    category = cell.category && cell.category !== 'necessary' && cell.category !== 'unclear' ? 'unclear' : 'necessary';
    declaredUnder = said;
  } else if (necessary === false && (category === 'necessary' || category === 'unclear')) {
    category = 'non-essential';
    declaredUnder = said;
  }
  // A row that says "necessary" anywhere (cells shift on real pages) is never made clearable by
  // the heading or paragraph above: the signals disagree, and the cookie is kept as unclear.
  const fromAbove = !cell.category && necessary === undefined;
  if (fromAbove && category !== 'necessary' && category !== 'unclear' && Object.values(fields).some((text) => typeof text === 'string' && saysNecessary(text))) {
    category = 'unclear';
  }
  const party = partyCell(fields.party) ?? cell.party ?? context.label.party;
  const domain = fields.domain ? domainOf(fields.domain) : '';
  const { service, duration } = fields;
  return {
    provider: fields.provider || context.provider,
    ...(service && { service }),
    names,
    purpose: fields.purpose || UNKNOWN_PURPOSE,
    category,
    ...(declaredUnder && { declaredUnder }),
    ...(party && { party }),
    ...(duration && { duration }),
    ...(domain && { domains: [domain] }),
  };
}

function partyCell(text: string | undefined): 'first' | 'third' | undefined {
  return text ? labelOf(text).party : undefined;
}

/** Fields of a row, by column; a spanned cell carries its text down (rowspan) but not sideways. */
function rowFields(row: Row, columns: Map<Field, number>, header: Header): RowFields {
  const fields: RowFields = {};
  const necessity = columns.get('necessity');
  if (necessity !== undefined && header.texts[necessity]) fields.necessityHeader = header.texts[necessity];
  for (const [field, column] of columns) {
    if (field === 'name' || field === 'key') continue;
    const slot = row[column];
    const text = slot?.firstColumn ? collapse(slot.text) : '';
    if (text) fields[field] = text;
  }
  return fields;
}

/** A one-cookie table written vertically: "Nom | _ga", "Finalité | …", "Durée | 13 mois". */
function readVertical(grid: Grid, context: TableContext, label: Said, warn: Warn): CharterEntry[] | undefined {
  const fields: RowFields = {};
  let nameText: string | undefined;
  for (const row of grid) {
    const key = row[0]?.firstColumn ? collapse(row[0].text) : '';
    const value = row[1]?.firstColumn && row[1].cell !== row[0]?.cell ? row[1].text : '';
    const field = key && key.length < 60 ? headerField(key) : undefined;
    if (!field || !collapse(value)) continue;
    if (field === 'name') nameText ??= value;
    else if (field !== 'key') fields[field] ??= collapse(value);
  }
  if (nameText === undefined || Object.keys(fields).length === 0) return undefined;
  const { names, unreadable, notNames } = readNames(nameText);
  for (const text of [...unreadable, ...notNames]) warn(said('charterStatus.warning.notReadable', label, clip(text, 60)));
  return names.length ? [entryOf(names, fields, context)] : [];
}

/**
 * The entries of one table. `context` is what the page says above it; a title row inside the
 * table overrides it for the rows below.
 */
export function readTable(table: Element, label: Said, context: () => TableContext, warn: Warn): CharterEntry[] {
  const rows = rowsOf(table);
  if (rows.length > MAX_ROWS) {
    warn(said('charterStatus.warning.tooManyRows', label, MAX_ROWS));
    rows.length = MAX_ROWS;
  }
  const capsHit = new Set<'columns' | 'text'>();
  const grid = buildGrid(rows, (cap) => capsHit.add(cap));
  if (capsHit.has('columns')) warn(said('charterStatus.warning.tooManyColumns', label, MAX_COLUMNS));
  if (capsHit.has('text')) warn(said('charterStatus.warning.cellCut', label, MAX_CELL_CHARS));

  const vertical = grid.every((row) => row.length <= 2) ? readVertical(grid, context(), label, warn) : undefined;
  if (vertical) return vertical;
  // "Key" heads the name column too, unless the page speaks of browser storage there.
  const header = findHeader(grid, !context().storage, context().aboutCookies ?? false);
  if (!header) {
    return listsStorageKeys(grid) ? (warn(said('charterStatus.warning.storageKeys', label)), []) : (warn(said('charterStatus.warning.noNameColumn', label)), []);
  }
  const { columns } = header;
  let tableContext = context();
  if (!tableContext.named && !grid.some((row) => sectionRow(row)?.category)) {
    warn(said('charterStatus.warning.noTitle', label));
  }
  if (!columns.has('provider') && tableContext.provider === UNKNOWN_PROVIDER) {
    warn(said('charterStatus.warning.noProvider', label, UNKNOWN_PROVIDER));
  }
  const nameColumn = columns.get('name')!;
  const entries: CharterEntry[] = [];
  grid.forEach((row, r) => {
    if (r === header.row) return;
    const section = sectionRow(row);
    if (section !== undefined) {
      // A title row naming only who sets the cookies keeps the category named above.
      if (section) {
        const { label: above } = tableContext;
        tableContext = { ...tableContext, label: section.category ? { ...section, category: section.category } : { ...above, ...section, category: above.category } };
      }
      return;
    }
    if (r < header.row || repeatsHeader(row, grid[header.row]!)) return;
    const nameSlot = row[nameColumn];
    if (!nameSlot?.firstColumn || !nameSlot.firstRow) return;
    const { names, unreadable, notNames } = readNames(nameSlot.text);
    for (const text of unreadable) warn(said('charterStatus.warning.rowNotReadable', label, r + 1, clip(text, 60)));
    for (const text of notNames) warn(said('charterStatus.warning.rowNotName', label, r + 1, clip(text, 60)));
    if (names.length) entries.push(entryOf(names, rowFields(row, columns, header), tableContext));
  });
  if (entries.length === 0) warn(said('charterStatus.warning.noRow', label));
  return entries;
}
