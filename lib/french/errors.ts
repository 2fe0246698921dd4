/**
 * Errors as the visitor reads them: in French. The browser's own messages are in English
 * (« No tab with id: 999999. »); each one Témoin may meet is said again in French, and any other
 * English message becomes a general French one (the original goes to the console).
 * Témoin's own messages are French already and pass unchanged.
 */

const known: [RegExp, string][] = [
  [/^(No tab with id|Invalid tab ID)\b/i, 'l’onglet n’existe plus (il a peut-être été fermé)'],
  [
    /may only be called from a user input handler|must be called during a user gesture/i,
    'le navigateur ne demande une autorisation qu’après un clic du visiteur\u00a0; cliquez de nouveau sur le bouton',
  ],
  [/Receiving end does not exist|Could not establish connection/i, 'Témoin n’a pas pu joindre son service d’arrière-plan\u00a0; fermez puis rouvrez sa fenêtre'],
  [/Extension context invalidated/i, 'Témoin a été rechargé\u00a0; fermez puis rouvrez sa fenêtre'],
  [/Missing host permission|Cannot access contents of|Cannot access a chrome|cannot be scripted/i, 'Témoin n’a pas l’autorisation de lire cette page'],
  [/error page|showing error/i, 'la page affiche une erreur du navigateur'],
  [/Failed to fetch|NetworkError|network error/i, 'le site n’a pas répondu'],
  [/The message port closed|message channel closed/i, 'le service d’arrière-plan de Témoin s’est interrompu avant de répondre\u00a0; réessayez'],
  [/No matching signature|Invalid (url|value|argument)|Type error/i, 'le navigateur a refusé la demande de Témoin'],
  [/quota/i, 'l’espace de stockage de Témoin est plein'],
];

/** Words only a French sentence has: a message with one of them is already French. */
const FRENCH = /[àâçéèêëîïôûùœ«»’\u00a0]|\b(le|la|les|des|du|une?|est|pas|n’|d’|l’|ne|aucune?)\b/i;

export function frenchError(message: string): string {
  const text = message.trim();
  for (const [pattern, french] of known) if (pattern.test(text)) return capitalise(french);
  if (text === '' || !FRENCH.test(text)) {
    if (text) console.warn('[témoin] erreur du navigateur :', text);
    return 'Le navigateur a refusé l’opération sans en dire la raison en français.';
  }
  return text;
}

function capitalise(sentence: string): string {
  return sentence[0]!.toUpperCase() + sentence.slice(1) + '.';
}

/** Why something failed, in French whatever the browser said. */
export function reasonOf(error: unknown): string {
  return frenchError(error instanceof Error ? error.message : String(error));
}

/**
 * A write to the browser's storage, which can fail (storage full, profile locked): the failure
 * becomes a French sentence for the visitor, never a silent loss.
 */
export async function written<T>(write: Promise<T>, what: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    // « … ${what} : l’espace de stockage de Témoin est plein. »: the reason goes on the same sentence.
    const reason = reasonOf(error).replace(/\.$/, '');
    const joined = /^\p{Lu}(?!\p{Lu})/u.test(reason) ? reason[0]!.toLowerCase() + reason.slice(1) : reason;
    throw new Error(`Le navigateur n’a pas pu enregistrer ${what}\u00a0: ${joined}.`);
  }
}
