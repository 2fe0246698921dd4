import { describe, expect, it } from 'vitest';
import { setMessages } from '@/lib/i18n/messages';
import { commandSentence } from '@/lib/i18n/command-sentence';
import { messagesOf } from '../support/messages';

const ref = (name: string) => ({ name, domain: 'data.issy.com', path: '/' });
const failure = (name: string) => ({ cookie: ref(name), reason: 'the browser refused the deletion' });
const refs = (n: number) => Array.from({ length: n }, (_, i) => ref(`c${i}`));

describe('what a command says it did, in English', () => {
  it.each([
    ['reset', refs(1), [], undefined, 'Preferences reset: 1 cookie deleted. The page will reload.'],
    ['reset', refs(2), [], undefined, 'Preferences reset: 2 cookies deleted. The page will reload.'],
    ['reset', [], [], undefined, 'No choice saved: the portal will ask you again on your next visit.'],
    ['undo-reset', refs(1), [], undefined, 'Reset undone: 1 cookie restored. The page will reload.'],
    ['clear', [], [], 'data.issy.com', 'No cookies to clear on data.issy.com.'],
    ['clear', [], [], undefined, 'No cookies to clear.'],
    ['clear', refs(1), [], 'data.issy.com', 'Non-essential cookies cleared on data.issy.com: 1 cookie deleted.'],
    ['clear', refs(2), [], 'data.issy.com', 'Non-essential cookies cleared on data.issy.com: 2 cookies deleted.'],
    ['clear', refs(1), [failure('ods_embed')], 'data.issy.com', 'Non-essential cookies cleared on data.issy.com: 1 cookie deleted, 1 failed (details below).'],
    ['clear', [], [failure('ods_embed')], 'data.issy.com', 'Non-essential cookies not cleared on data.issy.com: 0 cookies deleted, 1 failed (details below).'],
    ['clear', refs(1234), [], undefined, 'Non-essential cookies cleared: 1,234 cookies deleted.'],
    ['undo-clear', refs(2), [], 'data.issy.com', 'Clearing undone on data.issy.com: 2 cookies restored.'],
    ['undo-clear', [], [], 'data.issy.com', 'Nothing to restore on data.issy.com.'],
  ] as const)('%s with %j done, %j failed', async (kind, done, failed, site, sentence) => {
    setMessages('en', await messagesOf('en'));
    expect(commandSentence(kind, { done, failed }, site)).toBe(sentence);
  });

  it('counts 0, 1 and 2 the French way when French is spoken: 0 and 1 singular', () => {
    expect([0, 1, 2].map((n) => commandSentence('clear', { done: refs(n), failed: n ? [] : [failure('x')] }).replace(/\u00a0/g, ' '))).toEqual([
      'Cookies non essentiels non supprimés : 0 cookie supprimé, 1 en échec (détail ci-dessous).',
      'Cookies non essentiels supprimés : 1 cookie supprimé.',
      'Cookies non essentiels supprimés : 2 cookies supprimés.',
    ]);
  });
});
