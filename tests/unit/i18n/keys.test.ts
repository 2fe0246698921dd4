import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const own = (messages: ParsedMessage[]) => messages.filter((m) => !m.key[0]!.startsWith('@@'));
const fr = own(await parseMessagesFile(join(root, 'locales/fr.yml')));
const en = own(await parseMessagesFile(join(root, 'locales/en.yml')));
const shape = (messages: ParsedMessage[]) =>
  Object.fromEntries(messages.map((m) => [m.key.join('.'), { plural: m.type === 'plural', substitutions: m.substitutions }]));

/** The code that speaks: every .ts and .svelte file outside the tests. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}
const code = ['lib', 'components', 'entrypoints'].flatMap((dir) => sources(join(root, dir))).map((file) => readFileSync(file, 'utf8')).join('\n');
const manifest = readFileSync(join(root, 'wxt.config.ts'), 'utf8');

describe('the two languages', () => {
  it('have the same sentences, each with the same substitutions and plural forms', () => {
    expect(shape(en)).toEqual(shape(fr));
  });

  it('have no sentence left empty', () => {
    for (const m of [...fr, ...en]) {
      const texts = m.type === 'plural' ? Object.values(m.plurals) : [m.message];
      expect(texts.every((text) => text.trim() !== ''), m.key.join('.')).toBe(true);
    }
  });

  it('say nothing the code does not use: each key is written whole in it, or in the manifest', () => {
    const unused = fr.map((m) => m.key.join('.')).filter((key) => !code.includes(`'${key}'`) && !manifest.includes(`__MSG_${key.replaceAll('.', '_')}__`));
    expect(unused).toEqual([]);
  });
});
