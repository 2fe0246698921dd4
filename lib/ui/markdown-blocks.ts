/**
 * The few Markdown forms Témoin's own texts use (store/privacy-policy.*.md), read into blocks
 * that a component draws with ordinary elements: `#` and `##` headings, paragraphs, `- ` lists
 * (a line indented by two spaces goes on with the item), and within them `**strong**` and
 * `` `code` ``. One text serves the store and the extension, and no HTML is ever injected: what
 * is not one of these forms stays plain text.
 */

export type Span = { kind: 'text' | 'strong' | 'code'; text: string };
export type Block =
  | { kind: 'h1' | 'h2'; text: string }
  | { kind: 'p'; spans: Span[] }
  | { kind: 'ul'; items: Span[][] };

/** `**strong**` and `` `code` `` in a line; an unclosed mark stays as it is. */
export function spansOf(text: string): Span[] {
  const spans: Span[] = [];
  const mark = /\*\*(.+?)\*\*|`([^`]+)`/g;
  let from = 0;
  for (const found of text.matchAll(mark)) {
    if (found.index > from) spans.push({ kind: 'text', text: text.slice(from, found.index) });
    spans.push(found[1] !== undefined ? { kind: 'strong', text: found[1] } : { kind: 'code', text: found[2]! });
    from = found.index + found[0].length;
  }
  if (from < text.length) spans.push({ kind: 'text', text: text.slice(from) });
  return spans;
}

export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  // Lines of the paragraph or list item being read, joined by a space once it ends.
  let lines: string[] = [];
  let list: string[][] | null = null;
  const flush = () => {
    if (list) {
      if (lines.length > 0) list.push(lines);
      blocks.push({ kind: 'ul', items: list.map((item) => spansOf(item.join(' '))) });
    } else if (lines.length > 0) blocks.push({ kind: 'p', spans: spansOf(lines.join(' ')) });
    lines = [];
    list = null;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,2}) (.+)$/.exec(line);
    if (line.trim() === '') flush();
    else if (heading) {
      flush();
      blocks.push({ kind: heading[1] === '#' ? 'h1' : 'h2', text: heading[2]!.trim() });
    } else if (line.startsWith('- ')) {
      if (!list) {
        flush();
        list = [];
      } else if (lines.length > 0) list.push(lines);
      lines = [line.slice(2).trim()];
    } else lines.push(line.trim());
  }
  flush();
  return blocks;
}
