import { language, t } from './messages';

/**
 * Errors as the visitor reads them, in the language Témoin speaks. The browser's own messages
 * are in English and technical (« No tab with id: 999999. »): each one Témoin may meet is said
 * again in plain words. Témoin's own messages are in the visitor's language already and pass
 * unchanged. In French, any other English message becomes a general French sentence (the
 * original goes to the console); in English, it is already in the visitor's language and stands.
 */

const known: [RegExp, () => string][] = [
  [/^(No tab with id|Invalid tab ID)\b/i, () => t('error.browser.tabGone')],
  [/may only be called from a user input handler|must be called during a user gesture/i, () => t('error.browser.gesture')],
  [/Receiving end does not exist|Could not establish connection/i, () => t('error.browser.noBackground')],
  [/Extension context invalidated/i, () => t('error.browser.reloaded')],
  [/Missing host permission|Cannot access contents of|Cannot access a chrome|cannot be scripted/i, () => t('error.browser.noPermission')],
  [/error page|showing error/i, () => t('error.browser.errorPage')],
  [/Failed to fetch|NetworkError|network error/i, () => t('error.browser.noAnswer')],
  [/The message port closed|message channel closed/i, () => t('error.browser.interrupted')],
  [/No matching signature|Invalid (url|value|argument)|Type error/i, () => t('error.browser.refused')],
  [/quota/i, () => t('error.browser.full')],
];

/** Words only a French sentence has: a message with one of them is already French. */
const FRENCH = /[àâçéèêëîïôûùœ«»’\u00a0]|\b(le|la|les|des|du|une?|est|pas|n’|d’|l’|ne|aucune?)\b/i;

export function visitorError(message: string): string {
  const text = message.trim();
  for (const [pattern, said] of known) if (pattern.test(text)) return capitalise(said());
  if (text === '' || (language() === 'fr' && !FRENCH.test(text))) {
    if (text) console.warn('[témoin] browser error:', text);
    return t('error.unknown');
  }
  return text;
}

function capitalise(sentence: string): string {
  return sentence[0]!.toUpperCase() + sentence.slice(1) + '.';
}

/** Why something failed, in the visitor's language whatever the browser said. */
export function reasonOf(error: unknown): string {
  return visitorError(error instanceof Error ? error.message : String(error));
}

/**
 * A write to the browser's storage, which can fail (storage full, profile locked): the failure
 * becomes a sentence for the visitor, never a silent loss. `what` names what was being saved
 * (« la liste des portails », "the list of portals"), in the language spoken.
 */
export async function written<T>(write: Promise<T>, what: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    // « … ${what} : l’espace de stockage de Témoin est plein. »: the reason goes on the same sentence.
    const reason = reasonOf(error).replace(/\.$/, '');
    // Lower-cased, but never the name Témoin.
    const joined = /^\p{Lu}(?!\p{Lu})/u.test(reason) && !reason.startsWith('Témoin') ? reason[0]!.toLowerCase() + reason.slice(1) : reason;
    throw new Error(t('error.notSaved', what, joined));
  }
}
