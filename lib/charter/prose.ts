/**
 * Cookies declared outside tables:
 * - records, one per paragraph or list item: "Nom : x ; Finalité : y ; Durée : z",
 *   "Name: x; Purpose: y; Lifetime: z";
 * - a name alone on its line, followed by "Tipo: … / Caducidad: … / Finalidad: …" lines (in one
 *   paragraph or in the next ones);
 * - names in a bulleted list under a label (« Cookies pour mesurer l'utilisation : » then `_ga`,
 *   `_gid`), one per item, with or without a description after the name;
 * - definition lists: a name as the term, its description as the definition;
 * - lines led by names written as code (`_ga: …`, `**_ga, _gat:** …`, `XSRF-TOKEN — …`,
 *   `_gid → …`, a tab), under a heading or an introduction that speaks of cookies.
 * A record counts only with a name and at least one other known key, so prose that happens to
 * hold "Note: …" declares nothing.
 */
import { type Field, headerField, type RowFields } from './grid';
import { looksLikeName, trimName } from './names';
import { childElements, collapse, linedText, tagOf } from './text';
import { ABOUT_COOKIES, STORAGE, labelOf } from './vocabulary';

const MAX_BLOCK_CHARS = 4000;
/** A key before a colon: a few words at most. */
const MAX_KEY_WORDS = 4;
const KEY = /^\s*(?:[-–—•*]\s*)?([^:;]{1,40}?)\s*:\s*(.*)$/s;

/** The known field a "Key: value" segment names, with its value; undefined for any other text. */
export function keyed(segment: string): { field: Field; value: string } | undefined {
  const match = KEY.exec(segment);
  if (!match) return undefined;
  const key = match[1]!;
  // A key is a few words and names no kind: « Cookies de mesure d'audience : … » is a label.
  if (key.split(' ').length > MAX_KEY_WORDS || labelOf(key).text) return undefined;
  const field = headerField(key);
  return field && field !== 'key' ? { field, value: collapse(match[2]!) } : undefined;
}

/** One cookie declared in prose: the name as written, and its other fields. */
export interface Record {
  nameText: string;
  fields: RowFields;
}

/**
 * Reads lines in order, across paragraphs: a "Name: x" line or a name alone on its line opens a
 * record; "Key: value" lines add to it; any other line closes it. Records without any field
 * besides the name are dropped.
 */
export class RecordReader {
  private open: (Record & { extra: number }) | undefined;
  private readonly done: Record[] = [];

  /** A name standing as a heading of its own (`<h4>_ga</h4>`), its fields in the lines below. */
  heading(text: string): boolean {
    if (!looksLikeName(text)) return false;
    this.close();
    this.open = { nameText: text, fields: {}, extra: 0 };
    return true;
  }

  /**
   * Feeds a block's lines; returns whether the block was part of a record. `aboutCookies`: the
   * heading or introduction in force speaks of cookies, so a line led by a name written as code
   * declares it.
   */
  block(el: Element, aboutCookies = false): boolean {
    const text = linedText(el, MAX_BLOCK_CHARS);
    let used = false;
    for (const line of text.split('\n')) {
      const trimmed = collapse(line);
      if (!trimmed) continue;
      used = this.line(trimmed, aboutCookies) || used;
    }
    return used;
  }

  private line(line: string, aboutCookies: boolean): boolean {
    // "Name: x; Purpose: y", "Cookie: x / Duration: y", "Cookie: x | Expiry: y", "Name: x - Purpose: y".
    const segments = line.split(/;\s+|\s+[-–—/|]\s+(?=[^:]{1,40}:)/);
    const first = keyed(segments[0]!);
    if (first?.field === 'name' && looksLikeName(first.value.split(/[\s,]/)[0]!)) {
      this.close();
      this.open = { nameText: first.value, fields: {}, extra: 0 };
      for (const segment of segments.slice(1)) this.add(segment);
      return true;
    }
    if (first && this.open) {
      for (const segment of segments) this.add(segment);
      return true;
    }
    this.close();
    if (segments.length === 1 && looksLikeName(line) && STRONG_NAME.test(trimName(line))) {
      this.open = { nameText: line, fields: {}, extra: 0 };
      return true;
    }
    const led = ledByNames(line, aboutCookies);
    if (led) {
      this.open = { ...led, extra: 1 };
      return true;
    }
    return false;
  }

  private add(segment: string): void {
    const open = this.open!;
    const read = keyed(segment);
    // A segment without a key continues the previous value ("…; For more: see …").
    if (!read) return;
    if (read.field === 'name') return;
    open.fields[read.field as Exclude<Field, 'name' | 'key'>] ??= read.value.replace(/[.;]+$/, '');
    open.extra++;
  }

  close(): void {
    if (this.open && this.open.extra > 0) this.done.push({ nameText: this.open.nameText, fields: this.open.fields });
    this.open = undefined;
  }

  /** Records completed since the last call. */
  take(): Record[] {
    return this.done.splice(0);
  }
}

/** Between the names leading a line and what it says of them: a colon, a dash, an arrow, a tab, a bar. */
const LEAD = /^[-–—•*▪◆]?\s*([^:–—→\t|]{1,200}?)\s*(?::|\s[–—-]\s|→|->|=>|\t|\|)\s*(\S.*)$/s;
/** A lifetime in a line: « 13 mois », "2 years", « 1 día », "session". */
const DURATION = /\b\d+\s*(?:ans?|années?|mois|jours?|heures?|minutes?|min|years?|months?|weeks?|days?|hours?|semaines?|años?|meses|mes|semanas?|días?|dias?|horas?|minutos?)\b|\bsession\b|\bsesión\b/i;
/** Several names leading one line: `_ga, _gat`, `_ga / _gid`, `_ga et _gid`. */
const NAME_RUN = /\s*,\s*|\s+\/\s+|\s+(?:et|and|y|&)\s+/;

/**
 * A line led by one or more names written as only code is, then what they are: « _ga : sert à
 * distinguer les visiteurs. 13 mois », "**_ga, _gat:** Google Analytics cookies…". Names that
 * could be words in capitals (`GDPR`, `CSRF`) need the description to speak of cookies; every
 * other lead needs the heading or introduction above, or the description, to.
 */
export function ledByNames(line: string, aboutCookies: boolean): Record | undefined {
  const match = LEAD.exec(line);
  if (!match) return undefined;
  const [, lead, rest] = match as unknown as [string, string, string];
  const pieces = lead.split(NAME_RUN).map(trimName);
  const described = ABOUT_COOKIES.test(rest);
  if (!aboutCookies && !described) return undefined;
  // "consent_state: kept in your browser's local storage": a storage key, presented as such.
  if (STORAGE.test(rest) && !described) return undefined;
  // Capitals alone (`GDPR`) and a capitalised word with a capital inside (`GitHub`, `WordPress`)
  // are how products and acronyms are written too: the description must speak of cookies.
  const wordLike = (p: string) => /^[A-Z]{2,}$/.test(p) || /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(p);
  // A plain word (`lang`, `wall`) leads a cookie's line when the line says how long it lasts or speaks of cookies.
  const plain = (p: string) => /^[a-z]+$/.test(p) && (described || DURATION.test(rest));
  const coded = (p: string) => (CODE_LIKE.test(p) || /^[A-Z]{2,}$/.test(p)) && (described || !wordLike(p));
  const named = (p: string) => looksLikeName(p) && (coded(p) || plain(p));
  if (pieces.length === 0 || !pieces.every(named)) return undefined;
  return { nameText: pieces.join(', '), fields: { purpose: rest.replace(/[.;]+$/, '') } };
}

/** A list item read as a name: the name alone, or a name then a description after `:`, `–`, `(`. */
function itemName(text: string): Record | undefined {
  const line = collapse(text);
  if (!line) return undefined;
  if (looksLikeName(line)) return { nameText: line, fields: {} };
  const match = /^(\S+?)\s*(?:[:–—]|\s-\s|\()\s*(.+)$/.exec(line);
  if (!match || !looksLikeName(match[1]!)) return undefined;
  return { nameText: match[1]!, fields: { purpose: match[2]!.replace(/\)$/, '') } };
}

/**
 * A list whose every item is a cookie name (with or without a description): one record per item.
 * Undefined when any item is something else, so a list of reasons or links declares nothing.
 */
export function listRecords(list: Element, intro: string): Record[] | undefined {
  const records: Record[] = [];
  for (const item of childElements(list)) {
    if (tagOf(item) !== 'li') continue;
    const text = linedText(item, MAX_BLOCK_CHARS);
    if (!collapse(text)) continue;
    const record = itemName(text);
    if (!record) return undefined;
    records.push(record);
  }
  if (records.length === 0) return undefined;
  // Plain words only ("contrast", "lang"): the list must be introduced as cookies, not as
  // anything said about cookies (« Vous pouvez gérer les cookies : accepter, refuser »).
  if (!records.some((r) => STRONG_NAME.test(trimName(r.nameText))) && !COOKIES_FIRST.test(intro)) return undefined;
  return records;
}

/** Written as only code is: `_ga`, `hjViewportId`, `NID`, `cookie-functional`. */
const STRONG_NAME = /[_\d.\-*#]|[a-z][A-Z]|^[A-Z]{2,}$/;
/**
 * Written as no word of prose is: an underscore, a wildcard, a capital inside lower case, a
 * digit, a hyphen between letters. Not a dot alone (« e.g. », "i.e."), nor capitals alone (`GDPR`).
 */
const CODE_LIKE = /[_*#]|[a-z][A-Z]|\d|[A-Za-z]-[A-Za-z]/;
/** An introduction that starts by naming cookies: « Cookies pour mesurer… : », "The cookies we set:". */
const COOKIES_FIRST = /^\s*(?:(?:les|des|nos|ces|the|our|these|las|los|nuestras)\s+)?(?:cookies?|traceurs?|t[ée]moins?|trackers?)\b/i;

/** Terms that are names, each with what its definitions say ("Durée : 13 mois" lines as fields). */
export function definitionRecords(list: Element): Record[] {
  const records: Record[] = [];
  let current: Record | undefined;
  for (const child of childElements(list)) {
    const tag = tagOf(child);
    if (tag === 'dt') {
      const name = collapse(linedText(child, 300));
      current = looksLikeName(name) ? { nameText: name, fields: {} } : undefined;
      if (current) records.push(current);
    } else if (tag === 'dd' && current) {
      for (const line of linedText(child, MAX_BLOCK_CHARS).split('\n').map(collapse).filter(Boolean)) {
        const read = keyed(line);
        if (read && read.field !== 'name') current.fields[read.field as Exclude<Field, 'name' | 'key'>] ??= read.value;
        else current.fields.purpose ??= line;
      }
    }
  }
  return records;
}

/**
 * The names after a label's colon, when that is all there is: « Cookies de mesure d'audience :
 * _ga, _gid et _gat ». Undefined for anything else after the colon.
 */
export function namesAfterLabel(text: string): Record[] | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const head = text.slice(0, colon);
  // « Mesures (Web Vitals : LCP, FID, etc.) »: the colon is inside a remark, giving examples.
  if (head.split('(').length !== head.split(')').length) return undefined;
  const pieces = text
    .slice(colon + 1)
    .split(/,|;| et | and | y /)
    .map((p) => collapse(p).replace(/[.;]$/, ''))
    .filter(Boolean);
  if (pieces.length === 0 || !pieces.every(looksLikeName) || !pieces.some((p) => STRONG_NAME.test(trimName(p)))) return undefined;
  // Names in capitals alone (`LCP`, `FID`) could be any acronyms: the label must say cookies.
  if (!pieces.some((p) => CODE_LIKE.test(trimName(p))) && !ABOUT_COOKIES.test(head)) return undefined;
  return pieces.map((nameText) => ({ nameText, fields: {} }));
}
