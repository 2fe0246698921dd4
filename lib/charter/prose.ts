/**
 * Cookies declared outside tables:
 * - records, one per paragraph or list item: "Nom : x ; Finalité : y ; Durée : z",
 *   "Name: x; Purpose: y; Lifetime: z";
 * - a name alone on its line, followed by "Tipo: … / Caducidad: … / Finalidad: …" lines (in one
 *   paragraph or in the next ones);
 * - names in a bulleted list under a label (« Cookies pour mesurer l'utilisation : » then `_ga`,
 *   `_gid`), one per item, with or without a description after the name;
 * - definition lists: a name as the term, its description as the definition.
 * A record counts only with a name and at least one other known key, so prose that happens to
 * hold "Note: …" declares nothing.
 */
import { type Field, headerField, type RowFields } from './grid';
import { looksLikeName, trimName } from './names';
import { childElements, collapse, linedText, tagOf } from './text';
import { labelOf } from './vocabulary';

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

  /** Feeds a block's lines; returns whether the block was part of a record. */
  block(el: Element): boolean {
    const text = linedText(el, MAX_BLOCK_CHARS);
    let used = false;
    for (const line of text.split('\n')) {
      const trimmed = collapse(line);
      if (!trimmed) continue;
      used = this.line(trimmed) || used;
    }
    return used;
  }

  private line(line: string): boolean {
    const segments = line.split(/;\s+|\s+-\s+(?=[^:]{1,40}:)/);
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
  const pieces = text
    .slice(colon + 1)
    .split(/,|;| et | and | y /)
    .map((p) => collapse(p).replace(/[.;]$/, ''))
    .filter(Boolean);
  if (pieces.length === 0 || !pieces.every(looksLikeName) || !pieces.some((p) => STRONG_NAME.test(trimName(p)))) return undefined;
  return pieces.map((nameText) => ({ nameText, fields: {} }));
}
