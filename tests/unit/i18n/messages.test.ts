import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMessages, t, tn, type MessageKey, type PluralKey } from '@/lib/i18n/messages';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

// The mechanism, on sentences of its own (the real ones are checked by keys.test.ts).
const table = (yaml: string) => generateChromeMessages(parseMessagesText(yaml, 'YAML'));
const fr = table('count: { 1: $1 cookie, n: $1 cookies }\nnone: { 0: aucun, 1: un seul, n: $1 }\nhello: Bonjour $1, $2\nlabel: Langue');
const en = table('count: { 1: $1 cookie, n: $1 cookies }\nnone: { 0: none, 1: just one, n: $1 }\nhello: Hello $1, $2\nlabel: Language');
const key = (k: string) => k as MessageKey;
const plural = (k: string) => k as PluralKey;
const say = (k: string, ...subs: string[]) => (t as (k: MessageKey, ...s: string[]) => string)(key(k), ...subs);
const count = (k: string, n: number) => (tn as (k: PluralKey, n: number) => string)(plural(k), n);

describe('sentences in the chosen language', () => {
  it('reads a sentence from the language loaded', () => {
    setMessages('fr', fr);
    expect(say('label')).toBe('Langue');
    setMessages('en', en);
    expect(say('label')).toBe('Language');
  });

  it('chooses the plural form by the language’s rule, with the count written its way', () => {
    setMessages('fr', fr);
    expect(count('count', 0)).toBe('0 cookie');
    expect(count('count', 1)).toBe('1 cookie');
    expect(count('count', 2)).toBe('2 cookies');
    expect(count('count', 1234)).toBe('1\u202f234 cookies');
    setMessages('en', en);
    expect(count('count', 0)).toBe('0 cookies');
    expect(count('count', 1)).toBe('1 cookie');
    expect(count('count', 1234)).toBe('1,234 cookies');
  });

  it('has a form for none when the sentence gives one', () => {
    setMessages('en', en);
    expect([0, 1, 2].map((n) => count('none', n))).toEqual(['none', 'just one', '2']);
  });

  it('puts substitutions in place, a dollar sign in one left as it is', () => {
    setMessages('fr', fr);
    expect(say('hello', '$1 et $$', 'x')).toBe('Bonjour $1 et $$, x');
  });

  it('names a sentence missing from the table by its key, rather than saying nothing', () => {
    setMessages('en', en);
    expect(say('nowhere.to.be.found')).toBe('nowhere.to.be.found');
  });
});

describe('before the language’s table is loaded (the page script)', () => {
  // What Chrome and Firefox do: `$n` becomes the n-th substitution, or nothing when there is none.
  const browserSays = (message: string) =>
    vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'fr-FR', getMessage: (_: string, subs: string[] = []) => message.replace(/\$([1-9])/g, (_m, n) => subs[Number(n) - 1] ?? '') } });
  afterEach(() => vi.unstubAllGlobals());

  it('asks the browser, and keeps the substitutions it gives', () => {
    setMessages('fr', {});
    browserSays('balises imbriquées sur plus de $1 niveaux');
    expect(say('hello', '256')).toBe('balises imbriquées sur plus de 256 niveaux');
  });
});
