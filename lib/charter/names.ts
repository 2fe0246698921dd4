/**
 * Cookie names as charters write them: one or several per cell or line, rules in words
 * (« tout cookie commençant par _hs »), and notations for a variable part, all read as a prefix:
 * `_pk_id.*`, `_ga_#`, `_ga_<container-id>`, `AMCV_{org}`, `_pk_id.[site]`,
 * `UUID#[abcdef0123456789]{32}`, `_ga_XXXXXXXX`. A count (`_ga [x4]`) is dropped. Kinds and tools written where a
 * name should be (« Cookies de session », "HTTP", "Matomo") are not names: reported, not read.
 */
import { isCookieName } from '../cookies/model';
import type { NamePattern } from './model';
import { INVISIBLE, fold } from './text';
import { isKindOrTool, isVocabularyWord } from './vocabulary';


/** Name-cell phrases introducing a prefix rule, folded; longest first so "prefixed" beats "prefix". */
const PREFIX_PHRASES = [
  'commençant par', 'commencent par', 'commence par', 'débutant par', 'débutent par', 'débute par',
  'préfixé par', 'préfixés par', 'préfixe', 'préfixes', 'préfixé', 'préfixés',
  'starting with', 'beginning with', 'starts with', 'begins with', 'start with', 'begin with',
  'prefixed with', 'prefixed by', 'prefix',
  'que empiece por', 'que empiecen por', 'que empieza por', 'que empiezan por', 'que comienza por',
  'que comienzan por', 'que comience por', 'que comiencen por', 'comenzando por', 'empezando por',
  'con el prefijo', 'prefijo',
]
  .map(fold)
  .sort((a, b) => b.length - a.length);

/** Words that may stand between a prefix phrase and the prefix: « commençant par le préfixe “_pk” ». */
const PREFIX_FILLERS = new Set(['de', 'du', 'des', 'par', 'le', 'la', 'les', 'by', 'with', 'the', 'por', 'con', 'el', 'los', 'las', 'un', 'une', 'nom', 'name', 'nombre', ':']);

/** Cells that say "nothing here". */
const PLACEHOLDERS = new Set(['etc', 'etc.', 'etcetera', '...', '-', '–', '—', '/', '?', 'n/a', 'na', 'n.a', 'n/d', 'nd', 'aucun', 'aucune', 'neant', 'sans objet', 'non applicable', 'none', 'not applicable', 'nil', 'ninguna', 'ninguno', 'nada', 'no aplica']);

/** Several names in words: « _ga et _gid », "_ga and _gid", « _ga y _gid ». */
const CONJUNCTIONS = / (?:et|and|y|ou|or|o) /i;

const QUOTES = '«»“”„‟"\'‘’‚‛`´‹›';
const LEADING_JUNK = `${QUOTES}•·▪‣(`;
const TRAILING_JUNK = `${QUOTES}.:!?)…`;

/** Strips quotes, spaces, bullets and trailing punctuation around a name: « “_pk” » → `_pk`. */
export function trimName(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (/\s/.test(text[start]!) || LEADING_JUNK.includes(text[start]!))) start++;
  while (end > start && (/\s/.test(text[end - 1]!) || TRAILING_JUNK.includes(text[end - 1]!))) end--;
  const name = text.slice(start, end);
  return /^[-–—] /.test(name) ? trimName(name.slice(2)) : name; // a list dash
}

function isWordBoundary(text: string, at: number): boolean {
  return at < 0 || at >= text.length || !/[a-z0-9]/.test(text[at]!);
}

/**
 * The prefix of a rule written in words (« tout cookie commençant par _hs », "Any cookie
 * starting with “_hs”", « préfixe _pk »): the prefix, null when the phrase is there but no
 * readable prefix follows it, undefined when the text is no such rule.
 */
function prefixInWords(text: string): string | null | undefined {
  const folded = fold(text);
  for (const phrase of PREFIX_PHRASES) {
    let at = folded.indexOf(phrase);
    while (at >= 0 && !(isWordBoundary(folded, at - 1) && isWordBoundary(folded, at + phrase.length))) {
      at = folded.indexOf(phrase, at + 1);
    }
    if (at < 0) continue;
    const tokens = text.slice(at + phrase.length).split(' ').map(trimName).filter(Boolean);
    const token = tokens.slice(0, 4).find((t) => !PREFIX_FILLERS.has(fold(t)));
    if (token === undefined) return null;
    const pattern = patternOf(token);
    if (!pattern) return null;
    return 'prefix' in pattern ? pattern.prefix : pattern.exact;
  }
  return undefined;
}

/** Where a written name's variable part starts: `*`, `#`, `<id>`, `{id}`, `[site]`, `XXXXXX`, `…`. */
const VARIABLE = /[*#<{[…]|X{3,}|x{4,}|\.\.\./;

/**
 * One name as written: `sessionid`, or a prefix when a variable part follows a fixed start
 * (`_pk_*`, `_ga_#`, `_ga_<container-id>`, `_pk_id.[site]`, `UUID#[abcdef0123456789]{32}`).
 */
function patternOf(token: string): NamePattern | undefined {
  const variable = token.search(VARIABLE);
  if (variable >= 0) {
    const prefix = token.slice(0, variable); // `_pk_id.*`: the dot belongs to the prefix
    return isCookieName(prefix) ? { prefix } : undefined;
  }
  return isCookieName(token) ? { exact: token } : undefined;
}

/** A count written after a name: `_ga [x4]`, `_gat (x2)`, `_hjid ×3`. */
const COUNT = /\s*(?:\[\s*[x×]\s*\d+\s*\]|\(\s*[x×]\s*\d+\s*\)|[x×]\s?\d+)$/i;
/** A remark after a name: `_ga (Google)`. */
const REMARK = /^(\S+)\s+\([^()]*\)$/;

export interface ReadNames {
  names: NamePattern[];
  /** Pieces that are no readable name. */
  unreadable: string[];
  /** Kinds and tools written where a name should be: « Session », "Matomo". */
  notNames: string[];
}

/** Reads one piece of a name cell; what is not a name goes to `unreadable` or `notNames`. */
function readNamePiece(piece: string, out: ReadNames, depth = 0): void {
  const text = trimName(piece.trim().replace(REMARK, '$1')).replace(COUNT, '');
  if (!text || PLACEHOLDERS.has(fold(text))) return;
  if (!text.includes(' ')) {
    const pattern = isKindOrTool(text) ? undefined : patternOf(text);
    if (pattern) out.names.push(pattern);
    else (isKindOrTool(text) ? out.notNames : out.unreadable).push(text);
    return;
  }
  const prefix = prefixInWords(text);
  // "_ga _gid _gat": names written as code, separated by spaces only.
  const spaced = prefix === undefined && depth === 0 ? text.split(' ') : [];
  if (spaced.length > 1 && spaced.every((t) => /[_*#]|[a-z][A-Z]|\d/.test(t) && looksLikeName(t))) {
    for (const part of spaced) readNamePiece(part, out, 1);
    return;
  }
  if (prefix) out.names.push({ prefix });
  else if (prefix === undefined && depth === 0 && CONJUNCTIONS.test(text)) {
    for (const part of text.split(CONJUNCTIONS)) readNamePiece(part, out, 1);
  } else out.unreadable.push(text);
}

/**
 * The names a cell or line declares: one, several (split on `;`, `,`, ` / `, line breaks and
 * list items), or prefix rules. Duplicates are dropped.
 */
export function readNames(raw: string): ReadNames {
  const out: ReadNames = { names: [], unreadable: [], notNames: [] };
  // Single spaces from here on: the phrase and conjunction searches need no `\s+`.
  const text = raw.replace(INVISIBLE, '').replace(/[^\S\n]+/g, ' ');
  for (const piece of text.split(/\n|;|,| \/ /)) readNamePiece(piece, out);
  const seen = new Set<string>();
  out.names = out.names.filter((pattern) => {
    const key = 'exact' in pattern ? `=${pattern.exact}` : `*${pattern.prefix}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return out;
}

/**
 * Whether a cell or line looks like a cookie name rather than words: one token, no sentence, and
 * written as code is (`_ga`, `hjViewportId`, `NID`, `cookie-functional`, `contrast`), not as a
 * capitalised word ("Chrome", "Analytics"). Used to choose a name column by its content and to
 * find names outside tables, never to reject a name a name column declares.
 */
export function looksLikeName(raw: string): boolean {
  const text = trimName(raw.replace(INVISIBLE, '')).replace(COUNT, '');
  if (!text || text.includes(' ') || text.length > 80 || isKindOrTool(text) || PLACEHOLDERS.has(fold(text))) return false;
  const pattern = patternOf(text);
  if (!pattern) return false;
  if (/^\d+$/.test(text) || /^[a-z]+:\/\//i.test(text) || /\.(?:com|org|net|fr|es|eu|io)$/i.test(text)) return false;
  if (/[_\d.\-*#]/.test(text) || /[a-z][A-Z]/.test(text)) return true;
  return (/^[A-Z]{2,}$/.test(text) || /^[a-z]+$/.test(text)) && !isVocabularyWord(text);
}
