import type { GeneratedI18nStructure } from '#i18n';

/**
 * What Témoin says, in the language the visitor reads (lib/i18n/language.ts chooses it). The
 * sentences are in locales/<lang>.yml; the build turns them into the browser's
 * `_locales/<lang>/messages.json`. The browser's own `i18n.getMessage` follows the browser's
 * language only, while the visitor may choose another on the options page: each page and the
 * background then load the chosen language's table (`setMessages`) before they speak. When the
 * browser's own answers are in the language chosen (the usual case), they are what is said; they
 * also stand in before a table is loaded, and for a key it lacks.
 */

export type Lang = 'fr' | 'en';
type Structure = Omit<GeneratedI18nStructure, `@@${string}`>;
type Sub = string | number;
type Subs<N> = N extends 0 ? [] : N extends 1 ? [Sub] : N extends 2 ? [Sub, Sub] : N extends 3 ? [Sub, Sub, Sub] : N extends 4 ? [Sub, Sub, Sub, Sub] : Sub[];
/** After the count, which is $1. */
type MoreSubs<N> = N extends 0 | 1 ? [] : N extends 2 ? [Sub] : N extends 3 ? [Sub, Sub] : N extends 4 ? [Sub, Sub, Sub] : Sub[];
export type MessageKey = { [K in keyof Structure]: Structure[K]['plural'] extends true ? never : K }[keyof Structure];
export type PluralKey = { [K in keyof Structure]: Structure[K]['plural'] extends true ? K : never }[keyof Structure];

/** The messages.json form: `{ "popup_title": { "message": "…" } }`. */
export type MessagesJson = Record<string, { message: string }>;

let current: { lang: Lang; table: MessagesJson } | undefined;

export function setMessages(lang: Lang, table: MessagesJson): void {
  current = { lang, table };
}

/** The language Témoin speaks now: the loaded table's, else the browser's. */
export function language(): Lang {
  return current?.lang ?? (uiLanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en');
}

/** The locale dates and numbers follow: the browser's own when it is of the language spoken (en-US, fr-CA), else the language's usual one. */
export function locale(): string {
  const ui = uiLanguage();
  const lang = language();
  return ui.toLowerCase().startsWith(lang) ? ui : lang === 'fr' ? 'fr-FR' : 'en-GB';
}

function uiLanguage(): string {
  try {
    return globalThis.chrome?.i18n?.getUILanguage?.() ?? 'fr';
  } catch {
    return 'fr';
  }
}

const PLACES = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];

function raw(key: string): string {
  const name = key.replaceAll('.', '_');
  const found = current?.table[name]?.message;
  if (found !== undefined) return found;
  try {
    // Asked with `$1`…`$9` as its substitutions, the browser gives the sentence back with its
    // places still marked (without, it empties them), for `substitute` to fill.
    const answer = globalThis.chrome?.i18n?.getMessage?.(name, PLACES);
    if (answer) return answer;
  } catch {
    // Not in an extension (unit tests without a table): the key itself says what is missing.
  }
  return key;
}

/** `$1`…`$9` replaced by the substitutions, `$$` by a dollar sign, as the browser does. */
function substitute(message: string, subs: Sub[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : String(subs[Number(which) - 1] ?? '')));
}

/** A sentence: `t('popup.title')`, `t('clear.failed', name)`. */
export function t<K extends MessageKey>(key: K, ...subs: Subs<Structure[K]['substitutions']>): string {
  return substitute(raw(key), subs);
}

/**
 * A sentence that depends on a count, written `{ 1: …, n: … }` (or `{ 0: …, 1: …, n: … }`) in
 * the locales: the form is chosen by the language's own rule (French says « 0 cookie », English
 * « 0 cookies »), and the count, written as the language writes numbers, is `$1`.
 */
export function tn<K extends PluralKey>(key: K, count: number, ...subs: MoreSubs<Structure[K]['substitutions']>): string {
  const forms = raw(key).split(' | ');
  const one = pluralRules(locale()).select(count) === 'one';
  const form = forms.length === 3 ? forms[count === 0 ? 0 : one ? 1 : 2] : forms.length === 2 ? forms[one ? 0 : 1] : forms[0];
  return substitute(form ?? '', [numberFormat(locale()).format(count), ...subs]);
}

// Made once per locale: building one costs far more than using it, and a long list counts in every row.
const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

function pluralRules(at: string): Intl.PluralRules {
  let found = rules.get(at);
  if (!found) rules.set(at, (found = new Intl.PluralRules(at)));
  return found;
}

/** How numbers are written in the locale `at` (lib/i18n/format.ts's `number`). */
export function numberFormat(at: string): Intl.NumberFormat {
  let found = numbers.get(at);
  if (!found) numbers.set(at, (found = new Intl.NumberFormat(at)));
  return found;
}
