import { storage } from 'wxt/utils/storage';
import { LANGUAGE_KEY, type LanguageChoice } from './language';

/** The options page's choice of language, written and watched (the background follows it); read before a page draws by language.ts. */
export const languageChoice = storage.defineItem<LanguageChoice>(`local:${LANGUAGE_KEY}`, { fallback: 'auto' });
