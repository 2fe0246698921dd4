import { language, setMessages, type Lang, type MessagesJson } from './messages';

/**
 * Which language Témoin speaks, read before a page draws anything. Every page loads this first,
 * the popup before its first paint: so it speaks to the browser's own API, not through the
 * polyfill and the storage library (about 20 KB the popup would load before painting). The
 * options page writes the choice with the storage library (language-choice.ts), under this key.
 */

/** The visitor's choice on the options page: the browser's language (French for French, English for any other), or one of the two. */
export type LanguageChoice = 'auto' | Lang;
/** Where the choice is kept, in the extension's local storage. */
export const LANGUAGE_KEY = 'language';

interface Api {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { getURL(path: string): string };
  i18n: { getUILanguage(): string };
}
/** Firefox's `browser` (promises in both of its builds), else Chrome's `chrome` (promises in MV3). */
const api = () => ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome);

export function browserLanguage(): Lang {
  return api().i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * The language the browser's `i18n.getMessage` answers in: its own when it is French or English,
 * else the extension's default, French (while Témoin speaks English to a German browser).
 */
function browserSpeaks(): Lang {
  const ui = api().i18n.getUILanguage().toLowerCase();
  return ui.startsWith('en') ? 'en' : 'fr';
}

async function chosen(): Promise<LanguageChoice> {
  try {
    const value = (await api().storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY];
    return value === 'fr' || value === 'en' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/**
 * Loads the chosen language's sentences (the extension's own `_locales`, read from its files),
 * before a page draws anything or the background says anything; the page's `lang` follows.
 * A table that cannot be read leaves the browser's own language in place.
 */
export async function useLanguage(): Promise<Lang> {
  const choice = await chosen();
  const lang = choice === 'auto' ? browserLanguage() : choice;
  if (lang === browserSpeaks()) {
    // The browser's own i18n already answers in this language, from the table it holds: reading
    // and parsing ours again would only delay the page's first paint.
    setMessages(lang, {});
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    return lang;
  }
  try {
    const response = await fetch(api().runtime.getURL(`/_locales/${lang}/messages.json`));
    setMessages(lang, (await response.json()) as MessagesJson);
  } catch {
    // The browser's i18n answers in its own language (lib/i18n/messages.ts).
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language();
  return language();
}
