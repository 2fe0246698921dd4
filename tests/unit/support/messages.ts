import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import type { Lang, MessagesJson } from '@/lib/i18n/messages';

/** A language's sentences as the build writes them for the browser (`_locales/<lang>/messages.json`), from locales/<lang>.yml. */
export async function messagesOf(lang: Lang): Promise<MessagesJson> {
  return generateChromeMessages(await parseMessagesFile(new URL(`../../../locales/${lang}.yml`, import.meta.url).pathname));
}
