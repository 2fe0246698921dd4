import { t, tn } from '../i18n/messages';

/**
 * A site chooses its cookie and storage names, so a name can be built to look like another:
 * `sessionid` followed by a zero-width space, `sessiоnid` with a Cyrillic « о », a right-to-left
 * override that redraws the name backwards. Témoin shows every such character as its code point
 * (`sessi[U+043E]nid`) and says which name it imitates.
 */

export interface VisibleName {
  /** The name as Témoin draws it: invisible and look-alike characters as `[U+XXXX]`. */
  shown: string;
  /** Present when the name holds such characters. */
  deceptive?: {
    /** The name it is drawn like, once those characters are read as what they imitate. */
    imitates: string;
    /** Each character, described in the language spoken: `U+200B (espace sans chasse)`. */
    characters: string[];
  };
}

/** Letters of other scripts drawn like Latin ones (Unicode's confusables, the common cases). */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h',
  ӏ: 'l', ԍ: 'G', А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I',
  Ј: 'J', Ѕ: 'S', Ү: 'Y', Ԛ: 'Q', Ԝ: 'W',
  // Greek
  ο: 'o', ν: 'v', ρ: 'p', ι: 'i', κ: 'k', υ: 'u', χ: 'x', α: 'a', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I',
  Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  // Armenian, and Latin letters that pass for others
  օ: 'o', ս: 'u', ı: 'i', ȷ: 'j',
};

/** Characters that draw nothing, or change how what follows is drawn. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0]|[\u{e0100}-\u{e01ef}]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describe(ch: string): string {
  if (BIDI.test(ch)) return t('popup.name.bidi', codePoint(ch));
  if (ch === '\u200b') return t('popup.name.zeroWidth', codePoint(ch));
  if (INVISIBLE.test(ch)) return t('popup.name.invisible', codePoint(ch));
  if (/\p{Script=Cyrillic}/u.test(ch)) return t('popup.name.cyrillic', codePoint(ch), ch);
  if (/\p{Script=Greek}/u.test(ch)) return t('popup.name.greek', codePoint(ch), ch);
  if (/\p{Script=Armenian}/u.test(ch)) return t('popup.name.armenian', codePoint(ch), ch);
  return t('popup.name.formOf', codePoint(ch), ch.normalize('NFKC'));
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const MAX_DESCRIBED = 5;

/**
 * How a name is drawn safely. A look-alike letter is marked only when, read as the Latin letter
 * it imitates, the whole name reads as a plain ASCII one (`sessiоnid`); a name written in another
 * script (`сессия`) is left as it is.
 */
export function visibleName(name: string): VisibleName {
  // Most names are plain ASCII: nothing to look at.
  if (PRINTABLE_ASCII.test(name)) return { shown: name };
  const chars = [...name];
  const hidden = chars.map((ch) => INVISIBLE.test(ch) || BIDI.test(ch));
  const imitated = chars.map((ch, i) => (hidden[i] ? '' : (LOOK_ALIKES[ch] ?? ch.normalize('NFKC'))));
  const imitates = imitated.join('');
  const lookAlikes = PRINTABLE_ASCII.test(imitates) && imitates !== '';
  const marked = chars.map((ch, i) => hidden[i] || (lookAlikes && imitated[i] !== ch));
  if (!marked.some(Boolean)) return { shown: name };
  const shown = chars.map((ch, i) => (marked[i] ? `[${codePoint(ch)}]` : ch)).join('');
  const described = [...new Set(chars.filter((_, i) => marked[i]))].map(describe);
  const characters =
    described.length > MAX_DESCRIBED ? [...described.slice(0, MAX_DESCRIBED), tn('popup.name.others', described.length - MAX_DESCRIBED)] : described;
  return { shown, deceptive: { imitates: lookAlikes ? imitates : imitated.join(''), characters } };
}

/** The name as Témoin draws it; `(sans nom)` for the empty name. */
export function shownName(name: string): string {
  return name === '' ? t('popup.name.none') : visibleName(name).shown;
}
