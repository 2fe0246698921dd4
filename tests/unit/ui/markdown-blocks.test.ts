// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import MarkdownText from '@/components/MarkdownText.svelte';
import { markdownBlocks, spansOf } from '@/lib/ui/markdown-blocks';

describe('markdownBlocks', () => {
  it('reads headings, paragraphs over several lines, and list items that go on indented', () => {
    const blocks = markdownBlocks('# Title\n\nOne line\nand the next.\n\n## Part\n\n- **first** item\n  goes on\n- second `code`\n\nAfter.\n');
    expect(blocks).toEqual([
      { kind: 'h1', text: 'Title' },
      { kind: 'p', spans: [{ kind: 'text', text: 'One line and the next.' }] },
      { kind: 'h2', text: 'Part' },
      {
        kind: 'ul',
        items: [
          [{ kind: 'strong', text: 'first' }, { kind: 'text', text: ' item goes on' }],
          [{ kind: 'text', text: 'second ' }, { kind: 'code', text: 'code' }],
        ],
      },
      { kind: 'p', spans: [{ kind: 'text', text: 'After.' }] },
    ]);
  });

  it('leaves an unclosed mark and any markup as plain text', () => {
    expect(spansOf('a **b and `c')).toEqual([{ kind: 'text', text: 'a **b and `c' }]);
    expect(spansOf('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });
});

describe('the privacy policy drawn in the extension', () => {
  it.each(['fr', 'en'])('keeps every sentence of store/privacy-policy.%s.md, with no Markdown mark left', (lang) => {
    const markdown = readFileSync(`store/privacy-policy.${lang}.md`, 'utf8');
    const { container, unmount } = render(MarkdownText, { markdown });
    const shown = [...container.querySelectorAll('h1, h2, p, li')]
      .map((element) => element.textContent)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    // The source without its marks, as a reader sees it.
    const expected = markdown
      .split('\n')
      .map((line) => line.replace(/^#{1,2} |^- |^ {2}/, ''))
      .join(' ')
      .replace(/\*\*|`/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    expect(shown).toBe(expected);
    expect(container.querySelectorAll('h1')).toHaveLength(1);
    expect(container.querySelectorAll('h2').length).toBeGreaterThanOrEqual(5);
    expect(container.innerHTML).not.toMatch(/\*\*|`/);
    unmount();
  });
});
