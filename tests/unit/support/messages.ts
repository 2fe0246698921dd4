import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import type { Lang, MessagesJson } from '@/lib/i18n/messages';

/**
 * A language's sentences as the build writes them for the browser (`_locales/<lang>/messages.json`),
 * from locales/<lang>.yml (from the project's root, where the tests run: a DOM test's
 * `import.meta.url` is not a file).
 */
export async function messagesOf(lang: Lang): Promise<MessagesJson> {
  // Read once per worker, whose files share this module (vitest.config.ts); each caller gets its own copy.
  read[lang] ??= parseMessagesFile(resolve(process.cwd(), 'locales', `${lang}.yml`)).then(generateChromeMessages);
  return structuredClone(await read[lang]);
}

const read: Partial<Record<Lang, Promise<MessagesJson>>> = {};
