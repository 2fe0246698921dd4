import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { language, setMessages, type Lang, type MessagesJson } from './messages';

/** The visitor's choice on the options page: the browser's language (French for French, English for any other), or one of the two. */
export type LanguageChoice = 'auto' | Lang;
export const languageChoice = storage.defineItem<LanguageChoice>('local:language', { fallback: 'auto' });

export function browserLanguage(): Lang {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * Loads the chosen language's sentences (the extension's own `_locales`, read from its files),
 * before a page draws anything or the background says anything; the page's `lang` follows.
 * A table that cannot be read leaves the browser's own language in place.
 */
export async function useLanguage(): Promise<Lang> {
  const choice = await languageChoice.getValue().catch(() => 'auto' as const);
  const lang = choice === 'auto' ? browserLanguage() : choice;
  try {
    // Written by the build (locales/), so unknown to the type of the extension's public paths.
    const response = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/popup.html'));
    setMessages(lang, (await response.json()) as MessagesJson);
  } catch {
    // The browser's i18n answers in its own language (lib/i18n/messages.ts).
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language();
  return language();
}
