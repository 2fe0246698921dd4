/**
 * Tables written as text: rows of cells separated by tabs (a table copied from a spreadsheet
 * into paragraphs, its header sometimes in an accordion's title), or by pipes (a Markdown table
 * the renderer left as text, its delimiter row `|---|---|` included). Consecutive blocks whose
 * every line is such a row are gathered, then laid out as a real table and read as one
 * (grid.ts), header words and all.
 */
import { collapse, linedText } from './text';

const MAX_BLOCK_CHARS = 4000;
const MAX_ROWS = 2000;
/** At least three cells: two tabs or three pipes make a row, not a stray character. */
const MIN_CELLS = 3;
/** The delimiter row of a Markdown table: `|---|:---:|`. */
const DELIMITER = /^\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?$/;

/** The cells of one line, `[]` for a delimiter row, undefined for a line that is no row. */
export function cellsOf(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed) return [];
  if (DELIMITER.test(trimmed)) return [];
  if (line.split('\t').length >= MIN_CELLS) return line.split('\t').map(collapse);
  if (trimmed.startsWith('|') && trimmed.split('|').length >= MIN_CELLS + 1) {
    return trimmed.replace(/^\|/, '').replace(/\|$/, '').split('|').map(collapse);
  }
  return undefined;
}

/** Rows gathered from consecutive blocks, until a block that is no row. */
export class TextTable {
  private rows: string[][] = [];

  /** Takes a block whose every line is a row; returns whether it did. */
  feed(el: Element): boolean {
    const lines = linedText(el, MAX_BLOCK_CHARS).split('\n');
    const rows: string[][] = [];
    for (const line of lines) {
      const cells = cellsOf(line);
      if (!cells) return false;
      if (cells.length) rows.push(cells);
    }
    if (rows.length === 0 || this.rows.length + rows.length > MAX_ROWS) return false;
    this.rows.push(...rows);
    return true;
  }

  get pending(): boolean {
    return this.rows.length > 0;
  }

  /** The rows gathered, as a table of the page's document (never inserted in it); undefined below two rows. */
  take(doc: Document): Element | undefined {
    const rows = this.rows;
    this.rows = [];
    if (rows.length < 2) return undefined;
    const table = doc.createElement('table');
    for (const cells of rows) {
      const tr = doc.createElement('tr');
      for (const text of cells) {
        const td = doc.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      table.append(tr);
    }
    return table;
  }
}
