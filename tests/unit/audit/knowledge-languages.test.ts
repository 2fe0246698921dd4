import { describe, expect, it } from 'vitest';
import { knowledge } from '@/lib/audit/knowledge/entries';
import type { MessagesJson } from '@/lib/i18n/messages';
import { messagesOf } from '../support/messages';

const fr = await messagesOf('fr');
const en = await messagesOf('en');
const text = (table: MessagesJson, key: string) => table[key.replaceAll('.', '_')]?.message ?? '';

describe('the knowledge base in both languages', () => {
  it.each(knowledge.map((entry) => [entry.purpose, entry] as const))('%s has a French and an English purpose of its own', (key) => {
    const french = text(fr, key);
    const english = text(en, key);
    expect(french.trim()).not.toBe('');
    expect(english.trim()).not.toBe('');
    expect(english).not.toBe(french);
    // One English sentence, with typographic apostrophes, as the French.
    expect(english).toMatch(/^[A-Z].*[^.]\.$/u);
    expect(english.slice(0, -1)).not.toMatch(/[.!?]\s/u);
    expect(english).not.toContain("'");
    expect(english).not.toMatch(/[éèàùç]/u);
  });

  it('gives each entry a sentence of its own', () => {
    const keys = knowledge.map((entry) => entry.purpose);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
